// The event recorder on a real Durable Object's SQLite: aggregation of repeats, and the bounded memory of keys.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { EventRecorder } from "../../../src/cluster/controllers/event-recorder";
import { RegistryStore } from "../../../src/cluster/registry/generic-store";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";
import { rfc3339 } from "../../../src/cluster/runtime/clock";
import { Store } from "../../../src/cluster/storage/store";

const table = new ResourceTable(resources);
const eventsDef = table.byResource("", "v1", "events")!;

function withRecorder<T>(fn: (recorder: EventRecorder, registry: RegistryStore) => T): Promise<T> {
  const stub = env.CLUSTER.getByName(`recorder-test-${crypto.randomUUID()}`);
  return runInDurableObject(stub, (_instance, state) => {
    const store = new Store(state.storage.sql, (f) => state.storage.transactionSync(f));
    store.reset();
    let n = 0;
    const registry = new RegistryStore(store, { now: () => 0, rfc3339, uid: () => `uid-${n++}`, nameSuffix: () => `s${n++}` });
    return fn(new EventRecorder(registry, eventsDef, rfc3339), registry);
  });
}

const pod = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: `uid-${name}` } });
const kubelet = { component: "kubelet", host: "worker-1" };

describe("EventRecorder", () => {
  it("counts a repeated event on the same Event, with a later lastTimestamp", () =>
    withRecorder((recorder, registry) => {
      recorder.record(pod("a"), 1_000, "Warning", "BackOff", "Back-off restarting failed container", kubelet);
      recorder.record(pod("a"), 9_000, "Warning", "BackOff", "Back-off restarting failed container", kubelet);
      const events = registry.list(eventsDef, "default") as Array<KubeObject & { count: number; firstTimestamp: string; lastTimestamp: string }>;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ count: 2, firstTimestamp: rfc3339(1_000), lastTimestamp: rfc3339(9_000) });
    }));

  it("remembers the 4096 most recently used keys, as client-go's recorder does; an older repeat starts a new Event", () =>
    withRecorder((recorder, registry) => {
      recorder.record(pod("kept"), 1_000, "Normal", "Pulled", "present", kubelet);
      recorder.record(pod("old"), 1_000, "Normal", "Pulled", "present", kubelet);
      for (let i = 0; i < 4094; i++) recorder.record(pod(`p${i}`), 2_000, "Normal", "Started", "Started container c", kubelet);
      // "kept" is the oldest key, but using it again makes it recent: "old" is then the least recently used and the
      // next new key pushes it out.
      recorder.record(pod("kept"), 3_000, "Normal", "Pulled", "present", kubelet);
      recorder.record(pod("new"), 3_000, "Normal", "Pulled", "present", kubelet);
      recorder.record(pod("kept"), 4_000, "Normal", "Pulled", "present", kubelet);
      recorder.record(pod("old"), 4_000, "Normal", "Pulled", "present", kubelet);
      const events = registry.list(eventsDef, "default") as Array<KubeObject & { count: number; involvedObject: { name: string } }>;
      const counts = (name: string) => events.filter((e) => e.involvedObject.name === name).map((e) => e.count);
      expect(counts("kept")).toEqual([3]);
      expect(counts("old")).toEqual([1, 1]);
    }));
});
