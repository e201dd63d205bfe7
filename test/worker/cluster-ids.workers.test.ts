// Cluster ids carry a MAC the Worker checks: an id the platform did not make reaches no Durable Object, on any
// route, and is answered exactly as a deleted cluster is.
import { env, exports } from "cloudflare:workers";
import { listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import type { Env } from "../../src/platform/env";
import { app } from "../../src/worker/app";
import { idKeyObjectName, isAuthenticClusterId, mintClusterId } from "../../src/platform/cluster-ids";
import { coldStartMs, createCluster, origin } from "../helpers/cluster";
import { addressSpy, forgedClusterId, mintedClusterId, requestsFor } from "./id-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let deleted: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster();
  deleted = await createCluster();
  const response = await exports.default.fetch(`${origin}/api/clusters/${deleted.id}`, { method: "DELETE", headers: { authorization: `Bearer ${deleted.token}` } });
  expect(response.status).toBe(200);
});

async function answer(response: Response) {
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("cluster ids", () => {
  it("are DNS labels whose MAC the Worker checks", async () => {
    expect(cluster.id).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(cluster.id).toMatch(/^[a-z2-7]{36}$/);
    expect(await isAuthenticClusterId(env as Env, cluster.id)).toBe(true);
    // Any one character changed, in the random part or in the MAC, makes an id the platform did not make.
    for (const at of [0, 19, 20, 35]) {
      const changed = cluster.id.slice(0, at) + (cluster.id[at] === "a" ? "b" : "a") + cluster.id.slice(at + 1);
      expect(await isAuthenticClusterId(env as Env, changed), `position ${at}`).toBe(false);
    }
    expect(await isAuthenticClusterId(env as Env, cluster.id.slice(0, 20))).toBe(false);
    expect(await isAuthenticClusterId(env as Env, forgedClusterId())).toBe(false);
  });

  it("are made with the CLUSTER_ID_KEY secret when it is set, and it must be long enough", async () => {
    const keyed = { ...(env as Env), CLUSTER_ID_KEY: "k".repeat(32) };
    const other = { ...(env as Env), CLUSTER_ID_KEY: "o".repeat(32) };
    const id = await mintClusterId(keyed);
    expect(await isAuthenticClusterId(keyed, id)).toBe(true);
    expect(await isAuthenticClusterId(other, id)).toBe(false);
    expect(await isAuthenticClusterId(env as Env, id)).toBe(false);
    expect(await isAuthenticClusterId(keyed, cluster.id)).toBe(false);
    await expect(mintClusterId({ ...(env as Env), CLUSTER_ID_KEY: "short" })).rejects.toThrow(/at least 32 characters/);
  });

  it("without the secret, are made with a random key kept in storage, so they outlive the Worker's memory", async () => {
    const stub = (env as Env).ID_KEYS.getByName(idKeyObjectName);
    const stored = await runInDurableObject(stub, (_instance, state) => state.storage.sql.exec<{ key: string }>("SELECT key FROM id_key").toArray());
    expect(stored).toHaveLength(1);
    expect(stored[0].key).toMatch(/^[a-z2-7]{52}$/);
    expect(await stub.key()).toBe(stored[0].key);
    // The created cluster's MAC is the stored key's: a restarted Worker reads the same key and accepts the id.
    const restarted = { ...(env as Env), CLUSTER_ID_KEY: stored[0].key };
    expect(await isAuthenticClusterId(restarted, cluster.id)).toBe(true);
  });
});

describe("an id the platform did not make", () => {
  it("gets the deleted cluster's answer on every route, without any Durable Object addressed or stored", async () => {
    const forged = forgedClusterId();
    const forgedToken = `${forged}.${"x".repeat(32)}`;
    const spy = addressSpy();
    const forgedRequests = requestsFor(forged, forgedToken);
    const deletedRequests = requestsFor(deleted.id, deleted.token);
    for (let i = 0; i < forgedRequests.length; i++) {
      const [what, request] = forgedRequests[i];
      const got = await answer(await app.fetch(request, spy.env));
      expect(spy.addressed, what).toEqual([]);
      const expected = await answer(await app.fetch(deletedRequests[i][1], env));
      // Platform and Kubernetes API calls: the same 404 Status; share links: the same "gone" page. (Without a token,
      // a made-up id is 404 and a deleted cluster's 401: the id check comes first.)
      expect(got.status, what).toBe(404);
      if (!what.endsWith("without a token")) expect(got, what).toEqual(expected);
    }
    const body = JSON.parse((await answer(await app.fetch(forgedRequests[0][1], env))).body);
    expect(body).toMatchObject({ kind: "Status", code: 404, reason: "NotFound", message: "this sandbox cluster does not exist (it was deleted or has expired)" });
  });

  it("wakes no object through the Worker's real entry point, unlike an id the platform made", async () => {
    const forged = Array.from({ length: 20 }, () => forgedClusterId());
    for (const id of forged) {
      for (const [, request] of requestsFor(id, `${id}.x`)) expect((await exports.default.fetch(request)).status).toBe(404);
    }
    // Locally every object ever woken is listed (with its SQLite file), whatever it stored.
    const woken = new Set((await listDurableObjectIds(env.CLUSTER)).map((id) => id.toString()));
    for (const id of forged) expect(woken.has(env.CLUSTER.idFromName(id).toString())).toBe(false);
    expect(woken.has(env.CLUSTER.idFromName(cluster.id).toString())).toBe(true);
  });

  it("is told apart from an id the platform made but never created, which reaches its object and stores nothing", async () => {
    const minted = await mintedClusterId();
    const spy = addressSpy();
    for (const [what, request] of requestsFor(minted, `${minted}.${"x".repeat(32)}`)) {
      expect((await app.fetch(request, spy.env)).status, what).toBe(what.endsWith("without a token") ? 401 : 404);
    }
    expect(spy.addressed.length).toBeGreaterThan(0);
    expect(new Set(spy.addressed)).toEqual(new Set([minted]));
    // Woken (locally, a woken object is listed), yet without a table.
    const listed = (await listDurableObjectIds(env.CLUSTER)).map((id) => id.toString());
    expect(listed).toContain(env.CLUSTER.idFromName(minted).toString());
    const tables = await runInDurableObject(env.CLUSTER.getByName(minted), (_instance, state) => state.storage.sql.exec("SELECT name FROM sqlite_master").toArray());
    expect(tables).toEqual([]);
  });
});
