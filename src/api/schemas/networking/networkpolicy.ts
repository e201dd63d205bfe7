// networking.k8s.io/v1 NetworkPolicy: which traffic may reach (ingress) and leave (egress) the pods it selects.
import { z } from "zod";
import { atomic, gvk, int32, list, ref, str, typeMetaFields } from "../fields";
import { IntOrString, LabelSelector, objectMetadata } from "../meta";

export const IPBlock = z
  .object({
    cidr: str("The block of addresses, e.g. 192.168.1.0/24 or 2001:db8::/64."),
    except: list(z.string(), "CIDRs within `cidr` that the rule does not cover.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IPBlock", description: "A range of addresses (a CIDR) with optional exceptions inside it." });

export const NetworkPolicyPeer = z
  .object({
    podSelector: ref(LabelSelector, "Pods the peer covers: in the policy's namespace, or in the namespaces namespaceSelector picks.").optional(),
    namespaceSelector: ref(LabelSelector, "Namespaces whose pods the peer covers; an empty selector means every namespace.").optional(),
    ipBlock: ref(IPBlock, "A range of addresses; exclusive with the two selectors.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.NetworkPolicyPeer", description: "A peer that traffic may come from or go to." });

export const NetworkPolicyPort = z
  .object({
    protocol: str("TCP (the default), UDP or SCTP.").optional(),
    port: ref(IntOrString, "A port number or a named port on the pods; absent means every port.").optional(),
    endPort: int32("With a numeric `port`, the last port of the range that starts there.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.NetworkPolicyPort", description: "A port (or a range of ports) and its protocol." });

export const NetworkPolicyIngressRule = z
  .object({
    ports: list(NetworkPolicyPort, "Ports the traffic may reach; empty or absent means every port.", atomic).optional(),
    from: list(NetworkPolicyPeer, "Sources the traffic may come from; empty or absent means any source.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.networking.v1.NetworkPolicyIngressRule",
    description: "Traffic allowed to the selected pods: it must match both the ports and the from list.",
  });

export const NetworkPolicyEgressRule = z
  .object({
    ports: list(NetworkPolicyPort, "Ports the traffic may go to; empty or absent means every port.", atomic).optional(),
    to: list(NetworkPolicyPeer, "Destinations the traffic may go to; empty or absent means any destination.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.networking.v1.NetworkPolicyEgressRule",
    description: "Traffic allowed from the selected pods: it must match both the ports and the to list.",
  });

export const NetworkPolicySpec = z
  .object({
    // A Go struct, not a pointer: absent decodes as the empty selector (every pod of the namespace).
    podSelector: ref(LabelSelector, "Pods the policy applies to, in its namespace; an empty selector selects every pod of the namespace.").optional(),
    ingress: list(NetworkPolicyIngressRule, "Allowed incoming traffic; with Ingress in policyTypes and no rules, nothing may come in.", atomic).optional(),
    egress: list(NetworkPolicyEgressRule, "Allowed outgoing traffic; with Egress in policyTypes and no rules, nothing may go out.", atomic).optional(),
    policyTypes: list(z.string(), "Directions the policy isolates: Ingress, Egress or both; defaults to Ingress, plus Egress when egress rules exist.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.NetworkPolicySpec", description: "The pods a policy selects and the traffic it allows them." });

export const NetworkPolicy = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(NetworkPolicySpec, "The pods the policy selects and the traffic it allows.").optional(),
  })
  .meta({
    id: "io.k8s.api.networking.v1.NetworkPolicy",
    description: "Describes what network traffic is allowed for a set of Pods.",
    ...gvk("networking.k8s.io", "v1", "NetworkPolicy"),
  });
export type NetworkPolicy = z.infer<typeof NetworkPolicy>;
export type NetworkPolicySpec = z.infer<typeof NetworkPolicySpec>;
export type NetworkPolicyPeer = z.infer<typeof NetworkPolicyPeer>;
export type NetworkPolicyPort = z.infer<typeof NetworkPolicyPort>;
export type IPBlock = z.infer<typeof IPBlock>;
