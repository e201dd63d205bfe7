// The apiserver's Service allocators (pkg/registry/core/service/storage/alloc.go with its ipallocator and
// portallocator): cluster IPs from the service CIDR and node ports from 30000-32767, unique across every Service.
// Nothing is kept aside from the Services themselves: what is allocated is what the stored Services hold, so a
// delete or a type change releases by itself. Failures are the 422s (and 500s) the apiserver answers.
import type { Service, ServicePort, ServiceSpec } from "../../../api/schemas/core/service";
import { ipv4ToNumber } from "../../../api/ip";
import { internalError, invalid, type FieldError } from "../../../api/status";

/** The service CIDR (kube-apiserver's --service-cluster-ip-range). */
export const serviceCIDR = "10.96.0.0/16";
export const nodePortMin = 30000;
export const nodePortMax = 32767;
const nodePortRange = `${nodePortMin}-${nodePortMax}`;

/** What every other Service holds: their cluster IPs and node ports (health-check node ports included). */
export interface Allocated {
  clusterIPs: Set<string>;
  nodePorts: Set<number>;
}

/** The allocations of every stored Service but `self` (the one being written). */
export function allocatedByOthers(stored: Service[], self: Service): Allocated {
  const clusterIPs = new Set<string>();
  const nodePorts = new Set<number>();
  for (const s of stored) {
    if (s.metadata.namespace === self.metadata.namespace && s.metadata.name === self.metadata.name) continue;
    for (const ip of s.spec?.clusterIPs ?? []) if (ip !== "None") clusterIPs.add(ip);
    if (s.spec?.clusterIP && s.spec.clusterIP !== "None") clusterIPs.add(s.spec.clusterIP);
    for (const p of s.spec?.ports ?? []) if (p.nodePort) nodePorts.add(p.nodePort);
    if (s.spec?.healthCheckNodePort) nodePorts.add(s.spec.healthCheckNodePort);
  }
  return { clusterIPs, nodePorts };
}

export const needsNodePorts = (s: ServiceSpec) => s.type === "NodePort" || s.type === "LoadBalancer";
/** A LoadBalancer Service with externalTrafficPolicy Local gets a health-check node port (apiservice.NeedsHealthCheck). */
export const needsHealthCheckNodePort = (s: ServiceSpec) => s.type === "LoadBalancer" && s.externalTrafficPolicy === "Local";
/** Unset node ports are allocated, except for a LoadBalancer with allocateLoadBalancerNodePorts false. */
const allocatesNodePorts = (s: ServiceSpec) => s.type === "NodePort" || (s.type === "LoadBalancer" && s.allocateLoadBalancerNodePorts !== false);

/** FNV-1a: where a search for a free address starts, so addresses look spread as a real allocator's. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Inside 10.96.0.0/16, without its network and broadcast addresses. */
function inServiceCIDR(ip: string): boolean {
  const n = ipv4ToNumber(ip);
  return n !== undefined && n >>> 16 === ((10 << 8) | 96) && (n & 0xffff) !== 0 && (n & 0xffff) !== 0xffff;
}

/** Go's `%#v` of a []string, as field.Invalid prints spec.clusterIPs. */
const goStrings = (values: string[]) => `[]string{${values.map((v) => JSON.stringify(v)).join(", ")}}`;

function refuse(svc: Service, error: FieldError): never {
  throw invalid("Service", "", svc.metadata.name ?? "", [error]);
}

function clusterIPError(svc: Service, ip: string, why: string): FieldError {
  const ips = svc.spec?.clusterIPs?.length ? svc.spec.clusterIPs : [ip];
  return { type: "FieldValueInvalid", field: "spec.clusterIPs", message: `Invalid value: ${goStrings(ips)}: failed to allocate IP ${ip}: ${why}` };
}

const nodePortError = (index: number, port: number, why: string): FieldError => ({
  type: "FieldValueInvalid",
  field: `spec.ports[${index}].nodePort`,
  message: `Invalid value: ${port}: ${why}`,
});

/**
 * Allocate the cluster IP of a Service that needs one and has none (the first free address from a hash of its
 * name), or reserve the one it asks for: taken → "provided IP is already allocated"; outside the service CIDR →
 * the MetaAllocator's "the provided network does not match the current range" (1.33, ServiceCIDR allocators).
 * A malformed address is left to validation.
 */
