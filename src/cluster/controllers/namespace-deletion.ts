// The namespace controller's deletion: when a namespace is Terminating, delete everything in it; when nothing is
// left, clear its `kubernetes` finalizer so the namespace itself goes away.
import { namespaces } from "../registry/namespaces";
import { anyKind, type Controller } from "../control-loop/types";
import { cloneJson } from "../../api/clone";

export const namespaceDeletion: Controller = {
  name: "namespace-deletion",
  watches: [
    {
      kind: namespaces,
      keys: (event) => (event.type !== "DELETED" && event.object.metadata.deletionTimestamp ? [event.object.metadata.name!] : []),
    },
    // Progress inside a terminating namespace: look again once something in it is gone.
    { kind: anyKind, keys: (event) => (event.type === "DELETED" && event.object.metadata.namespace ? [event.object.metadata.namespace] : []) },
  ],
  resync(ctx) {
    return ctx.registry.list(namespaces).filter((n) => n.metadata.deletionTimestamp).map((n) => n.metadata.name!);
  },
  reconcile(name, ctx) {
    const namespace = ctx.registry.tryGet(namespaces, undefined, name);
    if (!namespace?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const def of ctx.table.stored) {
      if (!def.namespaced || !def.verbs.includes("delete")) continue;
      for (const obj of ctx.registry.list(def, name)) {
        remaining += 1;
        if (!obj.metadata.deletionTimestamp) ctx.registry.delete(def, name, obj.metadata.name!, { propagationPolicy: "Background" });
      }
    }
    if (remaining > 0 && ctx.table.stored.some((d) => d.namespaced && ctx.registry.list(d, name).length > 0)) return;
    const finalized = cloneJson(namespace);
    finalized.spec = { ...(finalized.spec as object), finalizers: [] };
    ctx.registry.update(namespaces, undefined, name, finalized, { subresource: "finalize" });
  },
};
