// The cluster's network behind every container (container-sim's `ContainerNetwork`): CoreDNS at the kube-dns
// Service, kube-proxy's Service translation, NetworkPolicy at both ends, and delivery to the target container's
// program through `SimulatedProcess.accept`, whose access-log lines are kept (in memory) by the target's run. No
// connection writes anything to storage; the lookups are indexes kept current from the store's events.
import { ConnectionRates } from "./connection-rates";
import type { Pod } from "../../api/schemas/core/pod";
import type { Service } from "../../api/schemas/core/service";
import type { KubeObject } from "../../api/object";
import { nodeNetworkGateway } from "../../api/ip";
import {
  publicDns,
  publicInternet,
  type ConnectRequest,
  type ContainerNetwork,
  type DnsQuestion,
  type DnsReply,
  type Loopback,
  type NetworkAnswer,
} from "../../container-sim/network";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceDef } from "../registry/types";
import type { Store } from "../storage/store";
import { AccessLogStore, type AccessLine } from "./access-log";
import { ClusterView } from "./cluster-view";
import { coreDnsReply } from "./dns";
import { allowedFor, type NetworkPolicyLike, type PoliciesOf, type PolicyEnd, type PolicyPod } from "./policy";
import type { ContainerRun, IngressHook, NetworkClient, RunningContainersPort } from "./ports";
import { route, type Route, type RouteClient } from "./routing";
import { serviceEndpoints } from "./service-endpoints";

/** The moment a connection key names (its last field). */
function momentOf(key: string): number {
  return Number(key.slice(key.lastIndexOf("|") + 1));
}

export interface ClusterNetworkOptions {
  store: Store;
  /** The kubelet's running containers (filled by the wiring). */
  processes: RunningContainersPort;
  /** The NetworkPolicies of a namespace; none are enforced when absent. */
  policies?: PoliciesOf;
  /** The built-in ingress controller's routing; ingress controller pods' own programs answer when absent. */
  ingress?: IngressHook;
  /** The Service the cluster's DNS answers behind (kube-system/kube-dns). */
  dnsService?: { namespace: string; name: string };
  accessLogs?: AccessLogStore;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "0.0.0.0", "::1"]);
/** Answers of recent connections, by connection: a replay (the log server re-running a client) gets the same one. */
const rememberedAnswers = 10_000;
/** Clients run up to the moment of an access-log read. */
const recentClients = 100;
const timeout: NetworkAnswer = { kind: "timeout" };
const refused: NetworkAnswer = { kind: "refused" };

/** The policies of a kind handle (the NetworkPolicy definition the wiring passes), read from the registry's cache. */
export function registryPolicies<T extends KubeObject & NetworkPolicyLike>(registry: Pick<RegistryStore, "list">, def: ResourceDef<T>): PoliciesOf {
  return (namespace) => registry.list(def, namespace);
}

interface ClientEnd {
  client: NetworkClient;
  pod: Pod | undefined;
  ip: string;
  route: RouteClient;
  /** `uid/container`: the client's place in the re-entrancy guard. */
  self: string;
}

export class ClusterNetwork {
  readonly view: ClusterView;
  readonly accessLogs: AccessLogStore;
  /** Connections answered lately, by run: the load a server's CPU usage follows. */
  readonly rates = new ConnectionRates();
  /** Containers inside a connect now (a program's run cannot be advanced again from inside itself). */
  private readonly active = new Set<string>();
  private readonly answers = new Map<string, NetworkAnswer>();
  /** The containers that connected recently (`uid/container`), most recent last. */
  private readonly clients = new Map<string, NetworkClient>();
  /** client container and connection number → the moments its connections of that number were made. */
  private readonly moments = new Map<string, number[]>();
  private readonly dnsService: { namespace: string; name: string };
  /** Connections and DNS queries answered (including replays), for measurements. */
  connections = 0;

  constructor(private readonly options: ClusterNetworkOptions) {
    this.view = new ClusterView(options.store);
    this.accessLogs = options.accessLogs ?? new AccessLogStore();
    this.dnsService = options.dnsService ?? { namespace: "kube-system", name: "kube-dns" };
  }

