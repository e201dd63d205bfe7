// A stand-in for the cluster network's side of the proxy subresources (registry/proxy-connection.ts) until the
// network (src/cluster/network/, issue 12's cluster network) fills it: a Service reaches the pod of its first ready
// endpoint for the port, a pod its own running containers' programs (replayed as the log server replays them), a
// node's kubelet answers its health check. It keeps none of the access-log lines the programs print, applies no
// NetworkPolicy and does not spread requests over endpoints.
// TODO(issue 12, integration): pass the cluster network's ProxyConnection in assemble.ts instead.
import type { Pod } from "../api/schemas";
import { failure } from "../api/status";
import type { HttpRequest } from "../container-sim/network";
import type { HttpAnswer } from "../container-sim/types";
import { logSource, replay } from "./kubelet/logs";
import { podSources } from "./kubelet/pod-sources";
import type { ContainerRuntimePort } from "./kubelet/runtime-port";
import { configMaps } from "./registry/configmaps";
import { endpoints } from "./registry/endpoints";
import type { RegistryStore } from "./registry/generic-store";
import { nodes } from "./registry/nodes";
import { pods } from "./registry/pods";
import type { ProxyConnection, ProxyTarget } from "./registry/proxy-connection";
import { secrets } from "./registry/secrets";

const kubeletPort = 10250;
const unreachable = (why: string) => failure(503, "ServiceUnavailable", `error trying to reach service: ${why}`);

function kubelet(http: HttpRequest): HttpAnswer {
  const path = http.path.split("?")[0];
  if (path === "/healthz") return { status: 200, body: "ok", headers: { "content-type": "text/plain; charset=utf-8" } };
  return { status: 404, body: "404 page not found\n", headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } };
}

/** The pod and port a target names (a Service: its first ready endpoint for the port). */
function locate(registry: RegistryStore, target: ProxyTarget): { pod: Pod; ip: string; port: number } {
  if (target.kind === "service") {
    for (const subset of registry.get(endpoints, target.namespace, target.name).subsets ?? []) {
      const port = (subset.ports ?? []).find((p) => (p.name ?? "") === target.port);
      const address = (subset.addresses ?? []).find((a) => a.targetRef?.kind === "Pod" && a.targetRef.name);
      if (!port || !address) continue;
      const pod = registry.tryGet(pods, address.targetRef!.namespace ?? target.namespace, address.targetRef!.name!);
      if (pod) return { pod, ip: address.ip, port: port.port };
    }
    throw unreachable(`no pod behind service ${JSON.stringify(target.name)}`);
  }
  const pod = registry.get(pods, target.namespace, target.name);
  const declared = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const port = typeof target.port === "number" ? target.port : (declared.find((p) => p.name === target.port)?.containerPort ?? (target.port ? Number.NaN : 80));
  if (Number.isNaN(port)) throw unreachable(`dial tcp: lookup tcp/${target.port}: unknown port`);
  return { pod, ip: pod.status?.podIP ?? "", port };
}

/** The address the apiserver connects from: the control-plane node's. */
function apiserverAddress(registry: RegistryStore): string {
  for (const node of registry.list(nodes)) {
    if (!("node-role.kubernetes.io/control-plane" in (node.metadata.labels ?? {}))) continue;
    const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    if (ip) return ip;
  }
  return "10.0.0.1";
}

export function proxyStandIn(deps: { registry: RegistryStore; runtime: ContainerRuntimePort; now(): number }): ProxyConnection {
  const { registry, runtime } = deps;
  return {
    request(target, http): HttpAnswer {
      if (target.kind === "node") {
        registry.get(nodes, undefined, target.name);
        if (target.port === undefined || target.port === kubeletPort) return kubelet(http);
        throw unreachable(`dial tcp ${target.name}:${target.port}: connect: connection refused`);
      }
      const { pod, ip, port } = locate(registry, target);
      const request = { ...http, headers: { host: `${ip}:${port}`, ...http.headers } };
      const node = pod.spec?.nodeName ? registry.tryGet(nodes, undefined, pod.spec.nodeName) : undefined;
      const now = deps.now();
      for (const container of pod.spec?.containers ?? []) {
        let source;
        try {
          source = logSource(pod, { container: container.name, previous: false });
        } catch {
          continue;
        }
        if (source.finishedAt !== undefined) continue;
        const process = replay(pod, source, podSources(registry, { configMaps, secrets }, pod.metadata.namespace!, node), runtime);
        const served = process.accept(port, { clientIP: apiserverAddress(registry), http: request }, now - source.startedAt);
        if (!served) continue;
        if (served.answer.status === 0) throw unreachable("EOF");
        return served.answer;
      }
      throw unreachable(`dial tcp ${ip}:${port}: connect: connection refused`);
    },
  };
}
