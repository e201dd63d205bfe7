// Malformed requests: each gets the Status the real apiserver gives, never a 5xx, and changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson, revisionOf, type KubeInit } from "../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster();
  const seed = await kubeJson(cluster, "/api/v1/namespaces/default/configmaps", { method: "POST", body: { metadata: { name: "seed" }, data: { a: "1" } } });
  expect(seed.status).toBe(201);
});

/**
 * Send a request that must fail: returns the Status after checking the code, that it is a Status, and that the
 * cluster's revision did not move. (kubeJson itself fails the test on any 5xx.)
 */
async function rejected(path: string, init: KubeInit, code: number, reason: string) {
  const before = await revisionOf(cluster);
  const { status, body } = await kubeJson(cluster, path, init);
  expect(status).toBe(code);
  expect(body).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", code, reason });
  expect(await revisionOf(cluster)).toBe(before);
  return body as { message: string; details?: { causes?: Array<{ reason: string; field: string; message: string }> } };
}

const configMaps = "/api/v1/namespaces/default/configmaps";

describe("malformed bodies", () => {
  it("bad JSON is a 400", async () => {
    const status = await rejected(configMaps, { method: "POST", raw: '{"metadata": {"name": "x"', contentType: "application/json" }, 400, "BadRequest");
    expect(status.message).toMatch(/^json: /);
  });

  it("bad YAML is a 400", async () => {
    const status = await rejected(configMaps, { method: "POST", raw: "metadata:\n  name: [x\n  bad: : :\n", contentType: "application/yaml" }, 400, "BadRequest");
    expect(status.message).toMatch(/^error converting YAML to JSON: /);
  });

  it("a body that is not an object is a 400", async () => {
    await rejected(configMaps, { method: "POST", raw: "[1, 2]", contentType: "application/json" }, 400, "BadRequest");
    await rejected(configMaps, { method: "POST", raw: "null", contentType: "application/json" }, 400, "BadRequest");
  });

  it("a ConfigMap POSTed to pods is a 400 naming both kinds", async () => {
    const status = await rejected(
      "/api/v1/namespaces/default/pods",
      { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "wrong" }, data: {} } },
      400,
      "BadRequest",
    );
    expect(status.message).toContain("ConfigMap");
    expect(status.message).toContain("Pod");
  });

  it("a value of the wrong type is a 400 'cannot be handled as'", async () => {
    const status = await rejected(configMaps, { method: "POST", body: { metadata: { name: "typed" }, data: 5 } }, 400, "BadRequest");
    expect(status.message).toMatch(/^ConfigMap in version "v1" cannot be handled as a ConfigMap: /);
  });

  it("an apiVersion that is not the resource's is a 400", async () => {
    await rejected(configMaps, { method: "POST", body: { apiVersion: "apps/v1", kind: "ConfigMap", metadata: { name: "v" } } }, 400, "BadRequest");
  });

  it("a body over 3 MiB is a 413 RequestEntityTooLarge", async () => {
    const big = JSON.stringify({ metadata: { name: "big" }, data: { blob: "x".repeat(3 * 1024 * 1024) } });
    const status = await rejected(configMaps, { method: "POST", raw: big, contentType: "application/json" }, 413, "RequestEntityTooLarge");
    expect(status.message).toBe("Request entity too large: limit is 3145728");
    // The same without a Content-Length (a streamed body) is caught while reading.
    const stream = new Blob([big]).stream();
    await rejected(configMaps, { method: "POST", raw: stream, contentType: "application/json" }, 413, "RequestEntityTooLarge");
  });

  it("an object under the body limit but over the storage limit is a 413 too", async () => {
    // A ConfigMap or Secret that large is refused by validation first (1 MiB of data, a 422): a PodTemplate has no
    // such limit, only etcd's.
    const blob = "y".repeat(1_600_000);
    const template = { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "busybox", args: [blob] }] } };
    await rejected("/api/v1/namespaces/default/podtemplates", { method: "POST", body: { metadata: { name: "huge" }, template } }, 413, "RequestEntityTooLarge");
  });

  it("an unsupported media type is a 415", async () => {
    const status = await rejected(configMaps, { method: "POST", raw: "name=x", contentType: "text/plain" }, 415, "UnsupportedMediaType");
    expect(status.message).toContain("text/plain");
    await rejected(`${configMaps}/seed`, { method: "PATCH", raw: '{"data":{}}', contentType: "application/json" }, 415, "UnsupportedMediaType");
  });

  it("a malformed patch is a 400", async () => {
    await rejected(`${configMaps}/seed`, { method: "PATCH", raw: "{nope", contentType: "application/merge-patch+json" }, 400, "BadRequest");
  });

  it("a name in the body that differs from the URL's is a 400", async () => {
    await rejected(`${configMaps}/seed`, { method: "PUT", body: { metadata: { name: "other" }, data: {} } }, 400, "BadRequest");
  });
});

