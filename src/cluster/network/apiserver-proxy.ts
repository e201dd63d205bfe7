// The apiserver's proxy subresources over the cluster network (registry/proxy-connection.ts): services/proxy and
// pods/proxy connect from the control-plane node to the Service's ClusterIP or the pod's IP, as the apiserver's
// proxy transport dials them; nodes/proxy reaches the node's kubelet, which answers its health check.
import type { Pod } from "../../api/schemas/core/pod";
import { failure } from "../../api/status";
import type { HttpRequest, NetworkAnswer } from "../../container-sim/network";
import type { HttpAnswer } from "../../container-sim/types";
import type { RegistryStore } from "../registry/generic-store";
import { nodes } from "../registry/nodes";
import { pods } from "../registry/pods";
import type { ProxyConnection, ProxyTarget } from "../registry/proxy-connection";
import { services } from "../registry/services";
import type { ClusterNetwork } from "./cluster-network";
import type { NetworkClient } from "./ports";

const kubeletPort = 10250;
const unreachable = (why: string) => failure(503, "ServiceUnavailable", `error trying to reach service: ${why}`);
const textPlain = { "content-type": "text/plain; charset=utf-8" };

function kubelet(http: HttpRequest): HttpAnswer {
  const path = http.path.split("?")[0];
  if (path === "/healthz") return { status: 200, body: "ok", headers: textPlain };
  return { status: 404, body: "404 page not found\n", headers: { ...textPlain, "x-content-type-options": "nosniff" } };
}

/** The control-plane node's address: where the apiserver's connections come from. */
function apiserverAddress(registry: RegistryStore): string {
  for (const node of registry.list(nodes)) {
    if (!("node-role.kubernetes.io/control-plane" in (node.metadata.labels ?? {}))) continue;
    const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    if (ip) return ip;
  }
  return "10.0.0.1";
}

function podPort(pod: Pod, port: number | string | undefined): number {
  if (typeof port === "number") return port;
  const declared = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  if (port === undefined || port === "") return declared[0]?.containerPort ?? 80;
  if (/^\d+$/.test(port)) return Number(port);
  const named = declared.find((p) => p.name === port);
  if (!named) throw unreachable(`dial tcp: lookup tcp/${port}: unknown port`);
  return named.containerPort;
}

/** The address and port a target is dialled at. */
function destination(registry: RegistryStore, target: ProxyTarget): { ip: string; port: number } {
  if (target.kind === "service") {
    const svc = registry.get(services, target.namespace, target.name);
    const sp = (svc.spec?.ports ?? []).find((p) => (p.name ?? "") === target.port);
    const ip = svc.spec?.clusterIP;
    if (!sp || !ip || ip === "None") throw unreachable(`no route to service ${JSON.stringify(target.name)}`);
    return { ip, port: sp.port };
  }
  const pod = registry.get(pods, target.namespace, target.name);
  return { ip: pod.status?.podIP ?? "", port: podPort(pod, target.port) };
}

export function apiserverProxy(deps: { registry: RegistryStore; network: ClusterNetwork; now(): number }): ProxyConnection {
  const { registry, network } = deps;
  let seq = 0;
  return {
    request(target, http): HttpAnswer {
      if (target.kind === "node") {
        registry.get(nodes, undefined, target.name);
        if (target.port === undefined || target.port === kubeletPort || target.port === String(kubeletPort)) return kubelet(http);
        throw unreachable(`dial tcp ${target.name}:${target.port}: connect: connection refused`);
      }
      const { ip, port } = destination(registry, target);
      const from = apiserverAddress(registry);
      const client: NetworkClient = { namespace: "kube-system", pod: "kube-apiserver", uid: "kube-apiserver", container: "proxy", podIP: from };
      const request = { ip, port, http: { ...http, headers: { host: `${ip}:${port}`, ...http.headers } }, atWallMs: deps.now(), seq: seq++ };
      const answer: NetworkAnswer = network.connect(client, request, () => ({ kind: "refused" }));
      if (answer.kind === "refused") throw unreachable(`dial tcp ${ip}:${port}: connect: connection refused`);
      if (answer.kind === "timeout") throw unreachable(`dial tcp ${ip}:${port}: i/o timeout`);
      if (answer.answer.status === 0) throw unreachable("EOF");
      return answer.answer;
    },
  };
}
