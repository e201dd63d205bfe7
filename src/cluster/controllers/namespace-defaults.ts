// What every Active namespace holds in a real cluster: the `default` ServiceAccount (serviceaccount controller) and
// the `kube-root-ca.crt` ConfigMap (root-ca-cert-publisher). Either is re-created if deleted.
import type { KubeObject } from "../../api/object";
import type { ResourceDef } from "../registry/types";
import type { Controller, ControllerContext } from "./types";
import { clusterCA } from "./cluster-ca";

function defs(ctx: ControllerContext): { ns: ResourceDef; sa: ResourceDef; cm: ResourceDef } {
  return {
    ns: ctx.table.byResource("", "v1", "namespaces")!,
    sa: ctx.table.byResource("", "v1", "serviceaccounts")!,
    cm: ctx.table.byResource("", "v1", "configmaps")!,
  };
}

export const namespaceDefaults: Controller = {
  name: "namespace-defaults",
  keysFor(event) {
    if (event.key.startsWith("/core/namespaces/")) return event.type === "DELETED" ? [] : [event.object.metadata.name!];
    const isDefaultSA = event.key.startsWith("/core/serviceaccounts/") && event.object.metadata.name === "default";
    const isCA = event.key.startsWith("/core/configmaps/") && event.object.metadata.name === "kube-root-ca.crt";
    return event.type === "DELETED" && (isDefaultSA || isCA) ? [event.object.metadata.namespace!] : [];
  },
  resync(ctx) {
    return ctx.registry.list(defs(ctx).ns).map((n) => n.metadata.name!);
  },
  reconcile(name, ctx) {
    const { ns, sa, cm } = defs(ctx);
    const namespace = ctx.registry.tryGet(ns, undefined, name);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (!ctx.registry.tryGet(sa, name, "default")) {
      ctx.registry.create(sa, name, { metadata: { name: "default" } });
    }
    if (!ctx.registry.tryGet(cm, name, "kube-root-ca.crt")) {
      const configMap: KubeObject = {
        metadata: { name: "kube-root-ca.crt", annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
        data: { "ca.crt": clusterCA },
      };
      ctx.registry.create(cm, name, configMap);
    }
  },
};
