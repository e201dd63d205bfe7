// GET pods/<name>/exec|attach|portforward with `Upgrade: websocket`: the pod, the subprotocol, then the 101 and the
// session of the subresource's stream handler (handlers.ts). SPDY (what kubectl before 1.30 uses for exec and
// attach, before 1.31 for port-forward) cannot be served from a Worker: those requests get a 400 that says which
// kubectl works.
import { badRequest } from "../../../../api/status";
import { acceptWebSocket } from "../../../../runtime/web-socket";
import type { SubresourceHandler } from "../../types";
import { pods } from "../index";
import { podStreamHandlers } from "./handlers";

/** The first kubectl minor that speaks WebSocket streams, per subresource. */
const firstWebSocketKubectl: Record<string, string> = { exec: "1.30", attach: "1.30", portforward: "1.31" };

function commandOf(subresource: string): string {
  return subresource === "portforward" ? "kubectl port-forward" : "kubectl exec, attach and cp";
}

/** Whether a request asks for a WebSocket (RFC 6455: `Connection: Upgrade` and `Upgrade: websocket`). */
export function isWebSocketUpgrade(request: Request): boolean {
  return request.method === "GET" && (request.headers.get("upgrade") ?? "").toLowerCase().split(/,\s*/).includes("websocket");
}

function offeredProtocols(request: Request): string[] {
  return (request.headers.get("sec-websocket-protocol") ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

export function podStreamUpgrade(subresource: string): SubresourceHandler {
  return (req) => {
    const handler = podStreamHandlers.get(subresource);
    const version = firstWebSocketKubectl[subresource] ?? "1.30";
    const pod = req.registry.get(pods, req.namespace, req.name);
    if (!isWebSocketUpgrade(req.request)) {
      // kubectl 1.30+ falls back to SPDY when its WebSocket is refused: the checks' own message (an unknown
      // container, ...) then reaches it this way.
      handler?.prepare({ ...req, pod, protocol: handler.protocols[0]! });
      const asked = req.request.headers.get("upgrade");
      throw badRequest(
        `this sandbox speaks only WebSocket streams: ${commandOf(subresource)} need kubectl ${version} or newer` +
          (asked ? ` (this client asked for ${asked})` : ` (this request asked for no WebSocket upgrade)`),
      );
    }
    if (!handler) throw badRequest(`pods/${subresource} is not served by this sandbox yet`);
    const offered = offeredProtocols(req.request);
    const protocol = handler.protocols.find((p) => offered.includes(p));
    if (!protocol) {
      throw badRequest(`unable to upgrade: no subprotocol in common: the client offered ${JSON.stringify(offered)}, this sandbox speaks ${JSON.stringify(handler.protocols)}`);
    }
    const start = handler.prepare({ ...req, pod, protocol });
    const { response, socket } = acceptWebSocket(protocol);
    start(socket);
    return response;
  };
}
