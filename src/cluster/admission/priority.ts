// The Priority admission plugin: a new pod gets spec.priority (and spec.preemptionPolicy) from its PriorityClass or
// the global default; only one PriorityClass may be the global default; and, as the priorityclasses storage refuses,
// the system classes cannot be deleted.
import type { KubeObject } from "../../api/object";
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { systemPriorityClass } from "../registry/priorityclasses/system";
import type { ResourceTable } from "../registry/resource-table";
import { admissionForbidden, admissionName } from "./forbidden";
import { defaultPriorityClass, resolvePodPriority, type PodPriorityFields, type PriorityClassInfo } from "./pod-priority";

type Json = Record<string, any>;

function classInfo(pc: KubeObject): PriorityClassInfo {
  const o = pc as KubeObject & Json;
  return { name: pc.metadata.name ?? "", value: o.value ?? 0, globalDefault: o.globalDefault === true, preemptionPolicy: o.preemptionPolicy };
}

function providedByPod(spec: Json): PodPriorityFields {
  return {
    priorityClassName: spec.priorityClassName || undefined,
    priority: spec.priority,
    preemptionPolicy: spec.preemptionPolicy,
  };
}

export function priorityAdmission(registry: RegistryStore, table: ResourceTable): AdmissionCheck {
  const pods = table.byResource("", "v1", "pods")!;
  const classes = table.byResource("scheduling.k8s.io", "v1", "priorityclasses")!;
  const allClasses = () => registry.list(classes).map(classInfo);
  const lookup = (name: string): PriorityClassInfo | undefined => {
    const stored = registry.tryGet(classes, undefined, name);
    if (stored) return classInfo(stored);
    // A cluster created before it served PriorityClasses lacks the system classes the apiserver always has.
    const system = systemPriorityClass(name);
    return system && { name, value: system.value, preemptionPolicy: "PreemptLowerPriority" };
  };

  return (operation, def, object, old) => {
    if (def === pods && operation === "CREATE") {
      const spec = ((object.spec as Json | undefined) ?? (object.spec = {})) as Json;
      const resolved = resolvePodPriority(providedByPod(spec), lookup, allClasses);
      if (!resolved.ok) throw admissionForbidden(def, admissionName(operation, object), resolved.reason);
      if (resolved.priorityClassName) spec.priorityClassName = resolved.priorityClassName;
      else delete spec.priorityClassName;
      spec.priority = resolved.priority;
      if (resolved.preemptionPolicy !== undefined) spec.preemptionPolicy = resolved.preemptionPolicy;
      return;
    }
    if (def !== classes) return;
    const name = object.metadata.name ?? "";
    if (operation === "DELETE") {
      if (systemPriorityClass(name)) throw admissionForbidden(def, name, "this is a system priority class and cannot be deleted");
      return;
    }
    if ((object as Json).globalDefault !== true) return;
    const existing = defaultPriorityClass(allClasses());
    if (existing && (operation === "CREATE" || (old && existing.name !== name))) {
      throw admissionForbidden(def, admissionName(operation, object), `PriorityClass ${existing.name} is already marked as default. Only one default can exist`);
    }
  };
}
