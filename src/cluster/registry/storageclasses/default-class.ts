// Which StorageClass is the default (storageutil.GetDefaultClass): one annotated is-default-class=true (GA or beta);
// with several, the newest (latest creationTimestamp, then name).
import type { StorageClass } from "../../../api/schemas/storage/storageclass";
import { isDefaultClass } from "./printer";

export function defaultStorageClass(classes: StorageClass[]): StorageClass | undefined {
  let chosen: StorageClass | undefined;
  for (const sc of classes) {
    if (!isDefaultClass(sc)) continue;
    if (!chosen || newer(sc, chosen)) chosen = sc;
  }
  return chosen;
}

function newer(a: StorageClass, b: StorageClass): boolean {
  const at = Date.parse(a.metadata.creationTimestamp ?? "") || 0;
  const bt = Date.parse(b.metadata.creationTimestamp ?? "") || 0;
  if (at !== bt) return at > bt;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "");
}
