// `kubectl get events` (core/v1). The apiserver keeps one Event type for core/v1 and events.k8s.io/v1, so both
// groups print the same table: the shape is built here from a version-neutral view of the event.
// The real table starts with LAST SEEN, not NAME (NAME is the last, wide-only column).
import { isRecord, type KubeObject } from "../../../api/object";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { column, NAME_DESCRIPTION } from "../printing/columns";
import { int, record, text } from "../printing/fields";

/** The fields of an event the table reads, named after the internal (core) type. */
export interface EventView {
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedKind: string;
  involvedName: string;
  fieldPath: string;
  sourceComponent: string;
  sourceHost: string;
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  /** Present when the event is a series (`series` set). */
  series?: { count: number; lastObservedTime: unknown };
}

export const eventColumns = [
  column("Last Seen", "string", "The time at which the most recent occurrence of this event was recorded."),
  column("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future"),
  column("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column("Object", "string", "The object that this event is about."),
  column("Subobject", "string", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].", 1),
  column("Source", "string", "The component reporting this event. Should be a short machine understandable string.", 1),
  column("Message", "string", "A human-readable description of the status of this operation."),
  column("First Seen", "string", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
  column("Count", "string", "The number of times this event has occurred.", 1),
  column("Name", "string", NAME_DESCRIPTION, 1, "name"),
];

function firstNonEmpty(...values: string[]): string {
  return values.find((v) => v !== "") ?? "";
}

/** The cells of one event row, in `eventColumns` order. */
export function eventCells(e: EventView, now: number): Array<string | number> {
  const firstSeen =
    typeof e.firstTimestamp === "string"
      ? translateTimestampSince(e.firstTimestamp, now)
      : translateTimestampSince(typeof e.eventTime === "string" ? e.eventTime : undefined, now);
  let lastSeen = typeof e.lastTimestamp === "string" ? translateTimestampSince(e.lastTimestamp, now) : firstSeen;
  let count = e.count;
  if (e.series !== undefined) {
    const observed = e.series.lastObservedTime;
    lastSeen = translateTimestampSince(typeof observed === "string" ? observed : undefined, now);
    count = e.series.count;
  } else if (count === 0) {
    count = 1; // singleton events of the new API carry no count
  }
  const kind = e.involvedKind.toLowerCase();
  const component = firstNonEmpty(e.sourceComponent, e.reportingController);
  const host = firstNonEmpty(e.sourceHost, e.reportingInstance);
  return [
    lastSeen,
    e.type,
    e.reason,
    e.involvedName !== "" ? `${kind}/${e.involvedName}` : kind,
    e.fieldPath,
    host === "" ? component : `${component}, ${host}`,
    e.message.trim(),
    firstSeen,
    count,
    e.name,
  ];
}

/** Reads `series` (events.k8s.io/v1 and core/v1 share its shape). */
export function seriesOf(value: unknown): EventView["series"] {
  if (!isRecord(value)) return undefined;
  return { count: int(value.count), lastObservedTime: value.lastObservedTime };
}

function coreEventView(e: KubeObject): EventView {
  const involved = record(e.involvedObject);
  const source = record(e.source);
  return {
    name: e.metadata.name ?? "",
    type: text(e.type),
    reason: text(e.reason),
    message: text(e.message),
    involvedKind: text(involved.kind),
    involvedName: text(involved.name),
    fieldPath: text(involved.fieldPath),
    sourceComponent: text(source.component),
    sourceHost: text(source.host),
    reportingController: text(e.reportingComponent),
    reportingInstance: text(e.reportingInstance),
    firstTimestamp: e.firstTimestamp,
    lastTimestamp: e.lastTimestamp,
    eventTime: e.eventTime,
    count: int(e.count),
    series: seriesOf(e.series),
  };
}

export const printer: Printer = {
  columns: eventColumns,
  cells: (event, now) => eventCells(coreEventView(event), now),
};
