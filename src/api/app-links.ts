// The path through which the dashboard opens an app (GET only): a cluster path no Kubernetes path starts with, which
// the cluster's object answers through the same proxy connection as services/proxy, with Secret values masked. The
// dashboard's share link mirrors it: `/s/<token>/apps/services/<ns>/<name>:<port>/<path>` for a Service's port,
// `/s/<token>/apps/ingresses/<ns>/<name>/<host>/<path>` for a host of an Ingress (through its ingress controller).

export const appsPath = "/.sandbox/apps";

/** `<ns>/<name>:<port>/<path>` of a Service's app, as the cluster path and the share link both carry it. */
export function appSuffix(namespace: string, name: string, port: number | string, path = "/"): string {
  return `services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}:${encodeURIComponent(String(port))}${path}`;
}

/** The host segment of an Ingress's rules without a host (the controller's catch-all server). */
export const anyHost = "_";

/** `ingresses/<ns>/<name>/<host>/<path>` of a host of an Ingress (`anyHost` for its rules without a host). */
export function ingressAppSuffix(namespace: string, name: string, host: string, path = "/"): string {
  return `ingresses/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/${encodeURIComponent(host)}${path}`;
}
