// The claims a StatefulSet creates: the PersistentVolumeClaim kind's handle, when the cluster serves it.
import type { KubeObject } from "../../../api/object";
import type { StatefulSetClaimTemplate } from "../../../api/schemas/apps/statefulset-claim";

/** A PersistentVolumeClaim as this controller reads and writes it. */
export type Claim = StatefulSetClaimTemplate & KubeObject;
