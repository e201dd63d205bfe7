// coordination.k8s.io/v1 Lease (node heartbeats and leader election).
import { z } from "zod";
import { gvk, int, ref, str, typeMetaFields } from "../fields";
import { MicroTime, objectMetadata } from "../meta";

export const LeaseSpec = z
  .object({
    holderIdentity: str("Identity of the current holder.").optional(),
    leaseDurationSeconds: int("Seconds candidates wait before forcibly taking the lease.").optional(),
    acquireTime: ref(MicroTime, "When the current holder acquired the lease.").optional(),
    renewTime: ref(MicroTime, "When the current holder last renewed the lease.").optional(),
    leaseTransitions: int("Number of changes of holder.").optional(),
    strategy: str("Leader election strategy for coordinated leader election, e.g. OldestEmulationVersion.").optional(),
    preferredHolder: str("Holder that coordinated leader election wants to take over.").optional(),
  })
  .meta({ id: "io.k8s.api.coordination.v1.LeaseSpec", description: "The desired state of a lease." });

export const Lease = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(LeaseSpec, "Holder and timing of the lease.").optional(),
  })
  .meta({ id: "io.k8s.api.coordination.v1.Lease", description: "A lease held by one identity at a time.", ...gvk("coordination.k8s.io", "v1", "Lease") });
export type Lease = z.infer<typeof Lease>;
