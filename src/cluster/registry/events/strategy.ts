// Core Events (ValidateEventCreate): the involved object lives in the event's namespace; an event about a
// cluster-scoped object lives in "default" (or no namespace).
import { fieldError } from "../../../api/status";
import type { Event } from "../../../api/schemas/core/event";
import type { Strategy } from "../types";

export const eventStrategy: Strategy<Event> = {
  validate(event) {
    const involved = event.involvedObject?.namespace ?? "";
    const namespace = event.metadata.namespace ?? "";
    const matches = involved ? involved === namespace : namespace === "" || namespace === "default";
    return matches ? [] : [fieldError.invalid("involvedObject.namespace", involved, "does not match event.namespace")];
  },
};
