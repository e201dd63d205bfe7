// Services: defaults (type, protocols, target ports, policies), cluster IP and node port allocation (./allocation),
// the fields a type change drops, and the checks a real apiserver makes on ports and types.
import type { Service, ServiceSpec } from "../../../api/schemas/core/service";
import { isIPv4 } from "../../../api/ip";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabels } from "../../../api/validation/labels";
import { validatePortNumOrName } from "../../../api/validation/ports";
import type { Strategy } from "../types";
import {
  allocateClusterIP,
  allocateNodePorts,
  allocatedByOthers,
  needsHealthCheckNodePort,
  needsNodePorts,
  nodePortsOf,
  type Allocated,
} from "./allocation";

const serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

function spec(svc: Service): ServiceSpec {
  return (svc.spec ??= {});
}

/** Traffic from outside the cluster reaches it (serviceapi.ExternallyAccessible). */
const externallyAccessible = (s: ServiceSpec) =>
  s.type === "NodePort" || s.type === "LoadBalancer" || (s.type === "ClusterIP" && (s.externalIPs?.length ?? 0) > 0);

const sameList = (a: unknown[] | undefined, b: unknown[] | undefined) =>
  (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((v, i) => v === b?.[i]);

/**
 * dropTypeDependentFields: on a type change, fields the new type does not use are cleared when the user left them
 * as they were (so they are released); a changed one stays and meets validation.
 */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const s = spec(svc);
  const o: ServiceSpec = old.spec ?? {};
  if (o.type !== "ExternalName" && s.type === "ExternalName") {
    if (s.clusterIP === o.clusterIP && sameList(s.clusterIPs, o.clusterIPs)) {
      delete s.clusterIP;
      delete s.clusterIPs;
    }
    if (sameList(s.ipFamilies, o.ipFamilies)) delete s.ipFamilies;
    if (s.ipFamilyPolicy === o.ipFamilyPolicy) delete s.ipFamilyPolicy;
  }
  if (needsNodePorts(o) && !needsNodePorts(s)) {
    const before = nodePortsOf({ ports: o.ports });
    if ((s.ports ?? []).every((p) => !p.nodePort || before.has(p.nodePort))) for (const p of s.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheckNodePort(o) && !needsHealthCheckNodePort(s) && s.healthCheckNodePort === o.healthCheckNodePort) delete s.healthCheckNodePort;
  if (o.type === "LoadBalancer" && s.type !== "LoadBalancer") {
    if (s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete s.allocateLoadBalancerNodePorts;
    if (s.loadBalancerClass === o.loadBalancerClass) delete s.loadBalancerClass;
  }
  if (externallyAccessible(o) && !externallyAccessible(s) && s.externalTrafficPolicy === o.externalTrafficPolicy) delete s.externalTrafficPolicy;
  if (s.type !== "LoadBalancer" && svc.status) svc.status = { ...svc.status, loadBalancer: {} };
}

/** patchAllocatedValues: an update that leaves out what was allocated keeps it (node ports matched by port name). */
function keepAllocatedValues(svc: Service, old: Service, taken: Allocated): void {
  const s = spec(svc);
  const o: ServiceSpec = old.spec ?? {};
  if (o.type !== "ExternalName" && s.type !== "ExternalName") {
    if (!s.clusterIP && o.clusterIP) s.clusterIP = o.clusterIP;
    if (!s.clusterIPs?.length && o.clusterIPs?.length) s.clusterIPs = o.clusterIPs;
    s.ipFamilies ??= o.ipFamilies;
    s.ipFamilyPolicy ??= o.ipFamilyPolicy;
  }
  if (needsNodePorts(o) && needsNodePorts(s)) {
    const inUse = new Set((s.ports ?? []).flatMap((p) => (p.nodePort ? [p.nodePort] : [])));
    const byName = new Map((o.ports ?? []).map((p) => [p.name ?? "", p.nodePort]));
    for (const p of s.ports ?? []) {
      const before = byName.get(p.name ?? "");
      if (!p.nodePort && before && !inUse.has(before) && !taken.nodePorts.has(before)) p.nodePort = before;
    }
  }
  if (needsHealthCheckNodePort(o) && needsHealthCheckNodePort(s) && !s.healthCheckNodePort) s.healthCheckNodePort = o.healthCheckNodePort;
}

function defaultIPFamilies(s: ServiceSpec): void {
  s.ipFamilies ??= ["IPv4"];
  s.ipFamilyPolicy ??= "SingleStack";
}

export const serviceStrategy: Strategy<Service> = {
  defaults(svc) {
    const s = spec(svc);
    s.type ||= "ClusterIP";
    // A node port or health-check node port of 0 is unset (the API omits zero values).
    for (const p of s.ports ?? []) if (p.nodePort === 0) delete p.nodePort;
    if (s.healthCheckNodePort === 0) delete s.healthCheckNodePort;
    if (s.type === "ExternalName") return;
    s.sessionAffinity ||= "None";
    s.internalTrafficPolicy ??= "Cluster";
    if (externallyAccessible(s)) s.externalTrafficPolicy ||= "Cluster";
    if (s.type === "LoadBalancer") s.allocateLoadBalancerNodePorts ??= true;
    for (const p of s.ports ?? []) {
      p.protocol ||= "TCP";
      // SetDefaults_Service: a target port of 0 or "" means the port itself.
      if (p.targetPort == null || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
    }
  },
  prepareForCreate(svc, ctx) {
    const s = spec(svc);
    svc.status = { loadBalancer: {} };
    if (s.type === "ExternalName") return;
    const taken = allocatedByOthers(ctx.stored(), svc);
    allocateClusterIP(svc, taken);
    defaultIPFamilies(s);
    if (needsNodePorts(s)) allocateNodePorts(svc, taken);
  },
  prepareForUpdate(svc, old, ctx) {
    const s = spec(svc);
    const o: ServiceSpec = old.spec ?? {};
    dropTypeDependentFields(svc, old);
    const taken = allocatedByOthers(ctx.stored(), svc);
    keepAllocatedValues(svc, old, taken);
    if (s.type === "ExternalName") return;
    if (o.type === "ExternalName") allocateClusterIP(svc, taken);
    defaultIPFamilies(s);
    if (needsNodePorts(s)) allocateNodePorts(svc, taken, needsNodePorts(o) ? nodePortsOf(o) : new Set());
  },
  validate(svc) {
    return validateServiceSpec(spec(svc));
  },
  validateUpdate(svc, old) {
    const s = spec(svc);
    const o: ServiceSpec = old.spec ?? {};
    const errors: FieldError[] = [];
    if (o.clusterIP && s.clusterIP !== o.clusterIP && s.type !== "ExternalName" && o.type !== "ExternalName") {
      errors.push(fieldError.invalid("spec.clusterIPs[0]", s.clusterIP, "may not change once set"));
    }
    if (needsHealthCheckNodePort(o) && needsHealthCheckNodePort(s) && s.healthCheckNodePort !== o.healthCheckNodePort) {
      errors.push(fieldError.forbidden("spec.healthCheckNodePort", "field is immutable"));
    }
    if (o.type === "LoadBalancer" && s.type === "LoadBalancer" && s.loadBalancerClass !== o.loadBalancerClass) {
      errors.push(fieldError.invalid("spec.loadBalancerClass", s.loadBalancerClass ?? null, "may not change once set"));
    }
    return errors;
  },
};

function validateServiceSpec(s: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!serviceTypes.includes(s.type ?? "")) errors.push(fieldError.notSupported("spec.type", s.type, serviceTypes));
  if (s.type === "ExternalName") {
    if (!s.externalName) errors.push(fieldError.required("spec.externalName"));
    return errors;
  }
  (s.clusterIPs ?? []).forEach((ip, i) => {
    if (ip !== "None" && !ip.includes(":") && !isIPv4(ip)) {
      errors.push(fieldError.invalid(`spec.clusterIPs[${i}]`, ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    }
  });
  const ports = s.ports ?? [];
  if (!ports.length && s.clusterIP !== "None") errors.push(fieldError.required("spec.ports"));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errors.push(fieldError.required(`${at}.name`));
    if (p.name) {
      if (names.has(p.name)) errors.push(fieldError.duplicate(`${at}.name`, p.name));
      names.add(p.name);
    }
    if (!(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535)) {
      errors.push(fieldError.invalid(`${at}.port`, p.port, "must be between 1 and 65535, inclusive"));
    }
    if (!["TCP", "UDP", "SCTP"].includes(p.protocol ?? "")) errors.push(fieldError.notSupported(`${at}.protocol`, p.protocol, ["SCTP", "TCP", "UDP"]));
    if (s.type === "ClusterIP" && p.nodePort) errors.push(fieldError.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    errors.push(...validatePortNumOrName(p.targetPort, `${at}.targetPort`));
  });
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errors.push(fieldError.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  errors.push(...validateLabels(s.selector, "spec.selector"));
  errors.push(...validateTypeDependentFields(s));
  if (s.sessionAffinity && !["ClientIP", "None"].includes(s.sessionAffinity)) {
    errors.push(fieldError.notSupported("spec.sessionAffinity", s.sessionAffinity, ["ClientIP", "None"]));
  }
  return errors;
}

/** Fields that belong to some types only (validateServiceExternalTrafficPolicy, the LoadBalancer-only fields). */
function validateTypeDependentFields(s: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  const policy = s.externalTrafficPolicy;
  if (!externallyAccessible(s)) {
    if (policy) errors.push(fieldError.invalid("spec.externalTrafficPolicy", policy, "may only be set for externally-accessible services"));
  } else if (!policy) {
    errors.push(fieldError.required("spec.externalTrafficPolicy"));
  } else if (policy !== "Cluster" && policy !== "Local") {
    errors.push(fieldError.notSupported("spec.externalTrafficPolicy", policy, ["Cluster", "Local"]));
  }
  if (!needsHealthCheckNodePort(s)) {
    if (s.healthCheckNodePort) {
      errors.push(fieldError.invalid("spec.healthCheckNodePort", s.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (!s.healthCheckNodePort) {
    errors.push(fieldError.required("spec.healthCheckNodePort"));
  }
  if (s.type === "LoadBalancer") {
    if (s.allocateLoadBalancerNodePorts === undefined) errors.push(fieldError.required("spec.allocateLoadBalancerNodePorts"));
  } else {
    if (s.allocateLoadBalancerNodePorts !== undefined) errors.push(fieldError.forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
    if (s.loadBalancerClass !== undefined) errors.push(fieldError.forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
    if (s.loadBalancerSourceRanges?.length) errors.push(fieldError.forbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
  }
  return errors;
}