export function allocateClusterIP(svc: Service, taken: Allocated): void {
  const s = svc.spec!;
  const requested = s.clusterIP || s.clusterIPs?.[0] || "";
  if (requested === "None") {
    s.clusterIP = "None";
    s.clusterIPs = ["None"];
    return;
  }
  if (requested === "") {
    const size = 65534;
    const start = hash(`${svc.metadata.namespace}/${svc.metadata.name}`) % size;
    for (let i = 0; i < size; i++) {
      const n = ((start + i) % size) + 1;
      const ip = `10.96.${n >> 8}.${n & 255}`;
      if (n >= 10 && !taken.clusterIPs.has(ip)) {
        s.clusterIP = ip;
        s.clusterIPs = [ip];
        return;
      }
    }
    throw internalError("failed to allocate a serviceIP: range is full");
  }
  if (ipv4ToNumber(requested) === undefined && !requested.includes(":")) {
    // Malformed: validation refuses it (spec.clusterIPs[0]), as the API's conversion fills clusterIPs from clusterIP.
    s.clusterIPs ??= [requested];
    return;
  }
  if (!inServiceCIDR(requested)) refuse(svc, clusterIPError(svc, requested, "the provided network does not match the current range"));
  if (taken.clusterIPs.has(requested)) refuse(svc, clusterIPError(svc, requested, "provided IP is already allocated"));
  s.clusterIP = requested;
  s.clusterIPs ??= [requested];
}

/** One node port as the portallocator reserves it. */
function reservePort(port: number, index: number, taken: Set<number>): void {
  if (port < nodePortMin || port > nodePortMax) {
    throw new NodePortRefused(index, port, `provided port is not in the valid range. The range of valid ports is ${nodePortRange}`);
  }
  if (taken.has(port)) throw new NodePortRefused(index, port, "provided port is already allocated");
  taken.add(port);
}

function nextPort(taken: Set<number>, seed: string): number {
  const size = nodePortMax - nodePortMin + 1;
  const start = hash(seed) % size;
  for (let i = 0; i < size; i++) {
    const port = nodePortMin + ((start + i) % size);
    if (!taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
  throw internalError("failed to allocate a nodePort: range is full");
}

class NodePortRefused extends Error {
  constructor(readonly index: number, readonly port: number, readonly why: string) {
    super(why);
  }
}

/**
 * Node ports of a NodePort or LoadBalancer Service (initNodePorts / updateNodePorts): requested ports are reserved
 * (those the Service held before stay its own), unset ones allocated; ports of one number share one node port.
 * `before` holds the node ports the Service already had (an update).
 */
export function allocateNodePorts(svc: Service, taken: Allocated, before: Set<number> = new Set()): void {
  const s = svc.spec!;
  const used = new Set(taken.nodePorts);
  const byServicePort = new Map<number, number>();
  const seed = `${svc.metadata.namespace}/${svc.metadata.name}`;
  try {
    (s.ports ?? []).forEach((p: ServicePort, i) => {
      if (!p.nodePort && !allocatesNodePorts(s)) return;
      const shared = byServicePort.get(p.port);
      if (p.nodePort) {
        if (p.nodePort !== shared && !before.has(p.nodePort)) reservePort(p.nodePort, i, used);
        else used.add(p.nodePort);
      } else {
        p.nodePort = shared ?? nextPort(used, `${seed}/${p.port}`);
      }
      if (shared === undefined) byServicePort.set(p.port, p.nodePort);
    });
  } catch (error) {
    if (error instanceof NodePortRefused) refuse(svc, nodePortError(error.index, error.port, error.why));
    throw error;
  }
  if (needsHealthCheckNodePort(s)) {
    const requested = s.healthCheckNodePort;
    if (!requested) s.healthCheckNodePort = nextPort(used, `${seed}/health`);
    else if (!before.has(requested) && (used.has(requested) || requested < nodePortMin || requested > nodePortMax)) {
      const why = used.has(requested) ? "provided port is already allocated" : `provided port is not in the valid range. The range of valid ports is ${nodePortRange}`;
      throw internalError(`failed to allocate requested HealthCheck NodePort ${requested}: ${why}`);
    }
  }
}

/** The node ports (and health-check node port) a stored Service holds. */
export function nodePortsOf(s: ServiceSpec): Set<number> {
  const ports = new Set<number>();
  for (const p of s.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  if (s.healthCheckNodePort) ports.add(s.healthCheckNodePort);
  return ports;
}
