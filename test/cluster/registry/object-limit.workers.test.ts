// The cluster's object limit: a create past it is a 403 with a clear message; Events do not count.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { StatusError } from "../../../src/api/status";
import { EventRecorder } from "../../../src/cluster/controllers/event-recorder";
import { RegistryStore } from "../../../src/cluster/registry/generic-store";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";
import { rfc3339 } from "../../../src/cluster/runtime/clock";
import { Store } from "../../../src/cluster/storage/store";

const table = new ResourceTable(resources);
const configMaps = table.byResource("", "v1", "configmaps")!;
const events = table.byResource("", "v1", "events")!;

describe("the object limit", () => {
  it("refuses a create past it with 403 Forbidden, while Events are still written", () =>
    runInDurableObject(env.CLUSTER.getByName(`limit-test-${crypto.randomUUID()}`), (_i, state) => {
      const store = new Store(state.storage.sql, (f) => state.storage.transactionSync(f));
      store.reset();
      let n = 0;
      const registry = new RegistryStore(store, { now: () => 0, rfc3339, uid: () => `uid-${n++}`, nameSuffix: () => `s${n++}` }, 3);
      for (const def of table.defs) if (def.uncounted) registry.declareUncounted(def);
      const cm = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name } });
      for (const name of ["a", "b", "c"]) registry.create(configMaps, "default", cm(name));
      let refused: unknown;
      try {
        registry.create(configMaps, "default", cm("d"));
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(StatusError);
      expect((refused as StatusError).status).toMatchObject({
        code: 403,
        reason: "Forbidden",
        message: 'configmaps "d" is forbidden: this sandbox holds at most 3 objects; delete some first',
      });
      new EventRecorder(registry, events, rfc3339).record(cm("a"), 0, "Normal", "Seen", "an event past the limit", { component: "test" });
      expect(registry.list(events, "default")).toHaveLength(1);
    }));
});
