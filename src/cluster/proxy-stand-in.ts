// A stand-in for the cluster network's side of the proxy subresources (registry/proxy-connection.ts) until the
// network (src/cluster/network/, issue 12's cluster network) fills it: a node's kubelet answers its health check,
// everything else answers as a target nothing reaches. assemble() uses it when given no connection.
// TODO(issue 12, integration): pass the cluster network's ProxyConnection in assemble.ts instead.
import { failure } from "../api/status";
import type { HttpAnswer } from "../container-sim/types";
import type { ProxyConnection } from "./registry/proxy-connection";

const kubeletPort = 10250;

export const proxyStandIn: ProxyConnection = {
  request(target, http): HttpAnswer {
    if (target.kind === "node" && (target.port === undefined || target.port === kubeletPort)) {
      const path = http.path.split("?")[0];
      if (path === "/healthz") return { status: 200, body: "ok", headers: { "content-type": "text/plain; charset=utf-8" } };
      return { status: 404, body: "404 page not found\n", headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } };
    }
    throw failure(503, "ServiceUnavailable", "error trying to reach service: the sandbox's cluster network does not carry proxied requests yet");
  },
};
