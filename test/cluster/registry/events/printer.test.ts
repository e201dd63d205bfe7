import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { printer } from "../../../../src/cluster/registry/events/printer";
import { printer as eventsV1Printer } from "../../../../src/cluster/registry/events.k8s.io-events/printer";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("core/v1 event row", () => {
  it("LAST SEEN, TYPE, REASON, OBJECT, SUBOBJECT, SOURCE, MESSAGE, FIRST SEEN, COUNT, NAME", () => {
    const event: KubeObject = {
      metadata: { name: "web-1.17d0a", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web-1", fieldPath: "spec.containers{app}" },
      reason: "BackOff",
      message: "Back-off restarting failed container\n",
      type: "Warning",
      source: { component: "kubelet", host: "node-1" },
      firstTimestamp: "2025-06-01T11:00:00Z",
      lastTimestamp: "2025-06-01T11:58:00Z",
      count: 12,
    };
    expect(printer.cells(event, now)).toEqual([
      "2m",
      "Warning",
      "BackOff",
      "pod/web-1",
      "spec.containers{app}",
      "kubelet, node-1",
      "Back-off restarting failed container",
      "60m",
      12,
      "web-1.17d0a",
    ]);
  });

  it("new-style events: eventTime for first seen, series for last seen and count, reporting fields as source", () => {
    const event: KubeObject = {
      metadata: { name: "e" },
      involvedObject: { kind: "Deployment", name: "web" },
      reason: "ScalingReplicaSet",
      message: "Scaled up",
      type: "Normal",
      eventTime: "2025-06-01T11:30:00.000000Z",
      reportingComponent: "deployment-controller",
      series: { count: 4, lastObservedTime: "2025-06-01T11:59:30.000000Z" },
    };
    const row = printer.cells(event, now);
    expect(row[0]).toBe("30s");
    expect(row[3]).toBe("deployment/web");
    expect(row[5]).toBe("deployment-controller");
    expect(row[7]).toBe("30m");
    expect(row[8]).toBe(4);
  });

  it("a singleton without count counts 1; no last timestamp falls back to first; kind alone without a name", () => {
    const event: KubeObject = {
      metadata: { name: "e" },
      involvedObject: { kind: "Node" },
      firstTimestamp: "2025-06-01T11:55:00Z",
    };
    const row = printer.cells(event, now);
    expect([row[0], row[3], row[7], row[8]]).toEqual(["5m", "node", "5m", 1]);
    expect(printer.cells({ metadata: { name: "e" } }, now)[0]).toBe("<unknown>");
  });

  it("columns start with LAST SEEN and keep NAME wide-only, like the real table", () => {
    expect(printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Last Seen:0",
      "Type:0",
      "Reason:0",
      "Object:0",
      "Subobject:1",
      "Source:1",
      "Message:0",
      "First Seen:1",
      "Count:1",
      "Name:1",
    ]);
  });
});

describe("events.k8s.io/v1 event row", () => {
  it("reads regarding, note and the deprecated* fields into the same table", () => {
    const event: KubeObject = {
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name: "web-1.17d0b" },
      regarding: { kind: "Pod", name: "web-1", fieldPath: "spec.containers{app}" },
      reason: "Pulled",
      note: "Successfully pulled image",
      type: "Normal",
      eventTime: null,
      reportingController: "kubelet",
      reportingInstance: "node-1",
      deprecatedFirstTimestamp: "2025-06-01T11:40:00Z",
      deprecatedLastTimestamp: "2025-06-01T11:50:00Z",
      deprecatedCount: 2,
    };
    expect(eventsV1Printer.cells(event, now)).toEqual([
      "10m",
      "Normal",
      "Pulled",
      "pod/web-1",
      "spec.containers{app}",
      "kubelet, node-1",
      "Successfully pulled image",
      "20m",
      2,
      "web-1.17d0b",
    ]);
  });
});
