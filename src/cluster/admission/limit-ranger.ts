// The LimitRanger admission plugin, for pods (on create only: a pod's containers cannot change afterwards, and
// subresources are not judged). Its mutating half fills, from each LimitRange of the namespace, the containers'
// missing limits and requests with the Container defaults, and says so in the `kubernetes.io/limit-ranger`
// annotation. Its validating half, run after every mutating plugin, first validates the containers' resources as the
// apiserver validates the mutated object (422), then enforces each LimitRange's min, max and ratio (403 with all of
// one LimitRange's violations). PersistentVolumeClaims are validated too, on create and update: the min and max storage
// request of PersistentVolumeClaim items.
import { invalid } from "../../api/status";
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { limitRanges } from "../registry/limitranges";
import { ofKind } from "../registry/of-kind";
import { pods } from "../registry/pods";
import { qosClass } from "../registry/pods/defaults";
import { validateResourceRequirements } from "../registry/pods/validation/resources";
import type { ResourceDef } from "../registry/types";
import type { KubeObject } from "../../api/object";
import { admissionForbidden, admissionName } from "./forbidden";
import { aggregateMessage, applyContainerDefaults, claimLimitViolations, podLimitViolations } from "./limit-range-constraints";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";

const annotationKey = "kubernetes.io/limit-ranger";

function judgedPod(operation: string, def: ResourceDef, object: KubeObject, subresource: string | undefined) {
  return operation === "CREATE" && !subresource ? ofKind(pods, def, object) : undefined;
}

export function limitRangerDefaults(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object, _old, subresource) => {
    const pod = judgedPod(operation, def, object, subresource);
    if (!pod) return;
    let mutated = false;
    for (const limitRange of registry.list(limitRanges, pod.metadata.namespace)) {
      const annotation = applyContainerDefaults(limitRange, pod.spec!);
      if (annotation === undefined) continue;
      pod.metadata.annotations = { ...pod.metadata.annotations, [annotationKey]: annotation };
      mutated = true;
    }
    // The apiserver admits before the pod strategy prepares the pod: its QoS class counts the defaults.
    if (mutated && pod.status) pod.status.qosClass = qosClass(pod.spec!);
  };
}

export function limitRangerValidation(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object, old, subresource) => {
    // Claims are judged on create and update (an expansion past the max is refused), unless already being deleted.
    const deleting = !!old?.metadata.deletionTimestamp;
    const claim = !subresource && operation !== "DELETE" && !deleting ? ofKind(persistentVolumeClaims, def, object) : undefined;
    if (claim) {
      for (const limitRange of registry.list(limitRanges, claim.metadata.namespace)) {
        const violations = claimLimitViolations(limitRange, claim.spec?.resources?.requests);
        if (violations.length) throw admissionForbidden(def, admissionName(operation, object), aggregateMessage(violations));
      }
      return;
    }
    const pod = judgedPod(operation, def, object, subresource);
    if (!pod) return;
    const ranges = registry.list(limitRanges, pod.metadata.namespace);
    if (!ranges.length) return;
    const spec = pod.spec!;
    const errors = [
      ...(spec.containers ?? []).flatMap((c, i) => validateResourceRequirements(c.resources, `spec.containers[${i}].resources`)),
      ...(spec.initContainers ?? []).flatMap((c, i) => validateResourceRequirements(c.resources, `spec.initContainers[${i}].resources`)),
    ];
    if (errors.length) throw invalid(def.kind, def.group, pod.metadata.name ?? "", errors);
    for (const limitRange of ranges) {
      const violations = podLimitViolations(limitRange, spec);
      if (violations.length) throw admissionForbidden(def, admissionName(operation, object), aggregateMessage(violations));
    }
  };
}
