// The kubeconfig handed to a learner: one cluster, one user (the caller's token), one context.
import { stringify } from "yaml";

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** TLS verification may be skipped only for a server on this machine (wrangler dev's self-signed certificate). */
export function isLoopback(server: string): boolean {
  const host = new URL(server).hostname;
  return loopbackHosts.has(host) || host.endsWith(".localhost") || host.startsWith("127.");
}

export function kubeconfigYaml(opts: { server: string; clusterName: string; id: string; token: string; role: "admin" | "view" }): string {
  const name = `sandbox-${opts.clusterName}-${opts.id.slice(0, 6)}`;
  const user = `${name}-${opts.role === "admin" ? "admin" : "viewer"}`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name,
        cluster: { server: opts.server, ...(isLoopback(opts.server) ? { "insecure-skip-tls-verify": true } : {}) },
      },
    ],
    contexts: [{ name: user, context: { cluster: name, user, namespace: "default" } }],
    "current-context": user,
    preferences: {},
    users: [{ name: user, user: { token: opts.token } }],
  });
}
