// Limits per client, kept by the Worker before any Durable Object is reached: Workers' rate-limit bindings
// (wrangler.toml `[[ratelimits]]`: approximate, per Cloudflare location, windows of 10 or 60 s) keyed by the client's
// address. Exact per-cluster limits are the cluster object's own (runtime/rate-limit.ts). They guard what costs
// more than the Worker's own answer: Durable Object requests and storage (a 429 costs a Worker request as a 401 does).
import { nowMs } from "../runtime/clock";
import type { Env } from "./env";

/** The window of every rate-limit binding in wrangler.toml, in seconds: the Retry-After of their 429s. */
export const limitPeriodSeconds = 60;

/** An IPv6 address by its /64 (one subscriber gets a whole /64), e.g. `2001:db8:0:1::/64`. */
function ipv6Prefix(ip: string): string {
  const halves = ip.toLowerCase().split("::");
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length > 1 && halves[1] ? halves[1].split(":") : [];
  const groups = halves.length > 1 ? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail] : head;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * Who a request comes from: Cloudflare's `CF-Connecting-IP` (which a client cannot set), an IPv6 address by its /64.
 * Requests without it (local tests, a service binding) share the key "unknown".
 */
export function clientKey(request: Request): string {
  const ip = request.headers.get("cf-connecting-ip")?.trim();
  if (!ip) return "unknown";
  return ip.includes(":") && !ip.includes(".") ? ipv6Prefix(ip) : ip;
}

export type ClientLimit = "CREATE_LIMIT" | "PLATFORM_LIMIT" | "AUTH_FAILURE_LIMIT";

/**
 * Counts one request of the client against the limit; false when the client is over it. `CLIENT_LIMITS=off` (a
 * benchmark on one's own machine, never a public server) counts nothing.
 */
export async function withinLimit(env: Env, limit: ClientLimit, request: Request): Promise<boolean> {
  if (env.CLIENT_LIMITS === "off") return true;
  return (await env[limit].limit({ key: clientKey(request) })).success;
}

/** Clients over the 401 limit, until when (ms). In this isolate's memory: each isolate learns at its next 401. */
const refusedUntil = new Map<string, number>();
const maxRefused = 10_000;

/** Seconds a client is still refused for too many 401s, or undefined when it is not. */
export function refusedSeconds(request: Request): number | undefined {
  const key = clientKey(request);
  const until = refusedUntil.get(key);
  if (until === undefined) return undefined;
  const left = until - nowMs();
  if (left > 0) return Math.ceil(left / 1000);
  refusedUntil.delete(key);
  return undefined;
}

/**
 * A token was refused (401) by a cluster's object, or a wrong `CREATE_TOKEN` was sent: count it; past
 * `AUTH_FAILURE_LIMIT` the client is refused for a minute, with 429, without any cluster's object being reached.
 * The Worker's own 401s (no token, another cluster's token) are not counted: they reach no object.
 */
export async function noteAuthFailure(env: Env, request: Request): Promise<void> {
  if (await withinLimit(env, "AUTH_FAILURE_LIMIT", request)) return;
  if (refusedUntil.size >= maxRefused) refusedUntil.delete(refusedUntil.keys().next().value!);
  refusedUntil.set(clientKey(request), nowMs() + limitPeriodSeconds * 1000);
}
