// `kubectl get resourcequotas`: `resource: used/hard` pairs, `limits.*` resources in LIMIT and the rest in REQUEST.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, record } from "../printing/fields";
import { compareStrings } from "../printing/label-selector";

function quantity(value: unknown): string {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "0";
}

/** The REQUEST and LIMIT cells from status.hard and status.used, sorted by resource name. */
export function quotaColumns(status: unknown): { request: string; limit: string } {
  const hard = record(at(status, "hard"));
  const used = record(at(status, "used"));
  const request: string[] = [];
  const limit: string[] = [];
  for (const resource of Object.keys(hard).sort(compareStrings)) {
    const entry = `${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`;
    const pieces = resource.split(".");
    (pieces.length > 1 && pieces[0] === "limits" ? limit : request).push(entry);
  }
  return { request: request.join(", "), limit: limit.join(", ") };
}

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Request", "string", "Request represents a minimum amount of cpu/memory that a container may consume."),
    column("Limit", "string", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
    ageColumn,
  ],
  cells(quota, now) {
    const { request, limit } = quotaColumns(quota.status);
    return [quota.metadata.name ?? "", request, limit, translateTimestampSince(quota.metadata.creationTimestamp, now)];
  },
};
