// The selector of an object's spec as controllers read it: a selector that is absent or unusable selects no object,
// so a controller never adopts, counts or routes to everything by mistake (an invalid one cannot pass validation,
// but a controller must not fail on one).
import { labelSelectorFromObject, nothingSelector, selectorFromSet, type LabelMatcher } from "./label-selector";

/** A metav1.LabelSelector (ReplicaSet, Deployment, affinity terms): absent or invalid → nothing; `{}` → everything. */
export function labelSelectorOrNothing(selector: unknown): LabelMatcher {
  try {
    return labelSelectorFromObject(selector as never);
  } catch {
    return nothingSelector;
  }
}

/** A plain label map (Service, ReplicationController): absent or empty → nothing. */
export function mapSelectorOrNothing(selector: Record<string, string> | null | undefined): LabelMatcher {
  return selector && Object.keys(selector).length ? selectorFromSet(selector) : nothingSelector;
}
