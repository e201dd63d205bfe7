// Streams end with their credential (share/rotate ends the read-only token's; deleting or expiring the cluster ends
// every one), and watch slots: the dashboard's viewers take none of the learner's 100, a slot is free the moment its
// client goes away, and the 101st watch's 429 says when to retry.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { clusterStub, coldStartMs, createCluster, kube, kubeJson, origin, WatchReader } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { create, settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

let t = fakeClockStart();

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
});

afterAll(() => {
  vi.useRealTimers();
});

interface Open {
  name: string;
  reader: ReadableStreamDefaultReader<Uint8Array>;
}

/** Everything left in the stream, or a failure when it has not ended within `ms` (real time). */
async function endOf(stream: Open, ms = 3000): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let timer: any;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${stream.name} is still open after ${ms} ms`)), ms);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([stream.reader.read(), timeout]);
      if (done) return text;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
  }
}

async function open(name: string, response: Response): Promise<Open> {
  expect(response.status, `${name}: ${response.status}`).toBe(200);
  const reader = response.body!.getReader();
  await reader.read(); // the stream is in place once its first bytes arrive
  return { name, reader };
}

const viewWatch = (c: CreatedCluster) => kube(c, "/api/v1/configmaps?watch=true", { token: c.viewToken });
const adminWatch = (c: CreatedCluster) => kube(c, "/api/v1/configmaps?watch=true");
const follow = (c: CreatedCluster, token: string) => kube(c, "/api/v1/namespaces/default/pods/web/log?follow=true", { token });
const livePage = (token: string) => exports.default.fetch(`${origin}/s/${token}/live?page=config`);

/** A cluster with a running nginx pod (whose log can be followed) and one ConfigMap (so watches start with bytes). */
async function clusterWithPod(): Promise<CreatedCluster> {
  t += 3600_000;
  vi.setSystemTime(t);
  const c = await createCluster({ pace: "fast", workers: 1 });
  await create(c, "/api/v1/namespaces/default/configmaps", { metadata: { name: "seed" } });
  await create(c, "/api/v1/namespaces/default/pods", { metadata: { name: "web" }, spec: { nodeName: "worker-1", containers: [{ name: "nginx", image: "nginx:1.25" }] } });
  for (let at = 100; at <= 1500; at += 100) await settle(c, t + at);
  t += 1500;
  return c;
}

function counts(c: CreatedCluster) {
  return runInDurableObject(clusterStub(c.id), (instance) => {
    const o = instance as unknown as {
      streams: { count(role?: string): number };
      feed: { count(role?: string): number };
      api: { opts: { watches: { openWatches: number; openIn(pool: string): number } } };
    };
    const watches = o.api.opts.watches;
    return {
      streams: o.streams.count(),
      viewStreams: o.streams.count("view"),
      live: o.feed.count(),
      adminWatches: watches.openWatches,
      viewWatches: watches.openIn("view"),
    };
  });
}

describe("streams end with their credential", () => {
  it("share/rotate ends every watch, log follow and live page of the old read-only token at once; the admin's go on", async () => {
    const c = await clusterWithPod();
    const viewers = [await open("view watch", await viewWatch(c)), await open("view follow", await follow(c, c.viewToken)), await open("live page", await livePage(c.viewToken))];
    const admin = new WatchReader(await adminWatch(c));
    const adminFollow = await open("admin follow", await follow(c, c.token));
    try {
      expect(await admin.next()).toMatchObject({ type: "ADDED" });
      expect(await counts(c)).toMatchObject({ viewStreams: 2, live: 1, viewWatches: 1, adminWatches: 1 });
      const rotated = await exports.default.fetch(`${origin}/api/clusters/${c.id}/share/rotate`, { method: "POST", headers: { authorization: `Bearer ${c.token}` } });
      expect(rotated.status).toBe(200);
      const ends = await Promise.all(viewers.map((v) => endOf(v)));
      expect(ends[2]).toContain("event: gone");
      expect(await counts(c)).toMatchObject({ viewStreams: 0, live: 0, viewWatches: 0, adminWatches: 1 });
      // The admin's watch still streams.
      await kubeJson(c, "/api/v1/namespaces/default/configmaps", { method: "POST", body: { metadata: { name: "after-rotate" } } });
      let event = await admin.next();
      while (event.object.metadata.name !== "after-rotate") event = await admin.next();
      expect(event.type).toBe("ADDED");
      expect((await counts(c)).streams).toBe(2);
    } finally {
      await admin.cancel();
      await adminFollow.reader.cancel();
    }
  });

  it("deleting the cluster ends every stream of it at once", async () => {
    const c = await clusterWithPod();
    const streams = [
      await open("admin watch", await adminWatch(c)),
      await open("view watch", await viewWatch(c)),
      await open("admin follow", await follow(c, c.token)),
      await open("view follow", await follow(c, c.viewToken)),
      await open("live page", await livePage(c.viewToken)),
      await open("admin live page", await livePage(c.token)),
    ];
    const deleted = await exports.default.fetch(`${origin}/api/clusters/${c.id}`, { method: "DELETE", headers: { authorization: `Bearer ${c.token}` } });
    expect(deleted.status).toBe(200);
    for (const s of streams) await endOf(s);
    expect(await counts(c)).toEqual({ streams: 0, viewStreams: 0, live: 0, adminWatches: 0, viewWatches: 0 });
  });

  it("the cluster's expiry ends every stream of it at once", async () => {
    const c = await clusterWithPod();
    const streams = [
      await open("admin watch", await adminWatch(c)),
      await open("view watch", await viewWatch(c)),
      await open("view follow", await follow(c, c.viewToken)),
      await open("live page", await livePage(c.viewToken)),
    ];
    t += 8 * 24 * 3600_000; // past the 7 idle days
    vi.setSystemTime(t);
    await runDurableObjectAlarm(clusterStub(c.id));
    expect((await kube(c, "/api/v1/namespaces")).status).toBe(404);
    for (const s of streams) await endOf(s);
    expect(await counts(c)).toEqual({ streams: 0, viewStreams: 0, live: 0, adminWatches: 0, viewWatches: 0 });
  });
});

describe("watch slots", () => {
  it("viewers take none of the learner's 100 watches; a slot is free once its client is gone; the 101st gets 429 with Retry-After", async () => {
    const c = await clusterWithPod();
    const admin: Open[] = [];
    const others: Open[] = [];
    try {
      for (let i = 0; i < 100; i++) admin.push(await open(`admin watch ${i}`, await adminWatch(c)));
      const refused = await adminWatch(c);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(await refused.json()).toMatchObject({ kind: "Status", reason: "TooManyRequests", code: 429 });

      // Share-link viewers still get their live pages, and the read-only token its own watches.
      for (let i = 0; i < 5; i++) others.push(await open(`live page ${i}`, await livePage(c.viewToken)));
      others.push(await open("view watch", await viewWatch(c)));
      expect(await counts(c)).toMatchObject({ adminWatches: 100, live: 5, viewWatches: 1 });

      // A client that goes away frees its slot at once: the next watch is accepted without waiting.
      await admin.pop()!.reader.cancel();
      expect((await counts(c)).adminWatches).toBe(99);
      admin.push(await open("admin watch again", await adminWatch(c)));
      // A live page that goes away leaves the feed at once.
      await others.shift()!.reader.cancel();
      expect((await counts(c)).live).toBe(4);
    } finally {
      for (const s of [...admin, ...others]) await s.reader.cancel();
    }
    expect(await counts(c)).toEqual({ streams: 0, viewStreams: 0, live: 0, adminWatches: 0, viewWatches: 0 });
  });
});
