// Reading a request body with a size cap. A declared Content-Length over the cap is refused before any byte is kept,
// and a chunked body is kept only up to the cap. What is past the cap is read and dropped (up to `drainBytes`), not
// cancelled: an answer sent before the body was received makes the runtime (and `wrangler dev`'s proxy) reset the
// connection or answer 500/503 instead of passing on the 413.
import { tooLarge } from "./status";

/** At most this much of a refused or unread body is read and dropped (Cloudflare's own limit of a request body). */
const drainBytes = 100 * 1024 * 1024;

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  try {
    for (let read = alreadyRead; read <= drainBytes; ) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to drain.
  }
}

/** Read and drop what is left of a body (up to the drain cap), so that an early answer reaches the client; never throws. */
export async function drainBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  await discard(request.body.getReader(), 0);
}

/** The body's bytes; a StatusError 413 (after the body was drained) when it is larger than `maxBytes`. */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const refuse = () => tooLarge(`Request entity too large: limit is ${maxBytes}`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) {
    await discard(reader, 0);
    throw refuse();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discard(reader, size);
      throw refuse();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
