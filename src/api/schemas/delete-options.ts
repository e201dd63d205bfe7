// meta/v1 DeleteOptions, the optional body of DELETE requests and of a policy/v1 Eviction.
import { z } from "zod";
import { atomic, bool, int, list, ref, str, typeMetaFields } from "./fields";

export const Preconditions = z
  .object({
    resourceVersion: str("Resource version the object must still have.").optional(),
    uid: str("UID the object must still have.").optional(),
  })
  .meta({ id: "io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions", description: "Conditions that must hold for the operation to run." });
export type Preconditions = z.infer<typeof Preconditions>;

export const DeleteOptions = z
  .object({
    ...typeMetaFields,
    gracePeriodSeconds: int("Seconds before the object is deleted; zero deletes immediately.").optional(),
    preconditions: ref(Preconditions, "Conditions that must hold before deleting.").optional(),
    orphanDependents: bool("Deprecated: orphans dependents when true; use propagationPolicy.").optional(),
    propagationPolicy: str("Garbage collection of dependents: Orphan, Background or Foreground.").optional(),
    dryRun: list(z.string(), "When All, the deletion is validated but not persisted.", atomic).optional(),
    ignoreStoreReadErrorWithClusterBreakingPotential: bool("Deletes objects the store can no longer decode; unsafe.").optional(),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions",
    description: "Options for deleting an object.",
  });
export type DeleteOptions = z.infer<typeof DeleteOptions>;
