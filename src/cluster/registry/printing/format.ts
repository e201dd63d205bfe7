// Small cell formatters shared by the kind printers, each matching a helper of the apiserver's printers.
import { list, record, text } from "./fields";

export const NONE = "<none>";

/** Go's `printBoolPtr`: `True`/`False`, `<unset>` when absent. */
export function formatBoolPtr(value: unknown): string {
  if (typeof value !== "boolean") return "<unset>";
  return value ? "True" : "False";
}

/** Go's `layoutContainerCells`: container names and images, each joined with commas. */
export function containerCells(containers: unknown): { names: string; images: string } {
  const items = list(containers).map(record);
  return {
    names: items.map((c) => text(c.name)).join(","),
    images: items.map((c) => text(c.image)).join(","),
  };
}

/** Go's `listWithMoreString`: at most `max` items, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: string[], max = 3): string {
  if (items.length > max) return `${items.slice(0, max).join(",")} + ${items.length - max} more...`;
  return items.length === 0 ? "<unset>" : items.join(",");
}

/** Go's `net.JoinHostPort`: IPv6 hosts are bracketed. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The controller owner reference (`controller: true`), like `metav1.GetControllerOf`. */
export function controllerOf(metadata: unknown): Record<string, unknown> | undefined {
  return list(record(metadata).ownerReferences)
    .map(record)
    .find((ref) => ref.controller === true);
}
