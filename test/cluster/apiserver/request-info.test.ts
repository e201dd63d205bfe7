import { describe, expect, it } from "vitest";
import { parseRequest } from "../../../src/cluster/apiserver/request-info";

const q = (s = "") => new URLSearchParams(s);

describe("parseRequest", () => {
  it("reads a namespaced core collection and its verbs", () => {
    expect(parseRequest("GET", "/api/v1/namespaces/default/pods", q())).toMatchObject({
      type: "resource", verb: "list", group: "", version: "v1", resource: "pods", namespace: "default", name: undefined,
    });
    expect(parseRequest("GET", "/api/v1/namespaces/default/pods", q("watch=true"))).toMatchObject({ verb: "watch" });
    expect(parseRequest("POST", "/api/v1/namespaces/default/pods", q())).toMatchObject({ verb: "create" });
    expect(parseRequest("DELETE", "/api/v1/namespaces/default/pods", q())).toMatchObject({ verb: "deletecollection" });
  });

  it("reads named objects and subresources of named groups", () => {
    expect(parseRequest("PATCH", "/apis/apps/v1/namespaces/ns1/deployments/web/scale", q())).toMatchObject({
      verb: "patch", group: "apps", version: "v1", resource: "deployments", namespace: "ns1", name: "web", subresource: "scale",
    });
  });

  it("treats /namespaces/<name> as the namespace object, and status/finalize as its subresources", () => {
    expect(parseRequest("GET", "/api/v1/namespaces/demo", q())).toMatchObject({ resource: "namespaces", name: "demo", namespace: undefined });
    expect(parseRequest("PUT", "/api/v1/namespaces/demo/finalize", q())).toMatchObject({
      verb: "update", resource: "namespaces", name: "demo", subresource: "finalize", namespace: undefined,
    });
  });

  it("reads cluster-wide lists of namespaced kinds and cluster-scoped objects", () => {
    expect(parseRequest("GET", "/api/v1/pods", q())).toMatchObject({ verb: "list", resource: "pods", namespace: undefined });
    expect(parseRequest("GET", "/api/v1/nodes/worker-1", q())).toMatchObject({ verb: "get", resource: "nodes", name: "worker-1" });
  });

  it("leaves discovery and other paths alone", () => {
    expect(parseRequest("GET", "/api", q())).toEqual({ type: "nonresource", path: "/api" });
    expect(parseRequest("GET", "/apis/apps/v1", q())).toEqual({ type: "nonresource", path: "/apis/apps/v1" });
    expect(parseRequest("GET", "/version", q())).toEqual({ type: "nonresource", path: "/version" });
  });
});
