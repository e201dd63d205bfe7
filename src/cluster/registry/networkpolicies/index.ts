import { NetworkPolicy } from "../../../api/schemas/networking/networkpolicy";
import { defineResource } from "../define";
import { printer } from "./printer";
import { networkPolicyStrategy } from "./strategy";

export const networkPolicies = defineResource<NetworkPolicy>({
  group: "networking.k8s.io",
  version: "v1",
  kind: "NetworkPolicy",
  resource: "networkpolicies",
  namespaced: true,
  shortNames: ["netpol"],
  schema: NetworkPolicy,
  hasGeneration: true,
  strategy: networkPolicyStrategy,
  printer,
});
