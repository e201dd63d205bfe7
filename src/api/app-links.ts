// The path through which the dashboard opens a Service's app (GET only): a cluster path no Kubernetes path starts
// with, which the cluster's object answers through the same proxy connection as services/proxy, with Secret values
// masked. The dashboard's share link mirrors it at `/s/<token>/apps/services/<ns>/<name>:<port>/<path>`.

export const appsPath = "/.sandbox/apps";

/** `<ns>/<name>:<port>/<path>` of a Service's app, as the cluster path and the share link both carry it. */
export function appSuffix(namespace: string, name: string, port: number | string, path = "/"): string {
  return `services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}:${encodeURIComponent(String(port))}${path}`;
}
