// Status answers of the Worker itself (before any cluster is reached).
import { failure, type Status } from "../api/status";

export function statusJson(status: Status): Response {
  return new Response(JSON.stringify(status), { status: status.code, headers: { "Content-Type": "application/json" } });
}

export const unauthorizedResponse = () => statusJson(failure(401, "Unauthorized", "Unauthorized").status);

export const clusterNotFound = () =>
  statusJson(failure(404, "NotFound", "this sandbox cluster does not exist (it was deleted or has expired)").status);
