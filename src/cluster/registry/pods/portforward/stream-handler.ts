// pods/portforward as a WebSocket stream (kubectl 1.31+): SPDY/3.1 tunnelled in binary messages, served by the
// port-forward session (session.ts) into the pod's network namespace.
import { badRequest } from "../../../../api/status";
import type { PodStreamHandler } from "../streams/handlers";
import { portForwardWebSocketProtocol, servePortForward } from "./session";

const encoder = new TextEncoder();

export const portForwardStreamHandler: PodStreamHandler = {
  protocols: [portForwardWebSocketProtocol],
  prepare(req) {
    const target = req.portForward?.(req.pod);
    if (!target) throw badRequest("pods/portforward is not served by this sandbox");
    return (socket) => {
      servePortForward(
        {
          send: (bytes) => socket.send(bytes),
          onMessage: (handler) => socket.onMessage((m) => handler(typeof m === "string" ? encoder.encode(m) : m)),
          onClose: (handler) => socket.onClose(handler),
          close: () => socket.close(),
        },
        target,
      );
    };
  },
};
