// ConfigMap and Secret data through the API: nulls decode as Go decodes them, bad keys and base64 are refused with
// the apiserver's answers, and immutable data stays put.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const configMaps = "/api/v1/namespaces/default/configmaps";
const secrets = "/api/v1/namespaces/default/secrets";

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("null map values", () => {
  it("store a null label, annotation or data value as an empty string", async () => {
    const raw = '{"metadata":{"name":"nulls","labels":{"a":null},"annotations":{"b":null}},"data":{"k":null},"binaryData":{"bin":null}}';
    const created = await kubeJson(cluster, configMaps, { method: "POST", raw, contentType: "application/json" });
    expect(created.status).toBe(201);
    const { body } = await kubeJson(cluster, `${configMaps}/nulls`);
    expect(body.metadata.labels).toEqual({ a: "" });
    expect(body.metadata.annotations).toEqual({ b: "" });
    expect(body.data).toEqual({ k: "" });
    expect(body.binaryData).toEqual({ bin: "" });
  });

  it("select by a label whose value was null", async () => {
    const { body } = await kubeJson(cluster, `${configMaps}?labelSelector=a%3D`);
    expect(body.items.map((i: any) => i.metadata.name)).toEqual(["nulls"]);
  });

  it("store a null Secret value as empty data", async () => {
    const raw = '{"metadata":{"name":"nulls"},"data":{"k":null},"stringData":{"s":null}}';
    expect((await kubeJson(cluster, secrets, { method: "POST", raw, contentType: "application/json" })).status).toBe(201);
    const { body } = await kubeJson(cluster, `${secrets}/nulls`);
    expect(body.data).toEqual({ k: "", s: "" });
  });
});

describe("keys and values", () => {
  it("refuse a key in both data and binaryData, listing every error", async () => {
    const { status, body } = await kubeJson(cluster, configMaps, {
      method: "POST",
      body: { metadata: { name: "dup" }, data: { k: "x", "a/b": "y" }, binaryData: { k: "eA==" } },
    });
    expect(status).toBe(422);
    expect(body.details.causes.map((c: any) => `${c.field}: ${c.message.split(":").slice(0, 2).join(":")}`)).toEqual([
      'data[a/b]: Invalid value: "a/b"',
      'data[k]: Invalid value: "k"',
    ]);
    expect(body.message).toContain('data[k]: Invalid value: "k": duplicate of key present in binaryData');
    expect((await kubeJson(cluster, `${configMaps}/dup`)).status).toBe(404);
  });

  it("refuse base64 that does not decode as the decoder does (400)", async () => {
    const { status, body } = await kubeJson(cluster, secrets, { method: "POST", body: { metadata: { name: "b64" }, data: { k: "abc" } } });
    expect(status).toBe(400);
    expect(body.message).toMatch(/^Secret in version "v1" cannot be handled as a Secret: .*illegal base64 data at input byte 0$/);
  });

  it("keep an immutable ConfigMap's data", async () => {
    expect((await kubeJson(cluster, configMaps, { method: "POST", body: { metadata: { name: "frozen" }, immutable: true, data: { a: "1" } } })).status).toBe(201);
    const { status, body } = await kubeJson(cluster, `${configMaps}/frozen`, {
      method: "PATCH",
      body: { data: { a: "2" }, immutable: false },
      contentType: "application/merge-patch+json",
    });
    expect(status).toBe(422);
    expect(body.message).toBe(
      'ConfigMap "frozen" is invalid: [immutable: Forbidden: field is immutable when `immutable` is set, data: Forbidden: field is immutable when `immutable` is set]',
    );
  });
});
