// Cluster ids for Worker tests: ids the platform made (never created, or made and deleted) and ids it did not make,
// an env whose CLUSTER namespace records every Durable Object the Worker addresses, and every route that names one.
import { env } from "cloudflare:workers";
import type { Env } from "../../src/platform/env";
import { mintClusterId } from "../../src/platform/cluster-ids";
import { origin } from "../helpers/cluster";

/** An id with a cluster id's shape that the platform did not make (its MAC is wrong). */
export function forgedClusterId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = crypto.getRandomValues(new Uint8Array(36));
  return [...bytes].map((b) => alphabet[b & 31]).join("");
}

/** An id the platform made (its MAC is right) but whose cluster was never created. */
export function mintedClusterId(): Promise<string> {
  return mintClusterId(env as Env);
}

/** `env` with a CLUSTER namespace that records the name or id of every object addressed through it. */
export function addressSpy(base: Env = env as Env): { env: Env; addressed: string[] } {
  const addressed: string[] = [];
  const namespace = base.CLUSTER;
  const CLUSTER = new Proxy(namespace, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "getByName" || property === "idFromName" || property === "idFromString" || property === "get") {
        return (...args: unknown[]) => {
          addressed.push(String(args[0]));
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  return { env: { ...base, CLUSTER }, addressed };
}

/** Every way a request names a cluster: platform calls, the Kubernetes API (by path and by token), share links. */
export function requestsFor(id: string, token: string): Array<[string, Request]> {
  const auth = { authorization: `Bearer ${token}` };
  return [
    ["GET /api/clusters/<id>", new Request(`${origin}/api/clusters/${id}`, { headers: auth })],
    ["GET /api/clusters/<id> without a token", new Request(`${origin}/api/clusters/${id}`)],
    ["GET /api/clusters/<id>/kubeconfig", new Request(`${origin}/api/clusters/${id}/kubeconfig`, { headers: auth })],
    ["DELETE /api/clusters/<id>", new Request(`${origin}/api/clusters/${id}`, { method: "DELETE", headers: auth })],
    ["POST /api/clusters/<id>/share/rotate", new Request(`${origin}/api/clusters/${id}/share/rotate`, { method: "POST", headers: auth })],
    ["GET /clusters/<id>/api/v1/namespaces", new Request(`${origin}/clusters/${id}/api/v1/namespaces`, { headers: auth })],
    ["GET /clusters/<id>", new Request(`${origin}/clusters/${id}`, { headers: auth })],
    ["GET /api/v1/namespaces (routed by the token)", new Request(`${origin}/api/v1/namespaces`, { headers: auth })],
    ["GET /s/<token>/", new Request(`${origin}/s/${token}/`)],
    ["GET /s/<token>/workloads", new Request(`${origin}/s/${token}/workloads`)],
    ["GET /s/<token>/live", new Request(`${origin}/s/${token}/live`)],
  ];
}

