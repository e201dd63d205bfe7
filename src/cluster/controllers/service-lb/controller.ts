// LoadBalancer addresses, as MetalLB's controller gives them on a kind or minikube cluster: each Service of type
// LoadBalancer without spec.loadBalancerClass gets an address of the pool (./pool.ts) in
// status.loadBalancer.ingress, `spec.loadBalancerIP` when it asks for a free one, with MetalLB's events
// (IPAllocated, AllocationFailed). Addresses are what the Services' statuses hold: a deleted Service, or one whose
// type changed (the apiserver clears its status then), has given its address back. Nothing runs while nothing
// changes: no timer, only store events.
import type { Service } from "../../../api/schemas/core/service";
import type { Controller, ControllerContext } from "../../control-loop/types";
import { keyOf, splitKey, watch } from "../../control-loop/types";
import { services } from "../../registry/services";
import { firstFree, inPool } from "./pool";

const source = { component: "metallb-controller" };

/** A Service this controller gives an address to. */
function claims(svc: Service | undefined): svc is Service {
  return !!svc && svc.spec?.type === "LoadBalancer" && !svc.spec.loadBalancerClass && !svc.metadata.deletionTimestamp;
}

const addressesOf = (svc: Service | undefined) => (svc?.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));

/** Pool addresses held by every other Service. */
function usedByOthers(ctx: ControllerContext, self: Service): Map<string, string> {
  const used = new Map<string, string>();
  for (const svc of ctx.registry.list(services)) {
    if (svc.metadata.uid === self.metadata.uid) continue;
    for (const ip of addressesOf(svc)) if (inPool(ip)) used.set(ip, keyOf(svc));
  }
  return used;
}

export class ServiceLoadBalancerController implements Controller {
  readonly name = "service-lb-controller";
  readonly for = services;
  readonly ignoreDeleted = true;
  /** Services that found no free address: an address given back wakes them (lost on restart, where resync covers them). */
  private readonly waiting = new Set<string>();
  readonly watches = [
    watch(services, (event) => {
      if (this.waiting.size === 0) return [];
      const before = addressesOf(event.prev ?? (event.type === "DELETED" ? event.object : undefined));
      if (before.length === 0) return [];
      const after = event.type === "DELETED" ? [] : addressesOf(event.object);
      return before.some((ip) => !after.includes(ip)) ? [...this.waiting] : [];
    }),
  ];

  resync(ctx: ControllerContext): string[] {
    return ctx.registry.list(services).filter(claims).map(keyOf);
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const svc = ctx.registry.tryGet(services, namespace, name);
    if (!claims(svc)) {
      this.waiting.delete(key);
      return;
    }
    const held = addressesOf(svc);
    const requested = svc.spec?.loadBalancerIP || undefined;
    if (held.length > 0 && (!requested || held.includes(requested))) {
      this.waiting.delete(key);
      return this.setAddress(svc, held[0], ctx);
    }
    const used = usedByOthers(ctx, svc);
    let ip: string | undefined;
    let failure: string | undefined;
    if (requested) {
      if (!inPool(requested)) failure = `${JSON.stringify(requested)} is not allowed in config`;
      else if (used.has(requested)) failure = `can't change sharing key for ${JSON.stringify(key)}, address also in use by ${used.get(requested)}`;
      else ip = requested;
    } else {
      ip = firstFree(new Set(used.keys()));
      if (!ip) failure = "no available IPs";
    }
    if (!ip) {
      this.waiting.add(key);
      ctx.events.record(svc, ctx.now, "Warning", "AllocationFailed", `Failed to allocate IP for ${JSON.stringify(key)}: ${failure}`, source);
      return;
    }
    this.waiting.delete(key);
    ctx.events.record(svc, ctx.now, "Normal", "IPAllocated", `Assigned IP [${JSON.stringify(ip)}]`, source);
    this.setAddress(svc, ip, ctx);
  }

  /** status.loadBalancer.ingress = [{ip, ipMode: VIP}], written only when it differs. */
  private setAddress(svc: Service, ip: string, ctx: ControllerContext): void {
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length === 1 && ingress[0].ip === ip && ingress[0].ipMode === "VIP" && !ingress[0].hostname) return;
    const updated: Service = { ...svc, status: { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } } };
    ctx.registry.update(services, svc.metadata.namespace, svc.metadata.name!, updated, { subresource: "status" });
  }
}
