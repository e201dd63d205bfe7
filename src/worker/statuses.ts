// Status answers of the Worker itself (before any cluster is reached).
import { failure, tooManyRequests, unauthorized, type Status } from "../api/status";

/** A Status as JSON; a 429 carrying `details.retryAfterSeconds` also gets that `Retry-After` header. */
export function statusJson(status: Status): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (status.code === 429 && status.details?.retryAfterSeconds) headers["Retry-After"] = String(status.details.retryAfterSeconds);
  return new Response(JSON.stringify(status), { status: status.code, headers });
}

export const unauthorizedResponse = () => statusJson(unauthorized().status);

/** The answer for an id the platform did not make and for a deleted or expired cluster alike. */
export const clusterNotFound = () =>
  statusJson(failure(404, "NotFound", "this sandbox cluster does not exist (it was deleted or has expired)").status);

/** 429 with `Retry-After` (seconds). */
export const tooManyResponse = (message: string, retryAfterSeconds: number) => statusJson(tooManyRequests(message, retryAfterSeconds).status);

/** 429 for a client refused after too many 401s. */
export const refusedResponse = (seconds: number) =>
  tooManyResponse(`too many requests with a missing or wrong token from this address; retry in ${seconds} s`, seconds);
