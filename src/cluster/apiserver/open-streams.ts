// Every streaming answer (watch, log follow) of a cluster, by the role of the token that opened it, so that the
// cluster can end them the moment their credential stops being valid (share link rotated, cluster deleted or
// expired). A tracked stream is a relay in front of the original body: closing it ends the client's stream and
// cancels the original (which releases its watch slot or timer); a client that goes away cancels both at once.
import type { Caller } from "../registry/types";

type Role = Caller["role"];

/**
 * Rewrites a block of a stream's complete lines (one or more, each ending in "\n"; the stream's last block may lack
 * it), e.g. to hide secret values from a read-only caller. Never sees a line cut in two.
 */
export type LineMap = (lines: string) => string;

interface Relay {
  role: Role;
  close(): void;
}

export class OpenStreams {
  private readonly open = new Set<Relay>();

  /** How many tracked streams are open (for one role, or all). */
  count(role?: Role): number {
    let n = 0;
    for (const relay of this.open) if (!role || relay.role === role) n += 1;
    return n;
  }

  /** A stream that ends when `close(role)` is called, its lines rewritten by `map` when given. */
  track(role: Role, body: ReadableStream<Uint8Array>, map?: LineMap): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let buffer = "";
    let done = false;
    let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
    const relay: Relay = {
      role,
      close: () => {
        if (done) return;
        finish();
        reader.cancel().catch(() => {});
        try {
          controllerRef?.close();
        } catch {
          // Already closed or errored by the client.
        }
      },
    };
    const finish = () => {
      done = true;
      this.open.delete(relay);
    };
    this.open.add(relay);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controllerRef = controller;
      },
      async pull(controller) {
        // Loop until something is enqueued: a pull that enqueues nothing would not be called again.
        while (!done) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (error) {
            if (!done) {
              finish();
              controller.error(error);
            }
            return;
          }
          if (done) return;
          if (chunk.done) {
            const rest = buffer + decoder.decode();
            if (rest) controller.enqueue(encoder.encode(map ? map(rest) : rest));
            finish();
            controller.close();
            return;
          }
          if (!map) {
            controller.enqueue(chunk.value);
            return;
          }
          buffer += decoder.decode(chunk.value, { stream: true });
          const end = buffer.lastIndexOf("\n");
          if (end < 0) continue;
          const lines = buffer.slice(0, end + 1);
          buffer = buffer.slice(end + 1);
          controller.enqueue(encoder.encode(map(lines)));
          return;
        }
      },
      cancel(reason) {
        if (done) return;
        finish();
        return reader.cancel(reason).catch(() => {});
      },
    });
  }

  /** End every stream opened by `role` (or every stream), at once. */
  close(role?: Role): void {
    for (const relay of [...this.open]) if (!role || relay.role === role) relay.close();
  }
}
