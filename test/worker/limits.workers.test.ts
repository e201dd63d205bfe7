// Limits that protect a public deployment, kept by the Worker per client (CF-Connecting-IP): the create body's size,
// cluster creations, platform calls on a cluster, 401 floods; and the dashboard's 429 page when a cluster is busy.
// The numbers are wrangler.toml's: CREATE_LIMIT 20, PLATFORM_LIMIT 120, AUTH_FAILURE_LIMIT 60, each per 60 s.
import { env, exports } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { app } from "../../src/worker/app";
import { clusterStub, coldStartMs, createCluster, kube, origin } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { addressSpy } from "./id-helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A client of its own (an IPv6 /64 nobody else in this file uses): every limit here is per client. */
function newClient(): string {
  const [a, b] = crypto.getRandomValues(new Uint16Array(2));
  return `2001:db8:${a.toString(16)}:${b.toString(16)}::1`;
}

function create(client: string, body?: BodyInit, headers: Record<string, string> = {}) {
  return exports.default.fetch(`${origin}/api/clusters`, { method: "POST", body, headers: { "cf-connecting-ip": client, ...headers } });
}

/**
 * Sends `send()` until it answers 429, at most twice the limit and once more (a fixed window may roll over once).
 * Returns the 429 and how many answers came before it.
 */
async function untilRefused(limit: number, send: () => Promise<Response> | Response, before: number[]): Promise<{ refused: Response; before: number }> {
  for (let sent = 0; sent <= 2 * limit; sent++) {
    const response = await send();
    if (response.status === 429) return { refused: response, before: sent };
    expect(before).toContain(response.status);
    await response.body?.cancel();
  }
  throw new Error(`no 429 after ${2 * limit + 1} requests`);
}

/** A body stream of `total` bytes of spaces in 16 KiB chunks, counting what was read of it. */
function spaces(total: number): { stream: ReadableStream<Uint8Array>; read: () => number } {
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  let read = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read >= total) return controller.close();
      read += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, read: () => read };
}

describe("the create body", () => {
  const limit = 64 * 1024;

  it("is refused with 413 from its Content-Length, whatever follows", async () => {
    const body = spaces(64 * 1024 * 1024);
    const response = await app.fetch(
      new Request(`${origin}/api/clusters`, { method: "POST", body: body.stream, headers: { "content-length": String(64 * 1024 * 1024) }, duplex: "half" } as RequestInit),
      env,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ kind: "Status", code: 413, reason: "RequestEntityTooLarge", message: `Request entity too large: limit is ${limit}` });
    // Through the real entry point, with a body that says its length.
    const real = await create(newClient(), "x".repeat(limit + 1));
    expect(real.status).toBe(413);
    expect(real.headers.get("content-type")).toBe("application/json");
  });

  it("is refused with 413 when a chunked body passes the limit; an endless one is dropped after 100 MiB", async () => {
    const response = await create(newClient(), spaces(limit + 1).stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ kind: "Status", code: 413, reason: "RequestEntityTooLarge" });
    // The rest of a refused body is read and dropped (wrangler dev's proxy fails an answer sent before the body was
    // received), but not without end.
    const endless = spaces(Number.POSITIVE_INFINITY);
    expect((await create(newClient(), endless.stream)).status).toBe(413);
    expect(endless.read()).toBeGreaterThan(100 * 1024 * 1024);
    expect(endless.read()).toBeLessThan(101 * 1024 * 1024);
  });

  it("may be up to the limit", async () => {
    const padded = " ".repeat(limit - 32) + JSON.stringify({ pace: "fast", workers: 0 });
    expect(padded.length).toBeLessThanOrEqual(limit);
    const response = await create(newClient(), padded);
    expect(response.status).toBe(201);
  });
});

describe("creations per client", () => {
  it("are limited to CREATE_LIMIT a minute: then 429 with Retry-After, for that client only", async () => {
    const client = newClient();
    const options = JSON.stringify({ pace: "fast", workers: 0 });
    const { refused, before } = await untilRefused(20, () => create(client, options), [201]);
    expect(before).toBeGreaterThanOrEqual(20);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.json()).toMatchObject({ kind: "Status", code: 429, reason: "TooManyRequests", details: { retryAfterSeconds: 60 } });
    // Invalid options are answered as usual (only creations count).
    expect((await create(client, JSON.stringify({ workers: -1 }))).status).toBe(400);
    // The landing page's form answers the same limit with a page.
    const form = await exports.default.fetch(`${origin}/create`, { method: "POST", headers: { "cf-connecting-ip": client } });
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toBe("60");
    expect(await form.text()).toContain("too many clusters created from this address");
    // Another client is not affected.
    expect((await create(newClient(), options)).status).toBe(201);
  });
});

