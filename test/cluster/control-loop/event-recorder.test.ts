// The event recorder on a cluster in Node (node:sqlite): aggregation of repeats, and the bounded memory of keys.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { clusterTable } from "../../../src/cluster/assemble";
import { EventRecorder } from "../../../src/cluster/control-loop/event-recorder";
import type { RegistryStore } from "../../../src/cluster/registry/generic-store";
import { rfc3339 } from "../../../src/runtime/clock";
import { nodeCluster } from "../../helpers/node-cluster";

const eventsDef = clusterTable.byResource("", "v1", "events")!;

function withRecorder<T>(fn: (recorder: EventRecorder, registry: RegistryStore) => T): T {
  const { registry } = nodeCluster();
  return fn(new EventRecorder(registry, eventsDef, rfc3339), registry);
}

const eventsIn = (registry: RegistryStore) => registry.list(eventsDef, "default");
const pod = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: `uid-${name}` } });
const kubelet = { component: "kubelet", host: "worker-1" };

describe("EventRecorder", () => {
  it("counts a repeated event on the same Event, with a later lastTimestamp", () =>
    withRecorder((recorder, registry) => {
      recorder.record(pod("a"), 1_000, "Warning", "BackOff", "Back-off restarting failed container", kubelet);
      recorder.record(pod("a"), 9_000, "Warning", "BackOff", "Back-off restarting failed container", kubelet);
      const events = eventsIn(registry) as Array<KubeObject & { count: number; firstTimestamp: string; lastTimestamp: string }>;
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
      const events = eventsIn(registry) as Array<KubeObject & { count: number; involvedObject: { name: string } }>;
      const counts = (name: string) => events.filter((e) => e.involvedObject.name === name).map((e) => e.count);
      expect(counts("kept")).toEqual([3]);
      expect(counts("old")).toEqual([1, 1]);
    }));
});
