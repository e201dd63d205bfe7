// The request attributes a SelfSubjectAccessReview asks about.
import { z } from "zod";
import { atomic, list, ref, str } from "../fields";
import { LabelSelectorRequirement } from "../meta";

export const FieldSelectorRequirement = z
  .object({
    key: str("Field path the requirement applies to."),
    operator: str("In, NotIn, Exists or DoesNotExist."),
    values: list(z.string(), "Values to compare against.", atomic).optional(),
  })
  .meta({ id: "io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement", description: "One field-matching rule." });

export const FieldSelectorAttributes = z
  .object({
    rawSelector: str("Field selector as written in a query string.").optional(),
    requirements: list(FieldSelectorRequirement, "Parsed field requirements.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.FieldSelectorAttributes", description: "A field selector restricting the request." });

export const LabelSelectorAttributes = z
  .object({
    rawSelector: str("Label selector as written in a query string.").optional(),
    requirements: list(LabelSelectorRequirement, "Parsed label requirements.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.LabelSelectorAttributes", description: "A label selector restricting the request." });

export const ResourceAttributes = z
  .object({
    namespace: str("Namespace of the request; empty for cluster-wide or all namespaces.").optional(),
    verb: str("API verb, e.g. get, list, create, or * for all.").optional(),
    group: str("API group of the resource, or * for all.").optional(),
    version: str("API version of the resource, or * for all.").optional(),
    resource: str("Resource name, e.g. pods, or * for all.").optional(),
    subresource: str("Subresource, e.g. log.").optional(),
    name: str("Name of the object, empty for all.").optional(),
    fieldSelector: ref(FieldSelectorAttributes, "Field selector of a list or watch.").optional(),
    labelSelector: ref(LabelSelectorAttributes, "Label selector of a list or watch.").optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.ResourceAttributes", description: "A request on an API resource." });

export const NonResourceAttributes = z
  .object({
    path: str("URL path of the request.").optional(),
    verb: str("HTTP verb in lower case.").optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.NonResourceAttributes", description: "A request on a non-resource URL." });
