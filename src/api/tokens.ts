// Cluster ids and bearer tokens. A token is `<cluster id>.<secret>`: the Worker can tell which cluster a token is
// for (and refuse it on any other cluster) without waking a Durable Object; only the cluster's own object can tell
// whether the secret is right, from the hashes it keeps.

import { unverifiedClaims } from "./jwt";

/**
 * 36 lowercase base32 characters, a valid DNS label: 20 random (100 bits) and 16 of a MAC over them (80 bits,
 * `platform/cluster-ids.ts`), which the Worker checks before it addresses any Durable Object.
 */
export const clusterIdPattern = /^[a-z2-7]{36}$/;

/** Whether `id` has the shape of a cluster id (only the Worker's MAC check says whether the platform made it). */
export function isClusterId(id: string): boolean {
  return clusterIdPattern.test(id);
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * The claim of a ServiceAccount token (a JWT) that names its cluster: the Worker reads it, unverified, to route the
 * request; the cluster's object checks the signature.
 */
export const clusterClaim = "kube-sandbox.dev/cluster";

/** The cluster id a token belongs to, if it is well formed: `<id>.<secret>`, or a JWT with the cluster claim. */
export function clusterOfToken(token: string | undefined): string | undefined {
  if (!token) return undefined;
  if (token.split(".").length === 3) {
    const id = unverifiedClaims(token)?.[clusterClaim];
    return typeof id === "string" && isClusterId(id) ? id : undefined;
  }
  const dot = token.indexOf(".");
  if (dot < 0) return undefined;
  const id = token.slice(0, dot);
  return isClusterId(id) ? id : undefined;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
