// The cluster's object limit: a create past it is a 403 with a clear message; Events do not count.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { StatusError } from "../../../src/api/status";
import { EventRecorder } from "../../../src/cluster/control-loop/event-recorder";
import { rfc3339 } from "../../../src/runtime/clock";
import { nodeCluster } from "../../helpers/node-cluster";

describe("the object limit", () => {
  it("refuses a create past it with 403 Forbidden, while Events are still written", () => {
    const { registry, table } = nodeCluster({ bootstrap: false, maxObjects: 3 });
    const configMaps = table.byResource("", "v1", "configmaps")!;
    const events = table.byResource("", "v1", "events")!;
    registry.create(table.byResource("", "v1", "namespaces")!, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
    const cm = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name } });
    for (const name of ["a", "b"]) registry.create(configMaps, "default", cm(name));
    let refused: unknown;
    try {
      registry.create(configMaps, "default", cm("c"));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StatusError);
    expect((refused as StatusError).status).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message: 'configmaps "c" is forbidden: this sandbox holds at most 3 objects; delete some first',
    });
    new EventRecorder(registry, events, rfc3339).record(cm("a"), 0, "Normal", "Seen", "an event past the limit", { component: "test" });
    expect(registry.list(events, "default")).toHaveLength(1);
  });
});
