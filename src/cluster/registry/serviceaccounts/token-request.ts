// POST serviceaccounts/<name>/token (TokenREST.Create): a token for the ServiceAccount, optionally bound to a Pod or
// Secret of its namespace, with the requested audiences and lifetime (default one hour, at least ten minutes).
import { isRecord } from "../../../api/object";
import { badRequest, failure, invalid, notFound, fieldError, type FieldError } from "../../../api/status";
import type { TokenRequest } from "../../../api/schemas/authentication/tokenrequest";
import { pods } from "../pods";
import { secrets } from "../secrets";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { serviceAccounts } from "./index";
import type { BoundObject } from "./tokens";

const defaultSeconds = 3600;
const minSeconds = 600;
const maxSeconds = 2 ** 32;

export function requestToken(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "POST") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const namespace = req.namespace ?? "";
  const body = (isRecord(req.body) ? req.body : {}) as TokenRequest;
  const spec = body.spec ?? {};
  const seconds = spec.expirationSeconds ?? defaultSeconds;
  const errors: FieldError[] = [];
  if (seconds < minSeconds) errors.push(fieldError.invalid("spec.expirationSeconds", seconds, "may not specify a duration less than 10 minutes"));
  if (seconds > maxSeconds) errors.push(fieldError.invalid("spec.expirationSeconds", seconds, "may not specify a duration larger than 2^32 seconds"));
  if (errors.length) throw invalid("TokenRequest", "authentication.k8s.io", req.name, errors);
  const sa = req.registry.tryGet(serviceAccounts, namespace, req.name);
  if (!sa) throw notFound("serviceaccounts", "", req.name);
  let bound: BoundObject | undefined;
  const ref = spec.boundObjectRef;
  if (ref) {
    if (ref.kind !== "Pod" && ref.kind !== "Secret") throw badRequest(`cannot bind token for serviceaccount "${req.name}" to object of type ${JSON.stringify(ref.kind ?? "")}`);
    const object = ref.kind === "Pod" ? req.registry.tryGet(pods, namespace, ref.name ?? "") : req.registry.tryGet(secrets, namespace, ref.name ?? "");
    if (!object) throw notFound(ref.kind === "Pod" ? "pods" : "secrets", "", ref.name ?? "");
    if (ref.uid && ref.uid !== object.metadata.uid) {
      throw failure(409, "Conflict", `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
    }
    bound = { kind: ref.kind, name: ref.name ?? "", uid: object.metadata.uid! };
  }
  const issued = req.tokens?.issue(namespace, req.name, sa.metadata.uid!, seconds, spec.audiences ?? [], bound);
  if (!issued) throw failure(503, "ServiceUnavailable", "the cluster cannot sign tokens yet");
  const answer: TokenRequest = {
    kind: "TokenRequest",
    apiVersion: "authentication.k8s.io/v1",
    metadata: { name: req.name, namespace, creationTimestamp: null },
    spec: {
      audiences: spec.audiences?.length ? spec.audiences : ["https://kubernetes.default.svc.cluster.local"],
      expirationSeconds: seconds,
      ...(ref ? { boundObjectRef: { kind: ref.kind, apiVersion: ref.apiVersion ?? "v1", name: ref.name, uid: bound!.uid } } : {}),
    },
    status: { token: issued.token, expirationTimestamp: new Date(issued.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z") },
  };
  return { status: 201, body: answer };
}
