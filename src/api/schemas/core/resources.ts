// Compute resources of containers and pods.
import { z } from "zod";
import { list, mapKeys, ref, str } from "../fields";
import { ResourceList } from "../meta";

export const ResourceClaim = z
  .object({
    name: str("Name of an entry in pod.spec.resourceClaims."),
    request: str("Name of one request inside that claim; empty means the whole claim.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceClaim", description: "A dynamic resource claim used by a container." });

export const ResourceRequirements = z
  .object({
    limits: ref(ResourceList, "Maximum amount of each resource allowed.").optional(),
    requests: ref(ResourceList, "Minimum amount of each resource required; defaults to the limits.").optional(),
    claims: list(ResourceClaim, "Dynamic resource claims used by this container.", mapKeys("name")).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceRequirements", description: "Resource requests and limits." });
export type ResourceRequirements = z.infer<typeof ResourceRequirements>;

export const ContainerResizePolicy = z
  .object({
    resourceName: str("Resource the policy applies to: cpu or memory."),
    restartPolicy: str("What to do when the resource is resized: NotRequired or RestartContainer."),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerResizePolicy", description: "How a container reacts to an in-place resize of one resource." });