describe("platform calls on a cluster, per client", () => {
  it("are limited to PLATFORM_LIMIT a minute: then 429 with Retry-After; the Kubernetes API is not", async () => {
    const client = newClient();
    const get = () => exports.default.fetch(`${origin}/api/clusters/${cluster.id}`, { headers: { authorization: `Bearer ${cluster.token}`, "cf-connecting-ip": client } });
    const { refused, before } = await untilRefused(120, get, [200]);
    expect(before).toBeGreaterThanOrEqual(120);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.json()).toMatchObject({ kind: "Status", code: 429, reason: "TooManyRequests" });
    const kubeconfig = await exports.default.fetch(`${origin}/api/clusters/${cluster.id}/kubeconfig`, { headers: { authorization: `Bearer ${cluster.token}`, "cf-connecting-ip": client } });
    expect(kubeconfig.status).toBe(429);
    expect((await kube(cluster, "/api/v1/namespaces", { headers: { "cf-connecting-ip": client } })).status).toBe(200);
    const other = await exports.default.fetch(`${origin}/api/clusters/${cluster.id}`, { headers: { authorization: `Bearer ${cluster.token}`, "cf-connecting-ip": newClient() } });
    expect(other.status).toBe(200);
  });
});

describe("401 answers per client", () => {
  it("past AUTH_FAILURE_LIMIT a minute, refuse the client's address (its /64) for a minute without reaching any cluster", async () => {
    // A cluster of its own: the clock moves ahead a day at the end, and the cluster's own rate limit with it.
    const cluster = await createCluster({ workers: 0 });
    const client = newClient();
    const neighbour = client.replace(/::1$/, "::2");
    const spy = addressSpy();
    const send = (token: string, from: string, path = `/clusters/${cluster.id}/api/v1/namespaces`) =>
      app.fetch(new Request(`${origin}${path}`, { headers: { authorization: `Bearer ${token}`, "cf-connecting-ip": from } }), spy.env);
    const wrong = `${cluster.id}.${"w".repeat(32)}`;
    const { refused, before } = await untilRefused(60, () => send(wrong, client), [401]);
    expect(before).toBeGreaterThanOrEqual(60);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ kind: "Status", code: 429, reason: "TooManyRequests" });

    // Refused now even with the right token, on every route to a cluster, and nothing is addressed.
    spy.addressed.length = 0;
    expect((await send(cluster.token, client)).status).toBe(429);
    expect((await send(cluster.token, neighbour)).status).toBe(429);
    expect((await send(cluster.token, client, "/api/v1/namespaces")).status).toBe(429);
    expect((await send(cluster.token, client, `/api/clusters/${cluster.id}`)).status).toBe(429);
    const page = await app.fetch(new Request(`${origin}/s/${cluster.viewToken}/`, { headers: { "cf-connecting-ip": client } }), spy.env);
    expect(page.status).toBe(429);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await page.text()).toContain("Too many requests");
    expect(spy.addressed).toEqual([]);

    // Other clients are not affected; and the client is let in again after a minute.
    expect((await send(cluster.token, client.replace(/^(2001:db8:[0-9a-f]+:)([0-9a-f]+)/, (_m, p, b) => p + ((parseInt(b, 16) + 1) % 65536).toString(16)))).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(fakeClockStart());
    expect((await send(cluster.token, client)).status).toBe(200);
  });

  it("are not counted when the Worker refuses the token itself (no cluster reached)", async () => {
    const client = newClient();
    for (let i = 0; i < 2 * 60 + 1; i++) {
      const missing = await exports.default.fetch(`${origin}/clusters/${cluster.id}/api/v1/namespaces`, { headers: { "cf-connecting-ip": client } });
      expect(missing.status).toBe(401);
      await missing.body?.cancel();
    }
    expect((await kube(cluster, "/api/v1/namespaces", { headers: { "cf-connecting-ip": client } })).status).toBe(200);
  });

  it("count wrong share links too", async () => {
    const client = newClient();
    const spy = addressSpy();
    const wrongLink = () => app.fetch(new Request(`${origin}/s/${cluster.id}.${"w".repeat(32)}/`, { headers: { "cf-connecting-ip": client } }), spy.env);
    const { refused, before } = await untilRefused(60, wrongLink, [404]);
    expect(before).toBeGreaterThanOrEqual(60);
    expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await refused.text()).toContain("Too many share links that lead nowhere");
  });
});

describe("the dashboard of a cluster over its own rate limit", () => {
  it("answers a 429 page with Retry-After, not a 502", async () => {
    // A cluster of its own: the clock moves ahead a day, and the cluster's own rate limit with it.
    const cluster = await createCluster({ workers: 0 });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(fakeClockStart());
    // Empty the cluster's token bucket; with the clock standing still it does not refill.
    await runInDurableObject(clusterStub(cluster.id), (instance) => {
      const limiter = (instance as unknown as { limiter: { take(): boolean } }).limiter;
      while (limiter.take());
    });
    expect((await kube(cluster, "/api/v1/namespaces")).status).toBe(429);
    const page = await exports.default.fetch(`${origin}/s/${cluster.viewToken}/`);
    expect(page.status).toBe(429);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("retry-after")).toBe("1");
    const html = await page.text();
    expect(html).toContain("Too many requests");
    expect(html).not.toContain("did not answer");
    // A second later the bucket has refilled and the page is back.
    vi.setSystemTime(Date.now() + 2000);
    expect((await exports.default.fetch(`${origin}/s/${cluster.viewToken}/`)).status).toBe(200);
  });
});
