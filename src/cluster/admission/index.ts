// The admission plugins every cluster runs, in order, after defaults and validation and before storage.
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import { defaultTolerationSecondsAdmission } from "./default-toleration-seconds";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { priorityAdmission } from "./priority";

export function admissionPlugins(registry: RegistryStore, table: ResourceTable): AdmissionCheck[] {
  return [namespaceLifecycle(registry, table), defaultTolerationSecondsAdmission(table.byResource("", "v1", "pods")!), priorityAdmission(registry, table)];
}
