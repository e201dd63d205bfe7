// Services: defaults (type, protocols, target ports, policies), cluster IP and node port allocation, and the
// checks a real apiserver makes on ports and types.
import type { Service, ServiceSpec } from "../../../api/schemas/core/service";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabels } from "../../../api/validation/labels";
import { validatePortNumOrName } from "../../../api/validation/ports";
import type { Strategy, StrategyContext } from "../types";

const serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const nodePortMin = 30000;
const nodePortMax = 32767;

function spec(svc: Service): ServiceSpec {
  return (svc.spec ??= {});
}

function usedClusterIPs(ctx: StrategyContext<Service>): Set<string> {
  const used = new Set<string>();
  for (const s of ctx.stored()) for (const ip of s.spec?.clusterIPs ?? []) used.add(ip);
  return used;
}

function usedNodePorts(ctx: StrategyContext<Service>): Set<number> {
  const used = new Set<number>();
  for (const s of ctx.stored()) for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  return used;
}

/** Deterministic search from a hash of the name, so addresses look spread like a real allocator's. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function allocateClusterIP(svc: Service, ctx: StrategyContext<Service>): string {
  const used = usedClusterIPs(ctx);
  const size = 65534;
  const start = hash(`${svc.metadata.namespace}/${svc.metadata.name}`) % size;
  for (let i = 0; i < size; i++) {
    const n = ((start + i) % size) + 1;
    const ip = `10.96.${n >> 8}.${n & 255}`;
    if (n >= 10 && !used.has(ip)) return ip;
  }
  throw new Error("service cluster IP range is full");
}

function allocateNodePort(used: Set<number>, seed: string): number {
  const size = nodePortMax - nodePortMin + 1;
  const start = hash(seed) % size;
  for (let i = 0; i < size; i++) {
    const port = nodePortMin + ((start + i) % size);
    if (!used.has(port)) {
      used.add(port);
      return port;
    }
  }
  throw new Error("node port range is full");
}

export const serviceStrategy: Strategy<Service> = {
  defaults(svc) {
    const s = spec(svc);
    s.type ||= "ClusterIP";
    if (s.type === "ExternalName") return;
    s.sessionAffinity ||= "None";
    s.internalTrafficPolicy ??= "Cluster";
    if (s.type === "NodePort" || s.type === "LoadBalancer") s.externalTrafficPolicy ||= "Cluster";
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
    if (!s.clusterIP) s.clusterIP = allocateClusterIP(svc, ctx);
    if (s.clusterIP !== "None") s.clusterIPs = [s.clusterIP];
    else s.clusterIPs = ["None"];
    s.ipFamilies ??= ["IPv4"];
    s.ipFamilyPolicy ??= "SingleStack";
    if (s.type === "NodePort" || s.type === "LoadBalancer") {
      const used = usedNodePorts(ctx);
      for (const p of s.ports ?? []) if (!p.nodePort) p.nodePort = allocateNodePort(used, `${svc.metadata.namespace}/${svc.metadata.name}/${p.port}`);
    }
  },
  prepareForUpdate(svc, old, ctx) {
    const s = spec(svc);
    const o: ServiceSpec = old.spec ?? {};
    if (s.type !== "ExternalName" && o.clusterIP && !s.clusterIP) {
      s.clusterIP = o.clusterIP;
      s.clusterIPs = o.clusterIPs;
    }
    s.ipFamilies ??= o.ipFamilies;
    s.ipFamilyPolicy ??= o.ipFamilyPolicy;
    if (s.type === "NodePort" || s.type === "LoadBalancer") {
      const used = usedNodePorts(ctx);
      for (const p of s.ports ?? []) {
        if (p.nodePort) continue;
        const before = (o.ports ?? []).find((q) => q.port === p.port && q.nodePort);
        p.nodePort = before ? before.nodePort : allocateNodePort(used, `${svc.metadata.namespace}/${svc.metadata.name}/${p.port}`);
      }
    } else {
      for (const p of s.ports ?? []) delete p.nodePort;
    }
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
    if (p.nodePort !== undefined && (p.nodePort < nodePortMin || p.nodePort > nodePortMax)) {
      errors.push(fieldError.invalid(`${at}.nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${nodePortMin}-${nodePortMax}`));
    }
    if (s.type === "ClusterIP" && p.nodePort) errors.push(fieldError.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    errors.push(...validatePortNumOrName(p.targetPort, `${at}.targetPort`));
  });
  errors.push(...validateLabels(s.selector, "spec.selector"));
  if (s.sessionAffinity && !["ClientIP", "None"].includes(s.sessionAffinity)) {
    errors.push(fieldError.notSupported("spec.sessionAffinity", s.sessionAffinity, ["ClientIP", "None"]));
  }
  return errors;
}
