// Kinds that travel only as request bodies and are not resources of their own: a pod's Binding and Eviction, and the
// DeleteOptions of a DELETE. Each is decoded like a served kind (schema, optional protobuf message); the resource
// table looks them up beside the served kinds.
import { Binding } from "../../api/schemas/core/pod";
import { DeleteOptions } from "../../api/schemas/delete-options";
import { Eviction } from "../../api/schemas/policy/eviction";
import { DeleteOptions as DeleteOptionsMessage } from "../../api/protobuf/messages/meta";
import { Eviction as EvictionMessage } from "../../api/protobuf/messages/policy";
import { TokenRequest } from "../../api/schemas/authentication/tokenrequest";
import { TokenRequest as TokenRequestMessage } from "../../api/protobuf/messages/authentication";
import type { BodyKind } from "./types";

export const bodyKinds: BodyKind[] = [
  { group: "", version: "v1", kind: "Binding", schema: Binding },
  { group: "policy", version: "v1", kind: "Eviction", schema: Eviction, protobuf: EvictionMessage },
  { group: "authentication.k8s.io", version: "v1", kind: "TokenRequest", schema: TokenRequest, protobuf: TokenRequestMessage },
  // Like meta/v1 options in Kubernetes' scheme: accepted in meta.k8s.io/v1 and in every served group version.
  { group: "meta.k8s.io", version: "v1", kind: "DeleteOptions", schema: DeleteOptions, protobuf: DeleteOptionsMessage, inEveryGroupVersion: true },
];
