// networking.k8s.io/v1 IngressClass: a kind of Ingress and the controller that implements it (cluster-scoped).
import { z } from "zod";
import { gvk, ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

/** The annotation that makes a class the default of Ingresses that name none. */
export const defaultIngressClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

export const IngressClassParametersReference = z
  .object({
    apiGroup: str("API group of the referenced resource; empty for the core group.").optional(),
    kind: str("Kind of the referenced resource."),
    name: str("Name of the referenced resource."),
    scope: str("Cluster (the default) or Namespace.").optional(),
    namespace: str("Namespace of the referenced resource; required with scope Namespace, forbidden with Cluster.").optional(),
  })
  .meta({
    id: "io.k8s.api.networking.v1.IngressClassParametersReference",
    description: "Identifies an API object holding the controller's parameters, cluster- or namespace-scoped.",
  });

export const IngressClassSpec = z
  .object({
    controller: str("The controller that handles this class, a domain-prefixed path such as k8s.io/ingress-nginx; immutable.").optional(),
    parameters: ref(IngressClassParametersReference, "A resource holding additional configuration for the controller.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressClassSpec", description: "The controller of a class of Ingresses and its parameters." });

export const IngressClass = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(IngressClassSpec, "The controller and parameters of the class.").optional(),
  })
  .meta({
    id: "io.k8s.api.networking.v1.IngressClass",
    description:
      "The class of an Ingress, which spec.ingressClassName names. With the ingressclass.kubernetes.io/is-default-class annotation set to true, Ingresses that name no class get this one.",
    ...gvk("networking.k8s.io", "v1", "IngressClass"),
  });
export type IngressClass = z.infer<typeof IngressClass>;
export type IngressClassSpec = z.infer<typeof IngressClassSpec>;
