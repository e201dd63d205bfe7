// The endpoints and endpointslice controllers in one: every Service with a selector gets an Endpoints object of its
// name and an EndpointSlice owned by it, listing the IPs of the pods it selects (ready or not). Services without a
// selector keep whatever endpoints their owner writes.
import type { KubeObject } from "../../api/object";
import { nothingSelector, type LabelMatcher } from "../../api/selectors/label-selector";
import { mapSelectorOrNothing } from "../../api/selectors/selector-or-nothing";
import type { Controller, ControllerContext } from "../controllers/types";
import { splitKey } from "../controllers/types";
import type { StoreEvent } from "../storage/store";
import { endpointSubsets, podEndpoints, sliceContent } from "./endpoints";

type Json = Record<string, any>;

const servicePrefix = "/core/services/";
const podPrefix = "/core/pods/";

/** The pods a Service selects; `nothingSelector` for a Service without a selector. */
function selectorOf(service: KubeObject): LabelMatcher {
  return mapSelectorOrNothing((service.spec as Json)?.selector);
}

function selects(service: KubeObject, pod: KubeObject | undefined): boolean {
  return pod !== undefined && selectorOf(service).matches(pod.metadata.labels ?? {});
}

export class EndpointsController implements Controller {
  readonly name = "endpoints";
  private ctx: { list(ns: string): KubeObject[] } | undefined;

  keysFor(event: StoreEvent): string[] {
    if (event.key.startsWith(servicePrefix)) return [`${event.object.metadata.namespace}/${event.object.metadata.name}`];
    if (!event.key.startsWith(podPrefix) || !this.ctx) return [];
    const ns = event.object.metadata.namespace!;
    const out: string[] = [];
    for (const service of this.ctx.list(ns)) {
      if (selects(service, event.object) || selects(service, event.prev)) out.push(`${ns}/${service.metadata.name}`);
    }
    return out;
  }

  resync(ctx: ControllerContext): string[] {
    const services = ctx.table.byResource("", "v1", "services")!;
    this.ctx = { list: (ns) => ctx.registry.list(services, ns) };
    return ctx.registry.list(services).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const def = (resource: string, group = "") => ctx.table.byResource(group, "v1", resource)!;
    const service = ctx.registry.tryGet(def("services"), namespace, name);
    const endpointsDef = def("endpoints");
    const slicesDef = def("endpointslices", "discovery.k8s.io");
    const selector = service ? selectorOf(service) : nothingSelector;
    if (!service || selector === nothingSelector) {
      // The Endpoints of a deleted Service go with it (its slices follow through their owner reference).
      if (!service && ctx.registry.tryGet(endpointsDef, namespace, name)) ctx.registry.delete(endpointsDef, namespace, name);
      return;
    }
    const pods = ctx.registry.list(def("pods"), namespace).filter((p) => selector.matches(p.metadata.labels ?? {}));
    const endpoints = podEndpoints(service, pods);
    const labels = { ...(service.metadata.labels ?? {}), "endpoints.kubernetes.io/managed-by": "endpoint-controller" };

    const subsets = endpointSubsets(endpoints);
    const existing = ctx.registry.tryGet(endpointsDef, namespace, name);
    const body: KubeObject = { metadata: { name, namespace, labels }, ...(subsets.length ? { subsets } : {}) };
    if (!existing) ctx.registry.create(endpointsDef, namespace, body);
    else ctx.registry.update(endpointsDef, namespace, name, { ...body, metadata: { ...existing.metadata, labels } });

    const sliceLabels = {
      ...(service.metadata.labels ?? {}),
      "kubernetes.io/service-name": name,
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    };
    const slices = ctx.indexes.dependentsOf(service.metadata.uid!).filter((o) => o.kind === "EndpointSlice");
    const content = sliceContent(service, endpoints);
    const ownerReferences = [{ apiVersion: "v1", kind: "Service", name, uid: service.metadata.uid!, controller: true, blockOwnerDeletion: true }];
    if (!slices.length) {
      ctx.registry.create(slicesDef, namespace, { metadata: { generateName: `${name}-`, labels: sliceLabels, ownerReferences }, ...content });
      return;
    }
    const [slice, ...extra] = slices;
    ctx.registry.update(slicesDef, namespace, slice.metadata.name!, { ...slice, ...content, metadata: { ...slice.metadata, labels: sliceLabels } });
    for (const s of extra) ctx.registry.delete(slicesDef, namespace, s.metadata.name!);
  }
}
