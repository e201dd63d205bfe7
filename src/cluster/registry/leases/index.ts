import { Lease } from "../../../api/schemas/coordination/lease";
import { defineResource } from "../define";
import { printer } from "./printer";
import { leaseStrategy } from "./strategy";

export const leases = defineResource<Lease>({
  group: "coordination.k8s.io",
  version: "v1",
  kind: "Lease",
  resource: "leases",
  namespaced: true,
  schema: Lease,
  strategy: leaseStrategy,
  printer,
});
