// The Priority admission plugin: a new pod gets spec.priority (and spec.preemptionPolicy) from its PriorityClass or
// the global default; only one PriorityClass may be the global default; and, as the priorityclasses storage refuses,
// the system classes cannot be deleted.
import type { PodSpec } from "../../api/schemas/core/pod-spec";
import type { PriorityClass } from "../../api/schemas/scheduling/priorityclass";
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { ofKind } from "../registry/of-kind";
import { pods } from "../registry/pods";
import { priorityClasses } from "../registry/priorityclasses";
import { systemPriorityClass } from "../registry/priorityclasses/system";
import { admissionForbidden, admissionName } from "./forbidden";
import { defaultPriorityClass, resolvePodPriority, type PodPriorityFields, type PriorityClassInfo } from "./pod-priority";

function classInfo(pc: PriorityClass): PriorityClassInfo {
  return { name: pc.metadata.name ?? "", value: pc.value ?? 0, globalDefault: pc.globalDefault === true, preemptionPolicy: pc.preemptionPolicy };
}

function providedByPod(spec: PodSpec): PodPriorityFields {
  return {
    priorityClassName: spec.priorityClassName || undefined,
    priority: spec.priority,
    preemptionPolicy: spec.preemptionPolicy,
  };
}

export function priorityAdmission(registry: RegistryStore): AdmissionCheck {
  const allClasses = () => registry.list(priorityClasses).map(classInfo);
  const lookup = (name: string): PriorityClassInfo | undefined => {
    const stored = registry.tryGet(priorityClasses, undefined, name);
    if (stored) return classInfo(stored);
    // A cluster created before it served PriorityClasses lacks the system classes the apiserver always has.
    const system = systemPriorityClass(name);
    return system && { name, value: system.value, preemptionPolicy: "PreemptLowerPriority" };
  };

  return (operation, def, object, old) => {
    const pod = ofKind(pods, def, object);
    if (pod && operation === "CREATE") {
      // The pod strategy's defaults give every pod a spec, and validation has passed.
      const spec = pod.spec!;
      const resolved = resolvePodPriority(providedByPod(spec), lookup, allClasses);
      if (!resolved.ok) throw admissionForbidden(def, admissionName(operation, object), resolved.reason);
      if (resolved.priorityClassName) spec.priorityClassName = resolved.priorityClassName;
      else delete spec.priorityClassName;
      spec.priority = resolved.priority;
      if (resolved.preemptionPolicy !== undefined) spec.preemptionPolicy = resolved.preemptionPolicy;
      return;
    }
    const priorityClass = ofKind(priorityClasses, def, object);
    if (!priorityClass) return;
    const name = priorityClass.metadata.name ?? "";
    if (operation === "DELETE") {
      if (systemPriorityClass(name)) throw admissionForbidden(def, name, "this is a system priority class and cannot be deleted");
      return;
    }
    if (priorityClass.globalDefault !== true) return;
    const existing = defaultPriorityClass(allClasses());
    if (existing && (operation === "CREATE" || (old && existing.name !== name))) {
      throw admissionForbidden(def, admissionName(operation, object), `PriorityClass ${existing.name} is already marked as default. Only one default can exist`);
    }
  };
}
