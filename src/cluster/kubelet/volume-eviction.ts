// The eviction manager's check of a pod's emptyDirs (eviction_manager.go emptyDirLimitEviction): a pod whose emptyDir
// holds more than its `sizeLimit` is evicted at the manager's next look (every `evictionIntervalMs`, on the clock's
// multiples of it), with the manager's message. A `medium: Memory` emptyDir is a tmpfs of its sizeLimit: a write over
// it already fails (ENOSPC), so it never gets there.
import { Quantity } from "../../api/quantity";
import type { Pod } from "../../api/schemas";
import type { PodVolumes } from "./volume-stores";
import { emptyDirLimit } from "./volumes";

/** When the pod is evicted for an emptyDir over its sizeLimit, and the manager's message; undefined if never. */
export function emptyDirEviction(pod: Pod, volumes: PodVolumes | undefined, intervalMs: number): { at: number; message: string } | undefined {
  if (!volumes) return undefined;
  let first: { at: number; message: string } | undefined;
  for (const volume of pod.spec?.volumes ?? []) {
    const sizeLimit = volume.emptyDir?.sizeLimit;
    if (!volume.emptyDir || sizeLimit === undefined) continue;
    let size: Quantity;
    try {
      size = Quantity.parse(String(sizeLimit));
    } catch {
      continue;
    }
    if (size.toNumber() <= 0) continue;
    const over = volumes.emptyDir(volume.name, emptyDirLimit(volume.emptyDir)).firstUsageOver(size.toNumber());
    if (over === undefined) continue;
    const at = (Math.floor(over / intervalMs) + 1) * intervalMs;
    if (!first || at < first.at) first = { at, message: `Usage of EmptyDir volume "${volume.name}" exceeds the limit "${size.toString()}". ` };
  }
  return first;
}
