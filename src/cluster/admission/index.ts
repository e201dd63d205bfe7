// The admission plugins every cluster runs, in order, after defaults and validation and before storage.
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { pods } from "../registry/pods";
import type { TimingProfile } from "../timing";
import { defaultIngressClassAdmission } from "./default-ingress-class";
import { defaultTolerationSecondsAdmission } from "./default-toleration-seconds";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { priorityAdmission } from "./priority";
import { resourceQuotaAdmission } from "./resource-quota";

/** @param timing the cluster's pace (read per request: it is known once the cluster is created). */
export function admissionPlugins(registry: RegistryStore, timing: () => TimingProfile): AdmissionCheck[] {
  return [
    namespaceLifecycle(registry),
    defaultTolerationSecondsAdmission(pods, () => timing().defaultTolerationSeconds),
    priorityAdmission(registry),
    defaultIngressClassAdmission(registry),
    // Last, as in kube-apiserver: it judges the object the mutating plugins have settled.
    resourceQuotaAdmission(registry),
  ];
}
