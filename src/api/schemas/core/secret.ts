// Secret.
import { z } from "zod";
import { bool, bytesMap, gvk, str, strMap, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const Secret = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    immutable: bool("When true, data cannot be changed after creation.").optional(),
    data: bytesMap("Secret values by key, base64 encoded.").optional(),
    stringData: strMap("Write-only plain-text values merged into data on write.").optional(),
    type: str("Secret type, e.g. Opaque or kubernetes.io/tls.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Secret", description: "Sensitive data such as passwords, tokens or keys.", ...gvk("", "v1", "Secret") });
export type Secret = z.infer<typeof Secret>;
