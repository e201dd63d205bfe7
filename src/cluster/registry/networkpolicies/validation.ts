// NetworkPolicy validation (pkg/apis/networking/validation), with the apiserver's messages: label selectors, ports
// (protocol, port number or name, endPort only after a numeric port and not below it), peers (exactly one kind when
// ipBlock is used, a CIDR with exceptions strictly inside it) and policyTypes.
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, IPBlock } from "../../../api/schemas/networking/networkpolicy";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { isValidPortName, isValidPortNum } from "../../../api/validation/ports";
import { invalidRendered } from "../pod-template";
import { cidrContains, parseCidr } from "../../../api/ip";

const protocols = ["TCP", "UDP", "SCTP"];
const policyTypes = ["Ingress", "Egress"];
const cidrMessage = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

export function validateNetworkPolicy(np: NetworkPolicy): FieldError[] {
  const spec = np.spec ?? {};
  const errors = validateLabelSelector(spec.podSelector, "spec.podSelector");
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errors.push(...portErrors(port, `spec.ingress[${i}].ports[${j}]`)));
    (rule.from ?? []).forEach((peer, j) => errors.push(...peerErrors(peer, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errors.push(...portErrors(port, `spec.egress[${i}].ports[${j}]`)));
    (rule.to ?? []).forEach((peer, j) => errors.push(...peerErrors(peer, `spec.egress[${i}].to[${j}]`)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > policyTypes.length) {
    const rendered = `[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(", ")}}`;
    errors.push(invalidRendered("spec.policyTypes", rendered, "may not specify more than two policyTypes"));
    return errors;
  }
  types.forEach((type, i) => {
    if (!policyTypes.includes(type)) errors.push(fieldError.notSupported(`spec.policyTypes[${i}]`, type, policyTypes));
  });
  return errors;
}

/** ValidateNetworkPolicyPort. */
function portErrors(port: NetworkPolicyPort, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (port.protocol != null && !protocols.includes(port.protocol)) errors.push(fieldError.notSupported(`${at}.protocol`, port.protocol, protocols));
  const endPort = port.endPort;
  if (typeof port.port === "number") {
    const start = port.port;
    errors.push(...isValidPortNum(start).map((m) => fieldError.invalid(`${at}.port`, start, m)));
    if (endPort != null) {
      if (endPort < start) errors.push(fieldError.invalid(`${at}.endPort`, endPort, "must be greater than or equal to `port`"));
      errors.push(...isValidPortNum(endPort).map((m) => fieldError.invalid(`${at}.endPort`, endPort, m)));
    }
  } else if (typeof port.port === "string") {
    if (endPort != null) errors.push(fieldError.invalid(`${at}.endPort`, endPort, "may not be specified when `port` is non-numeric"));
    const name = port.port;
    errors.push(...isValidPortName(name).map((m) => fieldError.invalid(`${at}.port`, name, m)));
  } else if (endPort != null) {
    errors.push(fieldError.invalid(`${at}.endPort`, endPort, "may not be specified when `port` is not specified"));
  }
  return errors;
}

/** ValidateNetworkPolicyPeer. */
function peerErrors(peer: NetworkPolicyPeer, at: string): FieldError[] {
  const errors: FieldError[] = [];
  let kinds = 0;
  if (peer.podSelector) {
    kinds++;
    errors.push(...validateLabelSelector(peer.podSelector, `${at}.podSelector`));
  }
  if (peer.namespaceSelector) {
    kinds++;
    errors.push(...validateLabelSelector(peer.namespaceSelector, `${at}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    kinds++;
    errors.push(...ipBlockErrors(peer.ipBlock, `${at}.ipBlock`));
  }
  if (kinds === 0) errors.push(fieldError.required(at, "must specify a peer"));
  else if (kinds > 1 && peer.ipBlock) errors.push(fieldError.forbidden(at, "may not specify both ipBlock and another peer"));
  return errors;
}

/** ValidateIPBlock: a CIDR, and each exception a CIDR strictly inside it. */
function ipBlockErrors(block: IPBlock, at: string): FieldError[] {
  if (!block.cidr) return [fieldError.required(`${at}.cidr`)];
  const cidr = parseCidr(block.cidr);
  if (!cidr) return [fieldError.invalid(`${at}.cidr`, block.cidr, cidrMessage)];
  const errors: FieldError[] = [];
  (block.except ?? []).forEach((text, i) => {
    const except = parseCidr(text);
    if (!except) {
      errors.push(fieldError.invalid(`${at}.except[${i}]`, text, cidrMessage));
      return;
    }
    const inside = cidrContains(cidr, { family: except.family, value: except.network });
    if (!inside || cidr.prefix >= except.prefix) errors.push(fieldError.invalid(`${at}.except[${i}]`, text, "must be a strict subset of `cidr`"));
  });
  return errors;
}
