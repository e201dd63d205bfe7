// The pod a ReplicaSet or ReplicationController creates (controller.GetPodFromTemplate): `<owner>-<5 chars>` by
// generateName, the template's labels, annotations, finalizers and spec, and a controller owner reference.
import type { KubeObject } from "../../../api/object";
import { cloneJson } from "../../../api/clone";
import type { Pod, PodTemplateSpec } from "../../../api/schemas/core/pod";
import type { PodSpec } from "../../../api/schemas/core/pod-spec";
import { zeroValue } from "../../registry/pod-template";

/** validation.MaxGeneratedNameLength: the prefix is cut so the generated name stays a valid name. */
const maxGeneratedNameLength = 58;

export function podFromTemplate(owner: KubeObject, template: PodTemplateSpec): Pod {
  const meta = template.metadata ?? {};
  let prefix = `${owner.metadata.name}-`;
  if (prefix.length > maxGeneratedNameLength) prefix = prefix.slice(0, maxGeneratedNameLength);
  const metadata: Pod["metadata"] = {
    generateName: prefix,
    namespace: owner.metadata.namespace,
    ownerReferences: [
      {
        apiVersion: owner.apiVersion ?? "v1",
        kind: owner.kind ?? "",
        name: owner.metadata.name!,
        uid: owner.metadata.uid!,
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (meta.labels && Object.keys(meta.labels).length) metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) metadata.finalizers = [...meta.finalizers];
  return { apiVersion: "v1", kind: "Pod", metadata, spec: cloneJson(template.spec ?? zeroValue<PodSpec>()) };
}