  /** The network of one container. */
  networkFor(client: NetworkClient): ContainerNetwork {
    return {
      connect: (request, loopback) => this.connect(client, request, loopback),
      dns: (server, question) => this.dns(client, server, question),
    };
  }

  /**
   * The access-log lines of run `containerID` printed in [fromMs, untilMs) (the kubelet's log server merges them).
   * The clients seen recently are first run up to `untilMs`: a client's program is computed lazily, so its later
   * connections exist only once something asks for that time.
   */
  accessLines(containerID: string, fromMs: number, untilMs: number): AccessLine[] {
    this.catchUp(untilMs);
    return this.accessLogs.lines(containerID, fromMs, untilMs);
  }

  private catchingUp = false;

  private catchUp(untilMs: number): void {
    if (this.catchingUp) return;
    this.catchingUp = true;
    try {
      for (const [self, client] of [...this.clients]) {
        if (this.active.has(self)) continue;
        const pod = this.view.pod(client.namespace, client.pod);
        if (!pod || pod.metadata.uid !== client.uid) {
          this.clients.delete(self);
          continue;
        }
        const run = this.options.processes.runsOf(pod).find((r) => r.name === client.container);
        if (!run || run.startedAtMs >= untilMs) continue;
        // Reading its output up to `untilMs` runs the program that far, making its connections on the way.
        run.process()?.output(untilMs - run.startedAtMs - 1, untilMs - run.startedAtMs, 1);
      }
    } finally {
      this.catchingUp = false;
    }
  }

  private clientEnd(client: NetworkClient, connection: string): ClientEnd {
    const found = this.view.pod(client.namespace, client.pod);
    const pod = found && found.metadata.uid === client.uid ? found : undefined;
    const nodeName = pod?.spec?.nodeName ?? client.nodeName;
    const node = nodeName ? this.view.node(nodeName) : undefined;
    const nodeIP = node?.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    const ip = pod?.spec?.hostNetwork ? nodeIP ?? "" : pod?.status?.podIP ?? client.podIP ?? "";
    return { client, pod, ip, route: { ip, nodeName, nodeIP, connection }, self: `${client.uid}/${client.container}` };
  }

  connect(client: NetworkClient, request: ConnectRequest, loopback: Loopback): NetworkAnswer {
    const key = this.connectionKey(`${client.uid}/${client.container}`, request);
    const known = this.answers.get(key);
    if (known) return known;
    this.connections++;
    const end = this.clientEnd(client, key);
    this.clients.delete(end.self);
    this.clients.set(end.self, client);
    if (this.clients.size > recentClients) this.clients.delete(this.clients.keys().next().value!);
    const nested = this.active.has(end.self);
    this.active.add(end.self);
    let answer: NetworkAnswer;
    try {
      answer = this.answer(end, request, loopback, key);
    } finally {
      if (!nested) this.active.delete(end.self);
    }
    this.remember(key, answer);
    return answer;
  }

  /**
   * What identifies a connection: the client container, its number and its moment. A replay of the client's run
   * started from its status's start time, which is whole seconds: its connections come less than a second earlier
   * than the original's, all by the same amount, and are the same connections. The original moment is kept.
   */
  private connectionKey(client: string, request: ConnectRequest): string {
    const bySeq = `${client}|${request.seq}`;
    let times = this.moments.get(bySeq);
    const known = times?.find((t) => request.atWallMs <= t && t - request.atWallMs < 1000);
    if (known !== undefined) return `${bySeq}|${known}`;
    if (!times) {
      this.moments.set(bySeq, (times = []));
      if (this.moments.size > rememberedAnswers) this.moments.delete(this.moments.keys().next().value!);
    }
    times.push(request.atWallMs);
    return `${bySeq}|${request.atWallMs}`;
  }

  private remember(key: string, answer: NetworkAnswer): void {
    this.answers.set(key, answer);
    if (this.answers.size > rememberedAnswers) this.answers.delete(this.answers.keys().next().value!);
  }

