// The built-in ingress controller's status loop (ingress-nginx as minikube's addon runs it, with
// --watch-ingress-without-class and --report-node-internal-ip-address): every Ingress it serves gets
// status.loadBalancer.ingress = the InternalIPs of the nodes running a Ready controller pod, and a `Normal Sync
// Scheduled for sync` event from nginx-ingress-controller each time its informer sees the Ingress added or changed
// (so a new Ingress shows `(x2 over ...)` once its status is written). Routing requests is not done here
// (network/ingress-routes.ts). Event-driven only: no timer, nothing runs while nothing changes.
import type { Pod } from "../../../api/schemas/core/pod";
import type { Ingress, IngressLoadBalancerIngress } from "../../../api/schemas/networking/ingress";
import type { IngressClass } from "../../../api/schemas/networking/ingressclass";
import { deepEqual } from "../../../api/json-equal";
import { nodes } from "../../registry/nodes";
import { pods } from "../../registry/pods";
import { ingressClasses } from "../../registry/ingressclasses";
import { ingresses } from "../../registry/ingresses";
import { ingressNginx, servedBy } from "../../registry/ingresses/served-by";
import { keyOf, splitKey, watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";
import type { RegistryStore } from "../../registry/generic-store";

const source = { component: "nginx-ingress-controller" };

function isControllerPod(pod: Pod | undefined): boolean {
  if (!pod || pod.metadata.namespace !== ingressNginx.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(ingressNginx.podLabels).every(([k, v]) => labels[k] === v);
}

function isReadyRunning(pod: Pod): boolean {
  return pod.status?.phase === "Running" && (pod.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

/** runningAddresses: one entry per node running a Ready controller pod, its InternalIP, sorted. */
export function controllerAddresses(registry: RegistryStore): IngressLoadBalancerIngress[] {
  const ips = new Set<string>();
  for (const pod of registry.list(pods, ingressNginx.namespace)) {
    if (!isControllerPod(pod) || !isReadyRunning(pod) || !pod.spec?.nodeName) continue;
    const node = registry.tryGet(nodes, undefined, pod.spec.nodeName);
    const ip = node?.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    ips.add(ip ?? pod.spec.nodeName);
  }
  return [...ips].sort().map((ip) => ({ ip }));
}

export class IngressStatusController implements Controller {
  readonly name = "ingress-nginx-controller";
  readonly for = ingresses;
  readonly ignoreDeleted = true;
  /** The resourceVersion of each Ingress as last seen: a new one is an informer add or update (a Sync event). */
  private readonly seen = new Map<string, string>();
  /** The registry, from the first resync on (a controller pod's or a class's event wakes every Ingress). */
  private registry: RegistryStore | undefined;

  readonly watches: Watch[] = [
    // A controller pod's readiness changes every served Ingress's address.
    watch(pods, (event) => {
      if (!isControllerPod(event.object) && !isControllerPod(event.prev)) return [];
      const ready = (p: Pod | undefined) => (p && isReadyRunning(p) ? p.spec?.nodeName ?? "" : undefined);
      return event.type === "MODIFIED" && ready(event.object) === ready(event.prev) ? [] : this.allKeys();
    }),
    // A class changing hands changes which Ingresses are served.
    watch(ingressClasses, (event) => this.allKeys()),
    // A deleted Ingress is forgotten.
    watch(ingresses, (event) => {
      if (event.type === "DELETED") this.seen.delete(keyOf(event.object));
      return [];
    }),
  ];

  private allKeys(): string[] {
    return this.registry ? this.registry.list(ingresses).map(keyOf) : [];
  }

  resync(ctx: ControllerContext): string[] {
    this.registry = ctx.registry;
    // After a restart, Ingresses already given an address are not news: remember them without a Sync event.
    const all = ctx.registry.list(ingresses);
    for (const ing of all) if (ing.status?.loadBalancer?.ingress?.length) this.seen.set(keyOf(ing), ing.metadata.resourceVersion ?? "");
    return all.map(keyOf);
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const ing = ctx.registry.tryGet(ingresses, namespace, name);
    if (!ing) {
      this.seen.delete(key);
      return;
    }
    const classes: IngressClass[] = ctx.registry.list(ingressClasses);
    if (!servedBy(ing, classes)) return;
    const version = ing.metadata.resourceVersion ?? "";
    if (this.seen.get(key) !== version) {
      this.seen.set(key, version);
      ctx.events.record(ing, ctx.now, "Normal", "Sync", "Scheduled for sync", source);
    }
    if (ing.metadata.deletionTimestamp) return;
    syncStatus(ing, controllerAddresses(ctx.registry), ctx);
  }
}

function syncStatus(ing: Ingress, addresses: IngressLoadBalancerIngress[], ctx: ControllerContext): void {
  // With no Ready controller pod there is nothing to report yet; a status already written stays.
  if (!addresses.length) return;
  const current = ing.status?.loadBalancer?.ingress ?? [];
  if (deepEqual(current, addresses)) return;
  ctx.registry.update(ingresses, ing.metadata.namespace, ing.metadata.name!, { ...ing, status: { loadBalancer: { ingress: addresses } } }, { subresource: "status" });
}
