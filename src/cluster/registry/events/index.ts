import { Event } from "../../../api/schemas/core/event";
import { defineResource } from "../define";
import { printer } from "./printer";
import { eventStrategy } from "./strategy";
import { eventFields } from "./fields";

export const events = defineResource<Event>({
  group: "",
  version: "v1",
  kind: "Event",
  resource: "events",
  namespaced: true,
  uncounted: true,
  cold: true,
  shortNames: ["ev"],
  schema: Event,
  strategy: eventStrategy,
  printer,
  selectableFields: eventFields,
});
