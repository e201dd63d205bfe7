// The body of `POST /api/clusters/<id>/nodes`: a new worker's name, resources, labels and taints (all optional).
import { z } from "zod";

const quantityString = z.union([z.string(), z.number()]).transform(String);

export const AddNodeOptions = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "name must be a DNS label: lowercase letters, digits and '-', at most 63")
      .optional(),
    cpu: quantityString.optional(),
    memory: quantityString.optional(),
    pods: z.number().int().min(1).max(1000).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    taints: z
      .array(
        z
          .object({
            key: z.string().min(1),
            value: z.string().optional(),
            effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type AddNodeOptions = z.infer<typeof AddNodeOptions>;
