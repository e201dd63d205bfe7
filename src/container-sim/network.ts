// How a program inside a container reaches `host:port` (wget, curl, nc): the network whoever runs the container
// provides. The default answers the container's own ports on its loopback names and the pod's IP, and answers for
// public sites; the kubelet will plug in cluster DNS and Service routing (names in *.svc, ClusterIPs, other pods).

import type { HttpAnswer } from "./types";

/** The outcome of a connection: an HTTP answer (status 0: something listens but does not speak HTTP), refused, or a name that does not resolve. */
export interface NetworkAnswer {
  kind: "answer" | "refused" | "unresolved";
  answer?: HttpAnswer;
  /** The address the name resolved to, for messages (`Connecting to web (10.96.0.12:80)`). */
  ip?: string;
}

export interface ConnectRequest {
  host: string;
  port: number;
  /** The HTTP path to GET, "" for a bare TCP connect (nc). */
  path: string;
  /** When the program connects, wall clock: the answer must be as of then (the simulation is lazy and replays). */
  atWallMs: number;
}

/** What the container itself listens on `port` (its network namespace): the answer to GET `path`, or "refused". */
export type Loopback = (port: number, path: string) => HttpAnswer | "refused";

export interface ContainerNetwork {
  /** Connect from inside the container; `loopback` answers for the container's own listeners. */
  connect(request: ConnectRequest, loopback: Loopback): NetworkAnswer;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "0.0.0.0", "::1"];
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/** Public names answer with a page, other IPs refuse, cluster-internal and unknown bare names do not resolve. */
export function publicInternet(host: string): NetworkAnswer {
  if (host.includes(".") && !/\.(local|internal|svc|cluster\.local)$/.test(host) && !IPV4.test(host)) {
    return { kind: "answer", ip: "93.184.215.14", answer: { status: 200, body: `<!doctype html>\n<html>\n<head>\n    <title>${host}</title>\n</head>\n<body>\n<h1>${host}</h1>\n</body>\n</html>\n` } };
  }
  return IPV4.test(host) ? { kind: "refused", ip: host } : { kind: "unresolved" };
}

/** The network of a container on its own: its loopback names, hostname and pod IP reach it; the rest is `publicInternet`. */
export function defaultNetwork(identity: { hostname: string; podIP?: string }): ContainerNetwork {
  const self = new Set([...LOOPBACK_NAMES, identity.hostname, ...(identity.podIP ? [identity.podIP] : [])]);
  return {
    connect(request, loopback) {
      if (!self.has(request.host)) return publicInternet(request.host);
      const answer = loopback(request.port, request.path);
      return answer === "refused" ? { kind: "refused", ip: "127.0.0.1" } : { kind: "answer", ip: "127.0.0.1", answer };
    },
  };
}
