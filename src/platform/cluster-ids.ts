// Cluster ids the platform made, and only those, lead to a Durable Object. An id is 20 random base32 characters and
// 16 of an HMAC-SHA256 over them (80 bits): the Worker checks the MAC before it addresses a cluster's object, so a
// stranger's made-up id is answered 404 without creating storage. The key is the `CLUSTER_ID_KEY` secret when set;
// otherwise a random key made on first use and kept in the `ID_KEYS` Durable Object (`id-key-object.ts`): local
// `wrangler dev` works out of the box with ids that survive a restart, and a deployment without the secret is still
// safe (its key never leaves its storage).
import { isClusterId } from "../api/tokens";
import { randomToken } from "../runtime/random";
import type { ClusterObject } from "../cluster/cluster-object";
import type { Env } from "./env";

const randomLength = 20;
const macBytes = 10;
/** A `CLUSTER_ID_KEY` shorter than this is refused (every cluster request fails loudly rather than weakly). */
export const minSecretLength = 32;
/** The name of the one object of `ID_KEYS` that keeps the generated key. */
export const idKeyObjectName = "cluster-id-key";

const base32 = "abcdefghijklmnopqrstuvwxyz234567";

/** RFC 4648 base32 (lowercase, no padding) of bytes whose bit length is a multiple of 5. */
function base32Of(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const imported = new Map<string, Promise<CryptoKey>>();
let generated: Promise<string> | undefined;

function importKey(secret: string): Promise<CryptoKey> {
  let key = imported.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    imported.set(secret, key);
  }
  return key;
}

/** The secret the MACs are made with: the Worker secret, or the generated one (fetched once per isolate). */
async function secretOf(env: Env): Promise<string> {
  if (env.CLUSTER_ID_KEY !== undefined && env.CLUSTER_ID_KEY !== "") {
    if (env.CLUSTER_ID_KEY.length < minSecretLength) throw new Error(`CLUSTER_ID_KEY must be at least ${minSecretLength} characters`);
    return env.CLUSTER_ID_KEY;
  }
  generated ??= env.ID_KEYS.getByName(idKeyObjectName)
    .key()
    .catch((error: unknown) => {
      generated = undefined;
      throw error;
    });
  return generated;
}

async function macOf(env: Env, random: string): Promise<string> {
  const key = await importKey(await secretOf(env));
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`kube-sandbox cluster id:${random}`));
  return base32Of(new Uint8Array(mac, 0, macBytes));
}

/** A new cluster id, carrying its MAC. */
export async function mintClusterId(env: Env): Promise<string> {
  const random = randomToken(randomLength);
  return random + (await macOf(env, random));
}

/**
 * Ids (with the secret they were verified under) this isolate has already verified (every kubectl request names one; an HMAC per request is wasted work).
 * Only authentic ids are kept, so strangers cannot fill it; bounded all the same.
 */
const verified = new Set<string>();
const maxVerified = 10_000;

/** Whether the platform made `id` (shape and MAC; compared in constant time). */
export async function isAuthenticClusterId(env: Env, id: string): Promise<boolean> {
  if (!isClusterId(id)) return false;
  // Keyed by the secret too: an id verified under one key says nothing under another.
  const known = `${await secretOf(env)}\n${id}`;
  if (verified.has(known)) return true;
  const expected = await macOf(env, id.slice(0, randomLength));
  const given = id.slice(randomLength);
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  if (difference !== 0) return false;
  if (verified.size >= maxVerified) verified.delete(verified.values().next().value!);
  verified.add(known);
  return true;
}

/**
 * A cluster's Durable Object: its stub when the platform made `id`, else undefined (answer the cluster-not-found
 * 404 then, as for a deleted cluster). Every `getByName` of the Worker comes after this check.
 */
export async function clusterStubOf(env: Env, id: string): Promise<DurableObjectStub<ClusterObject> | undefined> {
  return (await isAuthenticClusterId(env, id)) ? env.CLUSTER.getByName(id) : undefined;
}
