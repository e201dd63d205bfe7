// The only place that makes WebSockets (the Workers runtime's WebSocketPair): the apiserver answers an upgrade with
// the client end and hands the server end, as a MessageSocket, to whoever serves the stream.

/** The server end of an accepted WebSocket, reduced to what a stream handler needs (and a test can fake). */
export interface MessageSocket {
  /** Send one binary (or text) message; a no-op once the socket is closed. */
  send(message: Uint8Array | string): void;
  /** Close the socket (a normal closure unless told otherwise). */
  close(code?: number, reason?: string): void;
  /** Each message the client sends, binary as bytes. */
  onMessage(listener: (message: Uint8Array | string) => void): void;
  /** Once, when the client closes the socket or it breaks. */
  onClose(listener: () => void): void;
}

/** Accept a WebSocket upgrade: the 101 answer (with `protocol` echoed, when given) and the server end. */
export function acceptWebSocket(protocol: string | undefined): { response: Response; socket: MessageSocket } {
  const pair = new WebSocketPair();
  const [client, server] = [pair[0], pair[1]];
  server.accept();
  // Binary messages as ArrayBuffers: with this compatibility date the runtime's default is Blob.
  server.binaryType = "arraybuffer";
  let open = true;
  const closeListeners: Array<() => void> = [];
  const closed = () => {
    if (!open) return;
    open = false;
    for (const listener of closeListeners) listener();
  };
  server.addEventListener("close", (event) => {
    closed();
    // Answer the client's close frame, as the protocol asks.
    try {
      server.close(event.code === 1005 ? 1000 : event.code, event.reason);
    } catch {
      // already closed
    }
  });
  server.addEventListener("error", closed);
  const socket: MessageSocket = {
    send(message) {
      if (!open) return;
      try {
        server.send(message);
      } catch {
        closed();
      }
    },
    close(code = 1000, reason = "") {
      if (!open) return;
      try {
        server.close(code, reason);
      } catch {
        // already closing
      }
      closed();
    },
    onMessage(listener) {
      // Messages are delivered in order, also when one arrives as a Blob (read asynchronously).
      let queue: Promise<void> = Promise.resolve();
      const broken = () => socket.close(1011, "internal error");
      server.addEventListener("message", (event) => {
        const data: unknown = event.data;
        if (typeof data === "string") queue = queue.then(() => listener(data));
        else if (data instanceof Blob) queue = queue.then(async () => listener(new Uint8Array(await data.arrayBuffer())));
        else queue = queue.then(() => listener(new Uint8Array(data as ArrayBuffer)));
        queue = queue.catch(broken);
      });
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
  };
  const headers = protocol ? { "Sec-WebSocket-Protocol": protocol } : undefined;
  return { response: new Response(null, { status: 101, webSocket: client, headers }), socket };
}
