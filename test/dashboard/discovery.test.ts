// The dashboard asks a cluster for its discovery at most once a minute per isolate, and never keeps a refusal.
import { describe, expect, it, vi } from "vitest";
import type { APIGroupDiscoveryList } from "../../src/api/discovery";
import type { ClusterClient } from "../../src/dashboard/cluster-client";
import { catalogOf, discoveryTtlMs } from "../../src/dashboard/discovery";
import { fakeClockStart } from "../helpers/fake-clock";

const core: APIGroupDiscoveryList = {
  kind: "APIGroupDiscoveryList",
  apiVersion: "apidiscovery.k8s.io/v2",
  items: [
    {
      metadata: { name: "" },
      versions: [
        {
          version: "v1",
          resources: [{ resource: "pods", responseKind: { group: "", version: "v1", kind: "Pod" }, scope: "Namespaced", singularResource: "pod", verbs: ["get", "list"], categories: ["all"] }],
        },
      ],
    },
  ],
};

function client(clusterId: string, answer: () => Promise<APIGroupDiscoveryList[]>) {
  const discovery = vi.fn(answer);
  return { client: { clusterId, discovery } as unknown as ClusterClient, discovery };
}

describe("catalogOf", () => {
  it("keeps a cluster's kinds for a minute, then asks again", async () => {
    const start = fakeClockStart();
    const { client: c, discovery } = client("cluster-a", async () => [core, { ...core, items: [] }]);
    const first = await catalogOf(c, start);
    expect(first.core("pods")).toMatchObject({ kind: "Pod", namespaced: true });
    expect(await catalogOf(c, start + discoveryTtlMs - 1)).toBe(first);
    expect(discovery).toHaveBeenCalledTimes(1);
    expect(await catalogOf(c, start + discoveryTtlMs)).not.toBe(first);
    expect(discovery).toHaveBeenCalledTimes(2);
  });

  it("keeps nothing from a refused request, and each cluster's kinds apart", async () => {
    const start = fakeClockStart();
    const refused = client("cluster-b", async () => {
      throw new Error("401");
    });
    await expect(catalogOf(refused.client, start)).rejects.toThrow("401");
    const ok = client("cluster-b", async () => [core]);
    expect((await catalogOf(ok.client, start)).core("pods")).toBeDefined();
    expect(ok.discovery).toHaveBeenCalledTimes(1);
    const other = client("cluster-c", async () => [core]);
    await catalogOf(other.client, start);
    expect(other.discovery).toHaveBeenCalledTimes(1);
  });
});
