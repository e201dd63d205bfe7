// The admission plugins every cluster runs, in order, after defaults and validation and before storage.
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { priorityAdmission } from "./priority";

/** `_table` is unused (the plugins import the kinds they check); kept so callers need not change. */
export function admissionPlugins(registry: RegistryStore, _table?: ResourceTable): AdmissionCheck[] {
  return [namespaceLifecycle(registry), priorityAdmission(registry)];
}
