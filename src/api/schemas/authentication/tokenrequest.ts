// authentication.k8s.io/v1 TokenRequest: the body and answer of serviceaccounts/<name>/token (`kubectl create token`).
import { z } from "zod";
import { atomic, gvk, int, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const BoundObjectReference = z
  .object({
    kind: str("Kind of the referent: Pod or Secret.").optional(),
    apiVersion: str("API version of the referent.").optional(),
    name: str("Name of the referent.").optional(),
    uid: str("UID of the referent.").optional(),
  })
  .meta({ id: "io.k8s.api.authentication.v1.BoundObjectReference", description: "An object a token is bound to." });

export const TokenRequest = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(
      z
        .object({
          audiences: list(z.string(), "Intended audiences of the token.", atomic).optional(),
          expirationSeconds: int("Requested duration of validity, in seconds.").optional(),
          boundObjectRef: ref(BoundObjectReference, "An object the token is bound to: valid only while it exists.").optional(),
        })
        .meta({ id: "io.k8s.api.authentication.v1.TokenRequestSpec", description: "What token is asked for." }),
      "What token is asked for.",
    ),
    status: ref(
      z
        .object({ token: str("The opaque bearer token."), expirationTimestamp: str("When the token expires.") })
        .meta({ id: "io.k8s.api.authentication.v1.TokenRequestStatus", description: "The token issued." }),
      "The token issued, filled by the server.",
    ).optional(),
  })
  .meta({ id: "io.k8s.api.authentication.v1.TokenRequest", description: "Requests a token for a service account.", ...gvk("authentication.k8s.io", "v1", "TokenRequest") });
export type TokenRequest = z.infer<typeof TokenRequest>;
