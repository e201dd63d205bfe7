// `kubectl get events.events.k8s.io`: the same table as core/v1 events (one internal type serves both groups),
// read through the events.k8s.io/v1 field names (regarding, note, deprecated*).
import type { KubeObject } from "../../../api/object";
import type { Printer } from "../types";
import { record, int, text } from "../printing/fields";
import { eventCells, eventColumns, seriesOf, type EventView } from "../events/printer";

function eventsV1View(e: KubeObject): EventView {
  const regarding = record(e.regarding);
  const source = record(e.deprecatedSource);
  return {
    name: e.metadata.name ?? "",
    type: text(e.type),
    reason: text(e.reason),
    message: text(e.note),
    involvedKind: text(regarding.kind),
    involvedName: text(regarding.name),
    fieldPath: text(regarding.fieldPath),
    sourceComponent: text(source.component),
    sourceHost: text(source.host),
    reportingController: text(e.reportingController),
    reportingInstance: text(e.reportingInstance),
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    eventTime: e.eventTime,
    count: int(e.deprecatedCount),
    series: seriesOf(e.series),
  };
}

export const printer: Printer = {
  columns: eventColumns,
  cells: (event, now) => eventCells(eventsV1View(event), now),
};
