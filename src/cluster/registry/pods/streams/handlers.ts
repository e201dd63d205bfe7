// The streaming subresources of a pod (exec, attach, portforward) by name: what each speaks and how it starts. The
// upgrade (upgrade.ts) looks a handler up in `podStreamHandlers`; a new streaming subresource adds its entry there.
import type { Pod } from "../../../../api/schemas";
import type { MessageSocket } from "../../../../runtime/web-socket";
import type { SubresourceRequest } from "../../types";
import { portForwardStreamHandler } from "../portforward/stream-handler";
import { attachStream } from "./attach";
import { execStream } from "./exec";

export interface PodStreamRequest extends SubresourceRequest {
  /** The pod named in the path, as stored. */
  pod: Pod;
  /** The subprotocol agreed on (one of the handler's `protocols`). */
  protocol: string;
}

export interface PodStreamHandler {
  /** The WebSocket subprotocols it speaks, preferred first. */
  protocols: string[];
  /**
   * The checks before the upgrade (throw a Status to refuse it with that answer), then the session: called with
   * the server end of the socket once the 101 is on its way.
   */
  prepare(request: PodStreamRequest): (socket: MessageSocket) => void;
}

/** The handlers by subresource name. */
export const podStreamHandlers = new Map<string, PodStreamHandler>([
  ["attach", attachStream],
  ["exec", execStream],
  ["portforward", portForwardStreamHandler],
]);