describe("invalid objects", () => {
  it("an invalid name is a 422 Invalid with a field cause", async () => {
    const status = await rejected(configMaps, { method: "POST", body: { metadata: { name: "Bad_Name" } } }, 422, "Invalid");
    expect(status.message).toBe(
      `ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(status.details).toMatchObject({ name: "Bad_Name", kind: "ConfigMap" });
    expect(status.details!.causes).toEqual([
      { reason: "FieldValueInvalid", field: "metadata.name", message: expect.stringMatching(/^Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/) },
    ]);
  });

  it("a namespace name must be a DNS label", async () => {
    // As apimachinery's IsDNS1123Label: a valid subdomain that is no label "must not contain dots".
    const dotted = await rejected("/api/v1/namespaces", { method: "POST", body: { metadata: { name: "has.dot" } } }, 422, "Invalid");
    expect(dotted.details!.causes).toEqual([
      { reason: "FieldValueInvalid", field: "metadata.name", message: 'Invalid value: "has.dot": must not contain dots' },
    ]);
    const upper = await rejected("/api/v1/namespaces", { method: "POST", body: { metadata: { name: "Upper" } } }, 422, "Invalid");
    expect(upper.details!.causes![0].message).toMatch(/^Invalid value: "Upper": a lowercase RFC 1123 label must consist of/);
  });

  it("a missing name is a 422 Required value", async () => {
    const status = await rejected(configMaps, { method: "POST", body: { data: { a: "1" } } }, 422, "Invalid");
    expect(status.details!.causes).toEqual([
      { reason: "FieldValueRequired", field: "metadata.name", message: "Required value: name or generateName is required" },
    ]);
  });

  it("an invalid label value is a 422 on metadata.labels", async () => {
    const status = await rejected(configMaps, { method: "POST", body: { metadata: { name: "l", labels: { app: "no spaces" } } } }, 422, "Invalid");
    expect(status.details!.causes![0]).toMatchObject({ reason: "FieldValueInvalid", field: "metadata.labels" });
  });

  it("creating what exists is a 409 AlreadyExists", async () => {
    const status = await rejected(configMaps, { method: "POST", body: { metadata: { name: "seed" } } }, 409, "AlreadyExists");
    expect(status.message).toBe('configmaps "seed" already exists');
  });
});

describe("routing", () => {
  it("an unknown resource is a 404", async () => {
    await rejected("/api/v1/namespaces/default/widgets", { method: "GET" }, 404, "NotFound");
    await rejected("/apis/example.com/v1/things", { method: "GET" }, 404, "NotFound");
    await rejected("/api/v1/namespaces/default/widgets", { method: "POST", body: { metadata: { name: "w" } } }, 404, "NotFound");
  });

  it("a missing object is a 404 naming it", async () => {
    const status = await rejected(`${configMaps}/absent`, { method: "GET" }, 404, "NotFound");
    expect(status.message).toBe('configmaps "absent" not found');
    await rejected(`${configMaps}/absent`, { method: "DELETE" }, 404, "NotFound");
    await rejected(`${configMaps}/absent`, { method: "PUT", body: { metadata: { name: "absent" } } }, 404, "NotFound");
  });

  it("a method the resource does not serve is a 405", async () => {
    await rejected(configMaps, { method: "PUT", body: { metadata: { name: "x" } } }, 405, "MethodNotAllowed");
    await rejected(`${configMaps}/seed`, { method: "POST", body: { metadata: { name: "seed" } } }, 405, "MethodNotAllowed");
    await rejected("/version", { method: "POST", body: {} }, 405, "MethodNotAllowed");
  });

  it("a cluster-scoped resource under a namespace is a 404", async () => {
    await rejected("/api/v1/namespaces/default/nodes", { method: "GET" }, 404, "NotFound");
  });
});
