// Element ordering of merged lists in strategic merge patch: patch items keep the patch's (or $setElementOrder's)
// relative order, server-only items keep the live order, and the two are interleaved by their live positions
// (normalizeElementOrder / mergeSortedSlice in k8s.io/apimachinery/pkg/util/strategicpatch). A consequence kept on
// purpose: a new item with no live position goes before the remaining live items, as on a real cluster.
import { isRecord } from "../../../api/object";

/** The identity of a list item: its merge-key value for lists of maps, itself for lists of primitives. */
function identity(item: unknown, mergeKey: string | undefined): unknown {
  if (mergeKey === undefined) return item;
  return isRecord(item) ? item[mergeKey] : undefined;
}

function indexIn(list: readonly unknown[], item: unknown, mergeKey: string | undefined): number {
  const id = identity(item, mergeKey);
  return list.findIndex((candidate) => identity(candidate, mergeKey) === id);
}

/** Splits `items` into those present in `by` (by identity) and the rest, both in their original order. */
export function partitionByPresence(
  items: readonly unknown[],
  by: readonly unknown[],
  mergeKey: string | undefined,
): [present: unknown[], absent: unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  for (const item of items) (indexIn(by, item, mergeKey) >= 0 ? present : absent).push(item);
  return [present, absent];
}

function sortByOrder(items: unknown[], order: readonly unknown[], mergeKey: string | undefined): unknown[] {
  return items
    .map((item, at) => ({ item, at, rank: indexIn(order, item, mergeKey) }))
    .sort((a, b) => (a.rank >= 0 && b.rank >= 0 ? a.rank - b.rank : a.at - b.at))
    .map((entry) => entry.item);
}

/**
 * Orders `patchItems` by `patchOrder` and `serverOnly` by `serverOrder`, then interleaves them: a server-only item
 * goes first only when both it and the next patch item have live positions and its position is earlier.
 */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string | undefined,
): unknown[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
