// Core Events (ValidateEventCreate): the involved object lives in the event's namespace; an event about a
// cluster-scoped object lives in "default" (or no namespace).
import { fieldError } from "../../../api/status";
import type { Strategy } from "../types";

export const eventStrategy: Strategy = {
  validate(event) {
    const involved = ((event as unknown as { involvedObject?: { namespace?: string } }).involvedObject ?? {}).namespace ?? "";
    const namespace = event.metadata.namespace ?? "";
    const matches = involved ? involved === namespace : namespace === "" || namespace === "default";
    return matches ? [] : [fieldError.invalid("involvedObject.namespace", involved, "does not match event.namespace")];
  },
};
