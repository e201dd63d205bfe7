// Score normalisation helpers shared by plugins (framework/plugins/helper/normalize_score.go).
import { maxNodeScore } from "./reasons";

/** Scale scores to 0..100 by the highest one; `reverse` makes the highest raw score the lowest. Integer math. */
export function defaultNormalizeScore(scores: number[], reverse: boolean, max = maxNodeScore): number[] {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s;
  if (highest === 0) return scores.map(() => (reverse ? max : 0));
  return scores.map((s) => {
    const scaled = Math.trunc((max * s) / highest);
    return reverse ? max - scaled : scaled;
  });
}
