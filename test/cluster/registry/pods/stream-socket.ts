// A stand-in for the server end of a WebSocket (runtime/web-socket.ts MessageSocket) with the client's side: send
// v5 frames in, read what the server sent by channel.
import type { MessageSocket } from "../../../../src/runtime/web-socket";

export class FakeSocket implements MessageSocket {
  readonly sent: Uint8Array[] = [];
  closed = false;
  private readonly listeners: Array<(m: Uint8Array | string) => void> = [];
  private readonly closeListeners: Array<() => void> = [];

  send(message: Uint8Array | string): void {
    if (this.closed) return;
    this.sent.push(typeof message === "string" ? new TextEncoder().encode(message) : message);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.closeListeners) l();
  }
  onMessage(listener: (m: Uint8Array | string) => void): void {
    this.listeners.push(listener);
  }
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** The client sends `payload` on channel `ch`. */
  input(ch: number, payload: string | number[]): void {
    const bytes = typeof payload === "string" ? new TextEncoder().encode(payload) : Uint8Array.from(payload);
    const message = new Uint8Array(bytes.length + 1);
    message[0] = ch;
    message.set(bytes, 1);
    for (const l of this.listeners) l(message);
  }

  /** Everything sent on channel `ch`, as text. */
  text(ch: number): string {
    return this.sent.filter((m) => m[0] === ch).map((m) => new TextDecoder().decode(m.subarray(1))).join("");
  }

  /** The Statuses sent on channel 3. */
  statuses(): Array<Record<string, any>> {
    return this.sent.filter((m) => m[0] === 3).map((m) => JSON.parse(new TextDecoder().decode(m.subarray(1))));
  }
}