  private answer(end: ClientEnd, request: ConnectRequest, loopback: Loopback, key: string): NetworkAnswer {
    const { ip, port } = request;
    const hostNetwork = !!end.pod?.spec?.hostNetwork;
    if (LOOPBACK_NAMES.has(ip) || ip === end.client.hostname) return this.ownPod(end, port, request, loopback, "127.0.0.1", key);
    if (!hostNetwork && ip === end.ip && ip !== "") return this.ownPod(end, port, request, loopback, end.ip, key);
    const to = route(this.view, end.route, { ip, port, protocol: "TCP" });
    return this.deliver(end, to, request, loopback, key, 0);
  }

  private deliver(end: ClientEnd, to: Route, request: ConnectRequest, loopback: Loopback, key: string, depth: number): NetworkAnswer {
    switch (to.kind) {
      case "refused":
        return refused;
      case "timeout":
        return timeout;
      case "outside":
        if (!this.allowed(end, { ip: request.ip }, { ip: end.ip, pod: undefined }, request.port, "TCP")) return timeout;
        return publicInternet(request);
      case "host": {
        for (const pod of to.pods) {
          const served = this.acceptIn(pod, to.port, to.clientIP, request, key, undefined);
          if (served !== refused) return served;
        }
        return refused;
      }
      case "pod":
        break;
    }
    const pod = to.pod;
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed" || (!pod.status?.podIP && !pod.spec?.hostNetwork)) return timeout;
    const target: PolicyEnd = { ip: pod.status?.podIP ?? "", pod: pod.spec?.hostNetwork ? undefined : this.policyPod(pod) };
    // The server sees the pod as the source unless kube-proxy masqueraded the connection (NodePort, external IPs).
    const source: PolicyEnd = { ip: to.clientIP, pod: to.clientIP === end.ip ? this.clientPolicyPod(end) : undefined };
    if (!this.allowed(end, target, source, to.port, "TCP")) return timeout;
    if (end.pod && pod.metadata.uid === end.pod.metadata.uid) return this.ownPod(end, to.port, request, loopback, to.clientIP, key);
    const decision = depth === 0 ? this.options.ingress?.(pod, to.port, request) : undefined;
    if (decision?.kind === "answer") return { kind: "answer", answer: decision.answer };
    if (decision?.kind === "backend") {
      const svc = this.view.service(decision.namespace, decision.service);
      const proxy = this.clientEnd({ namespace: pod.metadata.namespace!, pod: pod.metadata.name!, uid: pod.metadata.uid!, container: "ingress", podIP: pod.status?.podIP }, key);
      const backend = svc ? this.servicePortRoute(proxy, svc, decision.port) : undefined;
      return backend ? this.deliver(proxy, backend, request, loopback, key, depth + 1) : { kind: "answer", answer: { status: 503, body: "" } };
    }
    return this.acceptIn(pod, to.port, to.clientIP, request, key, undefined);
  }

  /** A Service's port by number or name, routed from `from` through its ClusterIP. */
  private servicePortRoute(from: ClientEnd, svc: Service, port: number | string): Route | undefined {
    const sp = (svc.spec?.ports ?? []).find((p) => p.port === port || p.name === port);
    const ip = svc.spec?.clusterIP;
    if (!sp || !ip || ip === "None") return undefined;
    return route(this.view, from.route, { ip, port: sp.port, protocol: sp.protocol ?? "TCP" });
  }

  /** The client's own pod: its own listeners through the loopback, then the other containers of the pod. */
  private ownPod(end: ClientEnd, port: number, request: ConnectRequest, loopback: Loopback, clientIP: string, key: string): NetworkAnswer {
    const own = loopback(port, request);
    if (own.kind !== "refused" || !end.pod) return own;
    return this.acceptIn(end.pod, port, clientIP, request, key, end.client.container);
  }

