// What the port-forward protocol needs from outside: the socket the SPDY session is tunnelled in, and the pod's
// network namespace, where the runtime dials `localhost:<port>` (the wiring fills it with the cluster network, so
// registry/ imports nothing of network/).
import type { HttpRequest } from "../../../../container-sim/network";
import type { HttpAnswer } from "../../../../container-sim/types";

/** A binary message socket (the WebSocket after the upgrade): SPDY's byte stream arrives split anywhere. */
export interface ByteSocket {
  send(bytes: Uint8Array): void;
  onMessage(handler: (bytes: Uint8Array) => void): void;
  onClose?(handler: () => void): void;
  close(): void;
}

/** One TCP connection to a port inside the pod. */
export interface PodConnection {
  /** One HTTP exchange on the connection: the program's answer (status 0: it does not speak HTTP; `body` is what it wrote). */
  http(request: HttpRequest): HttpAnswer;
  /** Bytes of a protocol other than HTTP (redis): what the program writes back. */
  send(bytes: string): string;
}

/** The pod as its runtime (containerd) reaches it for port-forward. */
export interface PortForwardTarget {
  /** The pod's sandbox ID, as the runtime's messages name the pod. */
  sandboxId: string;
  /** A connection to `localhost:<port>` in the pod's network namespace, or the runtime's error when nothing listens. */
  dial(port: number): PodConnection | { error: string };
}
