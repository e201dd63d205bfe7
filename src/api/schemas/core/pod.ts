// Pod, PodTemplateSpec (reused by every workload kind), PodTemplate and Binding.
import { z } from "zod";
import { gvk, ref, typeMetaFields } from "../fields";
import { ObjectMeta, objectMetadata, ObjectReference } from "../meta";
import { PodSpec } from "./pod-spec";
import { PodStatus } from "./pod-status";

export const Pod = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(PodSpec, "Desired state of the pod.").optional(),
    status: ref(PodStatus, "Observed state of the pod, written by the system.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.Pod",
    description: "A group of containers scheduled together onto one node.",
    ...gvk("", "v1", "Pod"),
  });
export type Pod = z.infer<typeof Pod>;

export const PodTemplateSpec = z
  .object({
    metadata: ref(ObjectMeta, "Metadata given to pods created from the template.").optional(),
    spec: ref(PodSpec, "Spec of pods created from the template.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodTemplateSpec", description: "The pod a controller creates." });
export type PodTemplateSpec = z.infer<typeof PodTemplateSpec>;

export const PodTemplate = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    template: ref(PodTemplateSpec, "The stored pod template.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodTemplate", description: "A stored pod template.", ...gvk("", "v1", "PodTemplate") });
export type PodTemplate = z.infer<typeof PodTemplate>;

export const Binding = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    target: ref(ObjectReference, "The node the pod is bound to."),
  })
  .meta({ id: "io.k8s.api.core.v1.Binding", description: "Binds a pod to a node; posted by schedulers.", ...gvk("", "v1", "Binding") });
export type Binding = z.infer<typeof Binding>;
