// The errors the strategic-merge-patch engine can answer, with the codes the apiserver gives them
// (interpretStrategicMergePatchError in k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
import { badRequest, failure, StatusError } from "../../../api/status";

export const BAD_PRIMITIVE_LIST = "invalid patch format of primitive list";
export const BAD_RETAIN_KEYS = "invalid patch format of retainKeys";
export const BAD_SET_ELEMENT_ORDER = "invalid patch format of setElementOrder list";

/** mergepatch's sentinel errors that the apiserver turns into 400 BadRequest. */
export const smpBadRequest = (message: string) => badRequest(message);

/** Sentinels answered with NewGenericServerResponse(422), which replaces the message with a generic one. */
export const smpUnprocessable = () =>
  failure(422, "Invalid", "the server rejected our request due to an error in our request", {});

/** Any other engine error reaches the client as a plain 500 with no reason (apiserver ErrorToAPIStatus). */
export function smpInternal(message: string): StatusError {
  return new StatusError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, code: 500 });
}
