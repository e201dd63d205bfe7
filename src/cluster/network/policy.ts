// NetworkPolicy (networking.k8s.io/v1) as a CNI that enforces it decides: a pod is isolated for a direction when a
// policy of its namespace selects it with that policy type; an isolated pod's traffic in that direction is allowed
// only when some rule of some policy selecting it matches the other end and the port. A connection passes when the
// client's egress and the target's ingress both allow it. Pure: the policies come in, nothing is read here.
//
// The types mirror networking.k8s.io/v1 structurally, so the kind's own type (api/schemas/networking) fits them.
import { labelSelectorFromObject, type LabelMatcher, type LabelSelector, type Labels } from "../../api/selectors/label-selector";
import { inCidr } from "../../api/ip";

export interface PolicyPeerSpec {
  podSelector?: LabelSelector | null;
  namespaceSelector?: LabelSelector | null;
  ipBlock?: { cidr: string; except?: string[] | null } | null;
}

export interface PolicyPortSpec {
  protocol?: string | null;
  port?: number | string | null;
  endPort?: number | null;
}

export interface IngressRuleSpec {
  from?: PolicyPeerSpec[] | null;
  ports?: PolicyPortSpec[] | null;
}

export interface EgressRuleSpec {
  to?: PolicyPeerSpec[] | null;
  ports?: PolicyPortSpec[] | null;
}

export interface NetworkPolicyLike {
  metadata: { name?: string; namespace?: string };
  spec?: {
    podSelector?: LabelSelector | null;
    policyTypes?: string[] | null;
    ingress?: IngressRuleSpec[] | null;
    egress?: EgressRuleSpec[] | null;
  } | null;
}

/** A pod as policies see it: where it is, its labels and its namespace's labels, its named container ports. */
export interface PolicyPod {
  namespace: string;
  labels: Labels;
  namespaceLabels: Labels;
  namedPorts?: { name: string; port: number; protocol: string }[];
}

/** One end of a connection: its address, and the pod behind it (absent for a node, a host-network pod, the outside). */
export interface PolicyEnd {
  ip: string;
  pod?: PolicyPod;
}

export interface PolicyConnection {
  from: PolicyEnd;
  to: PolicyEnd;
  /** The destination port (after Service translation) and its protocol. */
  port: number;
  protocol: string;
}

/** The policies of a namespace. */
export type PoliciesOf = (namespace: string) => readonly NetworkPolicyLike[];

export type PolicyVerdict = { allowed: true } | { allowed: false; by: "egress" | "ingress" };

const matchers = new WeakMap<object, LabelMatcher>();

/** A metav1.LabelSelector as a matcher; a policy's empty or absent selector selects everything. */
function matcher(selector: LabelSelector | null | undefined): LabelMatcher {
  if (!selector) return labelSelectorFromObject({});
  let m = matchers.get(selector);
  if (!m) matchers.set(selector, (m = labelSelectorFromObject(selector)));
  return m;
}

/** spec.policyTypes, or its default: Ingress, plus Egress when the policy has egress rules. */
export function policyTypesOf(policy: NetworkPolicyLike): Array<"Ingress" | "Egress"> {
  const types = policy.spec?.policyTypes;
  if (types && types.length) return types.filter((t): t is "Ingress" | "Egress" => t === "Ingress" || t === "Egress");
  return (policy.spec?.egress ?? []).length ? ["Ingress", "Egress"] : ["Ingress"];
}

/** Does `policy` select `pod` (same namespace, podSelector matching)? */
export function selectsPod(policy: NetworkPolicyLike, pod: PolicyPod): boolean {
  return policy.metadata.namespace === pod.namespace && matcher(policy.spec?.podSelector).matches(pod.labels);
}

function peerMatches(policyNamespace: string, peer: PolicyPeerSpec, end: PolicyEnd): boolean {
  if (peer.ipBlock) {
    const { cidr, except } = peer.ipBlock;
    return inCidr(cidr, end.ip) && !(except ?? []).some((e) => inCidr(e, end.ip));
  }
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  const pod = end.pod;
  if (!pod) return false;
  if (peer.namespaceSelector) {
    if (!matcher(peer.namespaceSelector).matches(pod.namespaceLabels)) return false;
  } else if (pod.namespace !== policyNamespace) return false;
  return !peer.podSelector || matcher(peer.podSelector).matches(pod.labels);
}

/** Does a rule's port entry admit `port`? A named port is looked up on the destination pod. */
function portMatches(spec: PolicyPortSpec, port: number, protocol: string, destination: PolicyEnd): boolean {
  if ((spec.protocol ?? "TCP") !== protocol) return false;
  if (spec.port === undefined || spec.port === null) return true;
  if (typeof spec.port === "string" && !/^\d+$/.test(spec.port)) {
    const named = destination.pod?.namedPorts?.find((p) => p.name === spec.port && p.protocol === protocol);
    return named !== undefined && named.port === port;
  }
  const first = Number(spec.port);
  const last = spec.endPort ?? first;
  return port >= first && port <= last;
}

function ruleMatches(policyNamespace: string, peers: PolicyPeerSpec[] | null | undefined, ports: PolicyPortSpec[] | null | undefined, peer: PolicyEnd, c: PolicyConnection): boolean {
  const peerOk = !peers || peers.length === 0 || peers.some((p) => peerMatches(policyNamespace, p, peer));
  if (!peerOk) return false;
  return !ports || ports.length === 0 || ports.some((p) => portMatches(p, c.port, c.protocol, c.to));
}

/** Whether the policies selecting `subject` let the connection through in `direction` (true when it is not isolated). */
export function allowedFor(policies: readonly NetworkPolicyLike[], direction: "Ingress" | "Egress", c: PolicyConnection): boolean {
  const subjectEnd = direction === "Ingress" ? c.to : c.from;
  const peer = direction === "Ingress" ? c.from : c.to;
  const subject = subjectEnd.pod;
  if (!subject) return true;
  let isolated = false;
  for (const policy of policies) {
    if (!selectsPod(policy, subject) || !policyTypesOf(policy).includes(direction)) continue;
    isolated = true;
    const ns = policy.metadata.namespace ?? "";
    const rules =
      direction === "Ingress"
        ? (policy.spec?.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
        : (policy.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    if (rules.some((r) => ruleMatches(ns, r.peers, r.ports, peer, c))) return true;
  }
  return !isolated;
}

/** The verdict on a connection: the client's egress first, then the target's ingress. */
export function evaluatePolicies(policiesOf: PoliciesOf, c: PolicyConnection): PolicyVerdict {
  if (c.from.pod && !allowedFor(policiesOf(c.from.pod.namespace), "Egress", c)) return { allowed: false, by: "egress" };
  if (c.to.pod && !allowedFor(policiesOf(c.to.pod.namespace), "Ingress", c)) return { allowed: false, by: "ingress" };
  return { allowed: true };
}
