// What every Active namespace holds in a real cluster: the `default` ServiceAccount (serviceaccount controller) and
// the `kube-root-ca.crt` ConfigMap (root-ca-cert-publisher). Either is re-created if deleted.
import type { KubeObject } from "../../api/object";
import { configMaps } from "../registry/configmaps";
import { namespaces } from "../registry/namespaces";
import { serviceAccounts } from "../registry/serviceaccounts";
import type { StoreEvent } from "../storage/store";
import type { Controller } from "../control-loop/types";
import { clusterCA } from "./cluster-ca";

/** The deletion of a namespace's `name` object wakes that namespace. */
function deletionOf(name: string): (event: StoreEvent) => string[] {
  return (event) => (event.type === "DELETED" && event.object.metadata.name === name ? [event.object.metadata.namespace!] : []);
}

export const namespaceDefaults: Controller = {
  name: "namespace-defaults",
  for: namespaces,
  ignoreDeleted: true,
  watches: [
    { kind: serviceAccounts, keys: deletionOf("default") },
    { kind: configMaps, keys: deletionOf("kube-root-ca.crt") },
  ],
  resync(ctx) {
    return ctx.registry.list(namespaces).map((n) => n.metadata.name!);
  },
  reconcile(name, ctx) {
    const namespace = ctx.registry.tryGet(namespaces, undefined, name);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (!ctx.registry.tryGet(serviceAccounts, name, "default")) {
      ctx.registry.create(serviceAccounts, name, { metadata: { name: "default" } });
    }
    if (!ctx.registry.tryGet(configMaps, name, "kube-root-ca.crt")) {
      const configMap: KubeObject = {
        metadata: { name: "kube-root-ca.crt", annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
        data: { "ca.crt": clusterCA },
      };
      ctx.registry.create(configMaps, name, configMap);
    }
  },
};
