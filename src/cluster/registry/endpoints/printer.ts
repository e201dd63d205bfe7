// `kubectl get endpoints`: up to three `ip:port` pairs, then ` + N more...`.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { int, list, record, text } from "../printing/fields";
import { joinHostPort, NONE } from "../printing/format";

const MAX = 3;

/** Go's `formatEndpoints` for all ports: `<none>` without subsets; headless subsets (no ports) list bare IPs. */
export function formatEndpoints(subsets: unknown): string {
  const all = list(subsets).map(record);
  if (all.length === 0) return NONE;
  const shown: string[] = [];
  let count = 0;
  for (const subset of all) {
    const ips = list(subset.addresses).map((a) => text(record(a).ip));
    const ports = list(subset.ports).map(record);
    if (ports.length === 0) {
      count += ips.length;
      for (const ip of ips) if (shown.length < MAX) shown.push(ip);
      continue;
    }
    for (const port of ports) {
      count += ips.length;
      for (const ip of ips) if (shown.length < MAX) shown.push(joinHostPort(ip, int(port.port)));
    }
  }
  const joined = shown.join(",");
  return count > MAX ? `${joined} + ${count - MAX} more...` : joined;
}

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Endpoints", "string", "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share."),
    ageColumn,
  ],
  cells: (ep, now) => [
    ep.metadata.name ?? "",
    formatEndpoints(ep.subsets),
    translateTimestampSince(ep.metadata.creationTimestamp, now),
  ],
};
