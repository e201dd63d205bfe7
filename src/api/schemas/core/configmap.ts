// ConfigMap.
import { z } from "zod";
import { bool, bytesMap, gvk, strMap, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const ConfigMap = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    immutable: bool("When true, data cannot be changed after creation.").optional(),
    data: strMap("UTF-8 configuration values by key.").optional(),
    binaryData: bytesMap("Binary configuration values by key, base64 encoded.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ConfigMap", description: "Non-secret configuration data.", ...gvk("", "v1", "ConfigMap") });
export type ConfigMap = z.infer<typeof ConfigMap>;
