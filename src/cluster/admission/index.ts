// The admission plugins every cluster runs, in order, after defaults and validation and before storage.
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { pods } from "../registry/pods";
import { defaultTolerationSecondsAdmission } from "./default-toleration-seconds";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { priorityAdmission } from "./priority";

export function admissionPlugins(registry: RegistryStore): AdmissionCheck[] {
  return [namespaceLifecycle(registry), defaultTolerationSecondsAdmission(pods), priorityAdmission(registry)];
}
