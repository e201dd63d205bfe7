// The endpoints and endpointslice controllers in one: every Service with a selector gets an Endpoints object of its
// name and an EndpointSlice owned by it, listing the IPs of the pods it selects (ready or not). Services without a
// selector keep whatever endpoints their owner writes.
import type { Endpoints } from "../../api/schemas/core/endpoints";
import type { Pod } from "../../api/schemas/core/pod";
import type { Service } from "../../api/schemas/core/service";
import { nothingSelector, type LabelMatcher } from "../../api/selectors/label-selector";
import { mapSelectorOrNothing } from "../../api/selectors/selector-or-nothing";
import type { Controller, ControllerContext, Watch } from "../control-loop/types";
import { splitKey } from "../control-loop/types";
import { endpoints as endpointsKind } from "../registry/endpoints";
import { endpointSlices } from "../registry/endpointslices";
import type { RegistryStore } from "../registry/generic-store";
import { pods } from "../registry/pods";
import { services } from "../registry/services";
import type { StoreEvent } from "../storage/store";
import { endpointSubsets, podEndpoints, sliceContent } from "./endpoints";

/** The pods a Service selects; `nothingSelector` for a Service without a selector. */
function selectorOf(service: Service): LabelMatcher {
  return mapSelectorOrNothing(service.spec?.selector);
}

function selects(service: Service, pod: Pod | undefined): boolean {
  return pod !== undefined && selectorOf(service).matches(pod.metadata.labels ?? {});
}

export class EndpointsController implements Controller {
  readonly name = "endpoints";
  /** The registry, from the first resync on (a pod's event wakes the Services selecting it, before or after). */
  private registry: RegistryStore | undefined;
  readonly for = services;
  readonly watches: Watch[] = [{ kind: pods, keys: (event) => this.servicesSelecting(event) }];

  private servicesSelecting(event: StoreEvent): string[] {
    if (!this.registry) return [];
    const ns = event.object.metadata.namespace!;
    const out: string[] = [];
    for (const service of this.registry.list(services, ns)) {
      if (selects(service, event.object) || selects(service, event.prev)) out.push(`${ns}/${service.metadata.name}`);
    }
    return out;
  }

  resync(ctx: ControllerContext): string[] {
    this.registry = ctx.registry;
    return ctx.registry.list(services).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
  }

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    const service = ctx.registry.tryGet(services, namespace, name);
    const endpointsDef = endpointsKind;
    const slicesDef = endpointSlices;
    const selector = service ? selectorOf(service) : nothingSelector;
    if (!service || selector === nothingSelector) {
      // The Endpoints of a deleted Service go with it (its slices follow through their owner reference).
      if (!service && ctx.registry.tryGet(endpointsDef, namespace, name)) ctx.registry.delete(endpointsDef, namespace, name);
      return;
    }
    const selected = ctx.registry.list(pods, namespace).filter((p) => selector.matches(p.metadata.labels ?? {}));
    const endpoints = podEndpoints(service, selected);
    const labels = { ...(service.metadata.labels ?? {}), "endpoints.kubernetes.io/managed-by": "endpoint-controller" };

    const subsets = endpointSubsets(endpoints);
    const existing = ctx.registry.tryGet(endpointsDef, namespace, name);
    const body: Endpoints = { metadata: { name, namespace, labels }, ...(subsets.length ? { subsets } : {}) };
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
