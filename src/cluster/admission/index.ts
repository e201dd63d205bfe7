// The admission plugins every cluster runs, in the apiserver's order (the mutating ones, then the validating ones),
// after defaults and validation and before storage.
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { pods } from "../registry/pods";
import type { TimingProfile } from "../timing";
import { defaultIngressClassAdmission } from "./default-ingress-class";
import { defaultStorageClassAdmission } from "./default-storage-class";
import { claimResizeAdmission } from "./claim-resize";
import { storageProtectionAdmission } from "./storage-protection";
import { defaultTolerationSecondsAdmission } from "./default-toleration-seconds";
import { limitRangerDefaults, limitRangerValidation } from "./limit-ranger";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { priorityAdmission } from "./priority";
import { resourceQuotaAdmission } from "./resource-quota";

/** @param timing the cluster's pace (read per request: it is known once the cluster is created). */
export function admissionPlugins(registry: RegistryStore, timing: () => TimingProfile): AdmissionCheck[] {
  return [
    namespaceLifecycle(registry),
    limitRangerDefaults(registry),
    defaultTolerationSecondsAdmission(pods, () => timing().defaultTolerationSeconds),
    priorityAdmission(registry),
    defaultIngressClassAdmission(registry),
    defaultStorageClassAdmission(registry),
    storageProtectionAdmission(),
    // Validating admission runs after every mutating plugin; resource quota last, as in kube-apiserver: it judges
    // the object the others have settled (LimitRanger's defaults count).
    limitRangerValidation(registry),
    claimResizeAdmission(registry),
    resourceQuotaAdmission(registry),
  ];
}
