// The port through which the apiserver's proxy subresources (services/proxy, pods/proxy, nodes/proxy) reach the
// programs of the cluster's network, as Kubernetes' ProxyREST hands a location to its proxy transport. The registry
// checks the request and the objects as the apiserver's ResourceLocation does (404s, 503 "no endpoints available",
// bad names); the connection then carries one HTTP exchange to the target and answers what the target answered, or
// throws a Status error when nothing answered (503 "error trying to reach service: ..."). The wiring
// (cluster/assemble.ts) fills it with the cluster network, so registry/ imports nothing of network/.
import type { HttpRequest } from "../../container-sim/network";
import type { HttpAnswer } from "../../container-sim/types";

/** Where a proxied request goes, after the registry's checks. */
export interface ProxyTarget {
  kind: "service" | "pod" | "node";
  /** Absent for nodes. */
  namespace?: string;
  /** The object's name (without scheme or port). */
  name: string;
  /**
   * service: the Service port's *name* the request resolved to ("" for the one unnamed port), as ResourceLocation
   * turns a port number into it; the connection picks a ready endpoint of that port.
   * pod: the container port as asked (a number, or a name as the request gave it); absent: the pod's first declared
   * container port, or 80 when it declares none.
   * node: the port asked; absent: the kubelet's (10250).
   */
  port?: number | string;
  /** The scheme of a `https:name:port` request; "" or "http" for plain HTTP. */
  scheme: "" | "http" | "https";
}

export interface ProxyConnection {
  /**
   * One HTTP exchange with the target, as the apiserver's proxy transport makes it (the request's path is the one
   * after `/proxy`, with its query). Answers the target's status, headers and body; throws a Status error (e.g.
   * 503 ServiceUnavailable "error trying to reach service: dial tcp 10.244.1.5:8080: connect: connection refused")
   * when the target does not answer HTTP.
   */
  request(target: ProxyTarget, http: HttpRequest): HttpAnswer | Promise<HttpAnswer>;
}