  /** The first running container of `pod` whose program accepts the connection; refused when none does. */
  private acceptIn(pod: Pod, port: number, clientIP: string, request: ConnectRequest, key: string, skip: string | undefined): NetworkAnswer {
    let blocked = false;
    for (const run of this.runsAt(pod, request.atWallMs)) {
      if (run.name === skip) continue;
      if (this.active.has(`${pod.metadata.uid}/${run.name}`)) {
        blocked = true;
        continue;
      }
      const process = run.process();
      const served = process?.accept(port, { clientIP, http: request.http, send: request.send }, request.atWallMs - run.startedAtMs);
      if (!served) continue;
      if (!this.accessLogs.has(run.containerID, key)) this.rates.record(run.containerID, momentOf(key));
      this.accessLogs.append(run.containerID, key, momentOf(key), served.log);
      return { kind: "answer", answer: served.answer };
    }
    // A container inside this very exchange cannot answer it (its run is what is asking): no answer in time.
    return blocked ? timeout : refused;
  }

  private runsAt(pod: Pod, atWallMs: number): ContainerRun[] {
    return this.options.processes.runsOf(pod).filter((r) => r.startedAtMs <= atWallMs);
  }

  private policyPod(pod: Pod): PolicyPod {
    const namespace = pod.metadata.namespace!;
    const namedPorts = (pod.spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).filter((p) => p.name).map((p) => ({ name: p.name!, port: p.containerPort, protocol: p.protocol ?? "TCP" })),
    );
    return { namespace, labels: pod.metadata.labels ?? {}, namespaceLabels: this.view.namespace(namespace)?.metadata.labels ?? {}, namedPorts };
  }

  private clientPolicyPod(end: ClientEnd): PolicyPod | undefined {
    return end.pod && !end.pod.spec?.hostNetwork ? this.policyPod(end.pod) : undefined;
  }

  /** The client's egress to `target`, then `target`'s ingress from `source` (the address the server sees). */
  private allowed(end: ClientEnd, target: PolicyEnd, source: PolicyEnd, port: number, protocol: string): boolean {
    const policies = this.options.policies;
    if (!policies) return true;
    const clientPod = this.clientPolicyPod(end);
    if (clientPod && !allowedFor(policies(clientPod.namespace), "Egress", { from: { ip: end.ip, pod: clientPod }, to: target, port, protocol })) return false;
    if (target.pod && !allowedFor(policies(target.pod.namespace), "Ingress", { from: source, to: target, port, protocol })) return false;
    return true;
  }

  /** A DNS query to `server`:53 over UDP: CoreDNS answers when the query reaches one of its running pods. */
  dns(client: NetworkClient, server: string, question: DnsQuestion): DnsReply | "timeout" {
    // A resolver with no /etc/resolv.conf has no server to ask (every pod's container gets one from the kubelet).
    if (server === "") return "timeout";
    this.connections++;
    const key = `${client.uid}/${client.container}|dns|${question.name}|${question.type}|${question.atWallMs}`;
    const end = this.clientEnd(client, key);
    const to = route(this.view, end.route, { ip: server, port: 53, protocol: "UDP" });
    // The node's resolver (dnsPolicy Default, a host-network pod) resolves as the machine under the cluster does.
    if (to.kind === "outside" && end.route.nodeIP && server === nodeNetworkGateway(end.route.nodeIP)) {
      return this.allowed(end, { ip: server, pod: undefined }, { ip: end.ip, pod: undefined }, 53, "UDP") ? publicDns(question) : "timeout";
    }
    if (to.kind !== "pod") return "timeout";
    const dnsService = this.view.service(this.dnsService.namespace, this.dnsService.name);
    const podIP = to.pod.status?.podIP;
    if (!dnsService || !podIP || !serviceEndpoints(this.view, dnsService).some((e) => e.ip === podIP)) return "timeout";
    if (!this.runsAt(to.pod, question.atWallMs).length) return "timeout";
    const target: PolicyEnd = { ip: podIP, pod: this.policyPod(to.pod) };
    const source: PolicyEnd = { ip: to.clientIP, pod: to.clientIP === end.ip ? this.clientPolicyPod(end) : undefined };
    if (!this.allowed(end, target, source, to.port, "UDP")) return "timeout";
    return coreDnsReply(this.view, question);
  }
}
