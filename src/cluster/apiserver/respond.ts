// Response helpers: every answer of the apiserver is JSON, and every failure a Status.
import { badRequest, internalError, StatusError, type Status } from "../../api/status";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** A Status answer; a `retryAfterSeconds` detail is also sent as `Retry-After`, as the apiserver does. */
export function statusResponse(status: Status, headers: Record<string, string> = {}): Response {
  const retry = status.details?.retryAfterSeconds;
  return json(status, status.code, retry && retry > 0 ? { "Retry-After": String(retry), ...headers } : headers);
}

/** Any thrown value becomes a Status answer; unexpected errors are logged and answered as InternalError. */
export function errorResponse(error: unknown): Response {
  if (error instanceof StatusError) return statusResponse(error.status);
  // Bodies are decoded up to Go's 10000 levels, deeper than some recursive steps (patching, copying) can follow on
  // the Workers stack: running out of stack on such input is the request's fault, never a 500.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return statusResponse(badRequest(`the request body nests too deeply to be processed: ${error.message}`).status);
  }
  console.error("unexpected apiserver error", error);
  const message = error instanceof Error ? error.message : String(error);
  return statusResponse(internalError(message).status);
}

const streams = new WeakSet<Response>();

/** A streaming answer (watch, log follow): one that stays open and that the cluster may have to close. */
export function streamResponse(body: ReadableStream<Uint8Array>, headers: Record<string, string>, status = 200): Response {
  const response = new Response(body, { status, headers });
  streams.add(response);
  return response;
}

export function isStreamResponse(response: Response): boolean {
  return streams.has(response);
}
