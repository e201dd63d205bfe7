// The field selectors the apiserver supports on core/v1 Events (kubectl describe and kubectl events use them).
import type { Event } from "../../../api/schemas/core/event";

export function eventFields(ev: Event): Record<string, string> {
  const io = ev.involvedObject ?? {};
  return {
    "involvedObject.kind": io.kind ?? "",
    "involvedObject.namespace": io.namespace ?? "",
    "involvedObject.name": io.name ?? "",
    "involvedObject.uid": io.uid ?? "",
    "involvedObject.apiVersion": io.apiVersion ?? "",
    "involvedObject.resourceVersion": io.resourceVersion ?? "",
    "involvedObject.fieldPath": io.fieldPath ?? "",
    reason: ev.reason ?? "",
    reportingComponent: ev.reportingComponent ?? "",
    source: ev.source?.component ?? "",
    type: ev.type ?? "",
  };
}
