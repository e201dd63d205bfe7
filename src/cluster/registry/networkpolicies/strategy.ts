// NetworkPolicies (pkg/registry/networking/networkpolicy): defaults of networking/v1 (SetDefaults_NetworkPolicy:
// policyTypes Ingress, plus Egress when egress rules exist; SetDefaults_NetworkPolicyPort: protocol TCP); spec
// changes bump the generation (hasGeneration).
import type { NetworkPolicy, NetworkPolicyPort } from "../../../api/schemas/networking/networkpolicy";
import type { Strategy } from "../types";
import { validateNetworkPolicy } from "./validation";

function defaultPorts(ports: NetworkPolicyPort[] | undefined): void {
  for (const port of ports ?? []) port.protocol ??= "TCP";
}

export const networkPolicyStrategy: Strategy<NetworkPolicy> = {
  defaults(np) {
    const spec = (np.spec ??= {});
    // A struct in Go: an absent selector is the empty one, and is written out so.
    spec.podSelector ??= {};
    for (const rule of spec.ingress ?? []) defaultPorts(rule.ports);
    for (const rule of spec.egress ?? []) defaultPorts(rule.ports);
    if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ["Ingress", "Egress"] : ["Ingress"];
  },
  validate: (np) => validateNetworkPolicy(np),
};
