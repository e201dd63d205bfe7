// pickOneNodeForPreemption: among the nodes where preemption would make room, the one whose most important victim
// is least important; then the smallest sum of victim priorities; then the fewest victims; then the node whose
// most important victims started last; then the first node (in name order here, where the real one is random).
// Victims are listed most important first.
import type { AssignedPod } from "../types";

export interface Candidate {
  node: string;
  victims: AssignedPod[];
}

/** Each priority is shifted by 2^31 so that negative priorities cannot make more victims look cheaper. */
const priorityShift = 2 ** 31;

const scores: Array<(c: Candidate) => number> = [
  (c) => -c.victims[0].priority,
  (c) => -c.victims.reduce((sum, v) => sum + v.priority + priorityShift, 0),
  (c) => -c.victims.length,
  (c) => {
    const top = c.victims[0].priority;
    return Math.min(...c.victims.filter((v) => v.priority === top).map((v) => v.created));
  },
];

export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate | undefined {
  let remaining = [...candidates];
  for (const score of scores) {
    if (remaining.length <= 1) break;
    const values = remaining.map(score);
    const best = Math.max(...values);
    remaining = remaining.filter((_, i) => values[i] === best);
  }
  return remaining[0];
}
