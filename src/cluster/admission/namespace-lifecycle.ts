// NamespaceLifecycle admission: no new objects in a namespace that does not exist or is being terminated, and the
// four system namespaces cannot be deleted.
import { failure, notFound } from "../../api/status";
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { namespaces } from "../registry/namespaces";

const immortal = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

export function namespaceLifecycle(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object) => {
    if (def === namespaces) {
      if (operation === "DELETE" && immortal.has(object.metadata.name!)) {
        throw failure(403, "Forbidden", `namespaces "${object.metadata.name}" is forbidden: this namespace may not be deleted`, {
          name: object.metadata.name,
          kind: "namespaces",
        });
      }
      return;
    }
    if (!def.namespaced || operation !== "CREATE") return;
    const ns = registry.tryGet(namespaces, undefined, object.metadata.namespace!);
    if (!ns) throw notFound("namespaces", "", object.metadata.namespace!);
    if (ns.metadata.deletionTimestamp) {
      throw failure(
        403,
        "Forbidden",
        `${def.resource} "${object.metadata.name}" is forbidden: unable to create new content in namespace ${ns.metadata.name} because it is being terminated`,
        { name: object.metadata.name, kind: def.resource, causes: [{ reason: "NamespaceTerminating", message: `namespace ${ns.metadata.name} is being terminated`, field: "metadata.namespace" }] },
      );
    }
  };
}
