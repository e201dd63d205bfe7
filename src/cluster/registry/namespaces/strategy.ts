// Namespaces: the `kubernetes` finalizer, the name label, Active then Terminating.
import type { Namespace } from "../../../api/schemas/core/namespace";
import type { Strategy } from "../types";

export const namespaceStrategy: Strategy<Namespace> = {
  defaults(ns) {
    ns.metadata.labels = { ...ns.metadata.labels, "kubernetes.io/metadata.name": ns.metadata.name ?? "" };
  },
  prepareForCreate(ns) {
    ns.spec = { ...ns.spec, finalizers: ["kubernetes"] };
    ns.status = { phase: "Active" };
  },
  prepareForUpdate(ns, old, ctx) {
    if (ctx.subresource === "finalize") return;
    // spec.finalizers change only through the finalize subresource.
    ns.spec = { ...ns.spec, finalizers: old.spec?.finalizers };
    if (!ns.spec.finalizers) delete ns.spec.finalizers;
  },
  beforeDelete(ns) {
    ns.status = { ...ns.status, phase: "Terminating" };
  },
  holdsDeletion(ns) {
    return (ns.spec?.finalizers?.length ?? 0) > 0;
  },
};
