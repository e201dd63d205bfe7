// The one wiring of a cluster's parts: store → registry (admission, object limit) → watches, live feed, apiserver,
// controllers. The Durable Object, the CPU bench and the Node-side test harness all build a cluster here; each
// brings its own database, clock and randomness (the object passes runtime/'s, tests pass fake ones), so nothing
// below reads them by itself.
import type { Pod } from "../api/schemas/core/pod";
import type { NodeConnection } from "./registry/pods/node-connection";
import { ServiceAccountTokens, type TokenKeys } from "./registry/serviceaccounts/tokens";
import type { ClusterSpec } from "../api/platform";
import { admissionPlugins } from "./admission";
import { LiveFeed } from "./apiserver/live-feed";
import { ApiServer } from "./apiserver/server";
import { WatchHub } from "./apiserver/watch";
import { createControllers } from "./controller-list";
import { EventRecorder } from "./control-loop/event-recorder";
import { Indexes } from "./control-loop/indexes";
import { ControllerManager } from "./control-loop/manager";
import { keyOf, type Controller } from "./control-loop/types";
import { Kubelet } from "./kubelet/kubelet";
import { kubeletConnection } from "./kubelet/log-server";
import type { ContainerRuntimePort } from "./kubelet/runtime-port";
import { simulatedRuntime } from "./kubelet/simulated-runtime";
import { apiserverProxy } from "./network/apiserver-proxy";
import { ClusterNetwork, registryPolicies } from "./network/cluster-network";
import { ingressNginxHook } from "./network/ingress-hook";
import type { PoliciesOf } from "./network/policy";
import type { IngressHook, RunningContainersPort } from "./network/ports";
import { portForwardTargets } from "./network/port-forward-target";
import type { PortForwardTarget } from "./registry/pods/portforward/ports";
import { maskedForViewers } from "./redaction/log-viewer";
import { defaultMaxObjects, RegistryStore } from "./registry/generic-store";
import { events } from "./registry/events";
import { bucketOfKind } from "./registry/keys";
import { ResourceTable } from "./registry/resource-table";
import { networkPolicies } from "./registry/networkpolicies";
import { resources } from "./registry/resources";
import type { ProxyConnection } from "./registry/proxy-connection";
import { Store } from "./storage/store";
import { VolumeDataTable } from "./storage/volume-data";
import { heartbeatPresenter } from "./nodes/heartbeat-view";
import { MachineTable } from "./nodes/machine-table";
import { paces } from "./timing";
import { metricsSource } from "./metrics-source";
import type { MetricsSource } from "./registry/metrics/source";

/** Every kind the cluster serves. */
export const clusterTable = new ResourceTable(resources);

export interface ClusterClock {
  now(): number;
  /** RFC 3339 of a time in ms, as Kubernetes writes metav1.Time. */
  rfc3339(ms: number): string;
  /** Run `fn` every `ms` until cancelled (log follows); wall-clock timers, not the control loop's. */
  every(ms: number, fn: () => void): () => void;
}

export interface ClusterRandom {
  uid(): string;
  /** The suffix of a `generateName`. */
  nameSuffix(): string;
}

export interface AssembleOptions {
  sql: SqlStorage;
  transactionSync<T>(fn: () => T): T;
  clock: ClusterClock;
  random: ClusterRandom;
  /** Most objects the cluster holds (events excluded). */
  maxObjects?: number;
  /** The cluster's options; undefined before the cluster is created. */
  cluster(): ClusterSpec | undefined;
  /** Ask for the control loop to run no later than `at` (the Durable Object's alarm). */
  wake(at: number): Promise<void>;
  /** The container runtime of the kubelet and its log server; the simulated one (src/container-sim/) when absent. */
  runtime?: ContainerRuntimePort;
  /** The controllers, in pass order; the cluster's full list when absent. */
  controllers?: Controller[];
  /** What the proxy subresources reach (services/pods/nodes proxy, the dashboard's app links); a stand-in when absent. */
  proxy?: ProxyConnection;
  /** The NetworkPolicies the network enforces, by namespace (the cluster's NetworkPolicy objects when absent). */
  networkPolicies?: PoliciesOf;
  /** The built-in ingress controller's routing (cluster/network/ports.ts); ingress-nginx over the cluster's Ingresses when absent. */
  ingress?: IngressHook;
  /** The key ServiceAccount tokens are signed with and the cluster's id; undefined until the cluster exists. */
  tokenKeys?: () => TokenKeys | undefined;
}

