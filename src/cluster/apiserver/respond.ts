// Response helpers: every answer of the apiserver is JSON, and every failure a Status.
import { internalError, StatusError, type Status } from "../../api/status";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function statusResponse(status: Status, headers: Record<string, string> = {}): Response {
  return json(status, status.code, headers);
}

/** Any thrown value becomes a Status answer; unexpected errors are logged and answered as InternalError. */
export function errorResponse(error: unknown): Response {
  if (error instanceof StatusError) return statusResponse(error.status);
  console.error("unexpected apiserver error", error);
  const message = error instanceof Error ? error.message : String(error);
  return statusResponse(internalError(message).status);
}
