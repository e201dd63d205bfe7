// ResourceQuota.
import { z } from "zod";
import { atomic, gvk, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata, ResourceList } from "../meta";

export const ScopedResourceSelectorRequirement = z
  .object({
    scopeName: str("Quota scope, e.g. Terminating, BestEffort or PriorityClass."),
    operator: str("In, NotIn, Exists or DoesNotExist."),
    values: list(z.string(), "Values to compare against.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ScopedResourceSelectorRequirement", description: "One scope matching rule." });

export const ScopeSelector = z
  .object({ matchExpressions: list(ScopedResourceSelectorRequirement, "Scope requirements that must all hold.", atomic).optional() })
  .meta({ id: "io.k8s.api.core.v1.ScopeSelector", description: "Selects quota scopes.", "x-kubernetes-map-type": "atomic" });

export const ResourceQuotaSpec = z
  .object({
    hard: ref(ResourceList, "Hard limit for each named resource.").optional(),
    scopes: list(z.string(), "Scopes every tracked object must match.", atomic).optional(),
    scopeSelector: ref(ScopeSelector, "Scope requirements every tracked object must match.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceQuotaSpec", description: "The limits a quota enforces." });

export const ResourceQuotaStatus = z
  .object({
    hard: ref(ResourceList, "Limits currently enforced.").optional(),
    used: ref(ResourceList, "Current usage in the namespace.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceQuotaStatus", description: "Enforced limits and observed usage." });

export const ResourceQuota = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(ResourceQuotaSpec, "Desired quota.").optional(),
    status: ref(ResourceQuotaStatus, "Observed quota usage.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceQuota", description: "Aggregate resource limits of a namespace.", ...gvk("", "v1", "ResourceQuota") });
export type ResourceQuota = z.infer<typeof ResourceQuota>;