export interface ClusterParts {
  table: ResourceTable;
  store: Store;
  registry: RegistryStore;
  watches: WatchHub;
  feed: LiveFeed;
  api: ApiServer;
  controllers: ControllerManager;
  /** Each node's machine (up, stopped, booting): the node operations change it. */
  machines: MachineTable;
  /** The cluster network as the proxy subresources reach it. */
  proxy: ProxyConnection;
  /** The network behind every container: cluster DNS, Service routing, NetworkPolicy, access logs. */
  network: ClusterNetwork;
  /** Where a port-forward session of a pod connects (the pod's own network namespace). */
  portForward: (pod: Pod) => PortForwardTarget;
  /** Issues and checks ServiceAccount tokens. */
  tokens: ServiceAccountTokens;
  /** The running containers' resource usage (metrics.k8s.io, the HorizontalPodAutoscaler). */
  metrics: MetricsSource;
  /** The nodes' kubelets as the apiserver reaches them (logs, exec). */
  nodes: NodeConnection;
}

/** Build a cluster's parts over its storage (whose tables they create). */
export function assemble(options: AssembleOptions): ClusterParts {
  const { sql, clock, random } = options;
  const runtime = options.runtime ?? simulatedRuntime;
  const table = clusterTable;
  const store = new Store(sql, (fn) => options.transactionSync(fn), { coldBuckets: table.defs.filter((d) => d.cold).map(bucketOfKind) });
  const registry = new RegistryStore(
    store,
    { now: clock.now, rfc3339: clock.rfc3339, uid: random.uid, nameSuffix: random.nameSuffix },
    options.maxObjects ?? defaultMaxObjects,
  );
  for (const check of admissionPlugins(registry, () => paces[options.cluster()?.pace ?? "realistic"])) registry.addAdmission(check);
  for (const def of table.defs) if (def.uncounted) registry.declareUncounted(def);
  const watches = new WatchHub(store);
  const feed = new LiveFeed(store);
  // The network reaches the running containers through the kubelet, which is built after it (it hands the network
  // to each container): the port looks the kubelet up when a connection comes.
  let kubelet: Kubelet | undefined;
  const processes: RunningContainersPort = { runsOf: (pod) => kubelet?.runsOf(pod) ?? [] };
  const network = new ClusterNetwork({
    store,
    processes,
    policies: options.networkPolicies ?? registryPolicies(registry, networkPolicies),
    ingress: options.ingress ?? ingressNginxHook(registry),
  });
  const metrics = metricsSource(() => kubelet, network);
  const tokens = new ServiceAccountTokens({ keys: options.tokenKeys ?? (() => undefined), now: clock.now, uid: random.uid });
  const nodes = maskedForViewers(
    kubeletConnection({
      registry, tokens, runtime, now: clock.now, every: clock.every, network, accessLogs: network, volumes: () => kubelet?.volumes, execs: () => kubelet?.execJournal,
      inputs: () => kubelet?.inputs,
      inputArrived: (pod) => {
        kubelet?.inputArrived(pod);
        controllers.wakeKey("kubelet", keyOf(pod));
        void controllers.flush();
      },
    }),
    store,
  );
  const machines = new MachineTable(sql);
  const present = heartbeatPresenter({ registry, machines, now: clock.now, rfc3339: clock.rfc3339 });
  const proxy = options.proxy ?? apiserverProxy({ registry, network, now: clock.now });
  const portForward = portForwardTargets({ network, processes, now: clock.now });
  const api = new ApiServer({ table, registry, watches, nodes, proxy, now: clock.now, present, tokens, metrics, rfc3339: clock.rfc3339, portForward });
  const controllerList = options.controllers ?? createControllers({ runtime, machines, network, volumeData: new VolumeDataTable(sql), tokens, metrics });
  kubelet = controllerList.find((c): c is Kubelet => c instanceof Kubelet);
  const controllers = new ControllerManager(
    {
      registry,
      table,
      store,
      sql,
      events: new EventRecorder(registry, events, clock.rfc3339),
      indexes: new Indexes(store),
      cluster: options.cluster,
      now: clock.now,
      wake: options.wake,
    },
    controllerList,
  );
  return { table, store, registry, watches, feed, api, controllers, machines, proxy, network, portForward, tokens, metrics, nodes };
}
