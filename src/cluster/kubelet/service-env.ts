// The Service environment variables the kubelet gives every container (pkg/kubelet/envvars, getServiceEnvVarMap):
// the `kubernetes` Service of default always, and with enableServiceLinks (the default) every Service of the pod's
// namespace that has a ClusterIP, as Docker links name them. Pure.
import type { Pod, Service } from "../../api/schemas";
import { parseTime } from "../../api/timestamp";

/** The Services the kubelet links whatever enableServiceLinks says (from the default namespace). */
const masterServices = new Set(["kubernetes"]);

/** A Service name as a variable prefix: upper case, dots and dashes as underscores, a leading digit guarded. */
function variableName(name: string): string {
  const upper = name.replace(/[.-]/g, "_").toUpperCase();
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

const hasClusterIP = (s: Service) => !!s.spec?.clusterIP && s.spec.clusterIP !== "None";

/** The variables of one Service: host and port (and named ports), then the Docker-link variables of every port. */
function serviceVariables(service: Service, out: Record<string, string>): void {
  const prefix = variableName(service.metadata?.name ?? "");
  const ip = service.spec?.clusterIP ?? "";
  const ports = service.spec?.ports ?? [];
  if (!ports.length) return;
  out[`${prefix}_SERVICE_HOST`] = ip;
  out[`${prefix}_SERVICE_PORT`] = String(ports[0]!.port);
  for (const port of ports) if (port.name) out[`${prefix}_SERVICE_PORT_${variableName(port.name)}`] = String(port.port);
  ports.forEach((port, i) => {
    const protocol = (port.protocol || "TCP").toLowerCase();
    const url = `${protocol}://${ip}:${port.port}`;
    if (i === 0) out[`${prefix}_PORT`] = url;
    const portPrefix = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
    out[portPrefix] = url;
    out[`${portPrefix}_PROTO`] = protocol;
    out[`${portPrefix}_PORT`] = String(port.port);
    out[`${portPrefix}_ADDR`] = ip;
  });
}

/**
 * The Service variables of a container of `pod`, from the Services of its namespace and of default, those created
 * by `asOf` only (a Service created after a container started is not in its environment until it restarts).
 * Services in name order; a Service of the pod's namespace wins over a master Service of the same name.
 */
export function serviceEnv(pod: Pod, services: (namespace: string) => Service[], asOf = Number.POSITIVE_INFINITY): Record<string, string> {
  const namespace = pod.metadata?.namespace ?? "";
  const existed = (s: Service) => hasClusterIP(s) && (parseTime(s.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY) <= asOf;
  const chosen = new Map<string, Service>();
  for (const s of services("default")) if (masterServices.has(s.metadata?.name ?? "") && existed(s)) chosen.set(s.metadata!.name!, s);
  if (pod.spec?.enableServiceLinks ?? true) for (const s of services(namespace)) if (existed(s)) chosen.set(s.metadata?.name ?? "", s);
  const out: Record<string, string> = {};
  for (const name of [...chosen.keys()].sort()) serviceVariables(chosen.get(name)!, out);
  return out;
}
