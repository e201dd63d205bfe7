// Assigning a pod to a node (the apiserver's BindingREST): the one implementation behind
// `POST .../pods/<name>/binding` and the scheduler's bind. Its checks run in the apiserver's order: the pod exists,
// matches the binding's uid and resourceVersion preconditions, is not being deleted, not bound already and not gated.
// The write sets spec.nodeName and merges the binding's annotations; the pods strategy marks the pod PodScheduled.
import type { Pod } from "../../../api/schemas/core/pod";
import { conflict } from "../../../api/status";
import type { RegistryStore } from "../generic-store";
import { pods } from "./index";

/** A Binding, decoded: which pod goes to which node, on what conditions. */
export interface PodBinding {
  namespace: string;
  name: string;
  /** Binding.target.name. */
  node: string;
  /** Binding.metadata.uid and resourceVersion: preconditions on the pod, when given. */
  uid?: string;
  resourceVersion?: string;
  /** Binding.metadata.annotations, copied onto the pod. */
  annotations?: Record<string, string>;
}

/** The storage's refusal of a failed precondition, in its words (a 409 on `pods`). */
function preconditionFailed(binding: PodBinding, what: string, wanted: string, actual: string | undefined) {
  const key = `/registry/pods/${binding.namespace}/${binding.name}`;
  return conflict(
    "pods",
    "",
    binding.name,
    `StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: ` +
      `Precondition failed: ${what} in precondition: ${wanted}, ${what} in object meta: ${actual ?? ""}`,
  );
}

/**
 * Bind the pod as `binding` says and return the stored pod. Throws the apiserver's StatusError otherwise: 404 when
 * the pod is gone, 409 on a failed precondition or when the pod may not be bound (`pod x is already assigned to node
 * "n"`, being deleted, scheduling gates).
 */
export function assignPod(registry: RegistryStore, binding: PodBinding): Pod {
  const { namespace, name } = binding;
  const pod = registry.get(pods, namespace, name);
  if (binding.uid && binding.uid !== pod.metadata.uid) throw preconditionFailed(binding, "UID", binding.uid, pod.metadata.uid);
  if (binding.resourceVersion && binding.resourceVersion !== pod.metadata.resourceVersion) {
    throw preconditionFailed(binding, "ResourceVersion", binding.resourceVersion, pod.metadata.resourceVersion);
  }
  const refused = (why: string) => conflict("pods/binding", "", name, why);
  const spec = pod.spec;
  if (pod.metadata.deletionTimestamp) throw refused(`pod ${name} is being deleted, cannot be assigned to a host`);
  if (spec?.nodeName) throw refused(`pod ${name} is already assigned to node "${spec.nodeName}"`);
  if (spec?.schedulingGates?.length) throw refused(`pod ${name} has non-empty .spec.schedulingGates`);
  const metadata = binding.annotations
    ? { ...pod.metadata, annotations: { ...pod.metadata.annotations, ...binding.annotations } }
    : pod.metadata;
  // The registry copies what it is given: a shallow copy that names the node is enough.
  // A stored pod has a spec: validation requires its containers.
  const bound: Pod = { ...pod, metadata, spec: { ...spec!, nodeName: binding.node } };
  return registry.update(pods, namespace, name, bound, { subresource: "binding" });
}
