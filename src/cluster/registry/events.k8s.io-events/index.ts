import { EventsEvent } from "../../../api/schemas/events/event";
import { defineResource } from "../define";
import { printer } from "./printer";

export const eventsV1 = defineResource<EventsEvent>({
  group: "events.k8s.io",
  version: "v1",
  kind: "Event",
  resource: "events",
  namespaced: true,
  uncounted: true,
  cold: true,
  shortNames: ["ev"],
  schema: EventsEvent,
  printer,
});
