import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { nodeRoles, nodeStatus, printer } from "../../../../src/cluster/registry/nodes/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const node = (extra: Partial<KubeObject> & Record<string, unknown>): KubeObject => ({
  metadata: { name: "n1", creationTimestamp: "2025-05-30T12:00:00Z" },
  ...extra,
});
const ready = (status: string) => ({ conditions: [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status }] });

describe("node STATUS", () => {
  it("Ready / NotReady from the Ready condition, Unknown without one", () => {
    expect(nodeStatus(node({ status: ready("True") }))).toBe("Ready");
    expect(nodeStatus(node({ status: ready("False") }))).toBe("NotReady");
    expect(nodeStatus(node({ status: ready("Unknown") }))).toBe("NotReady");
    expect(nodeStatus(node({ status: { conditions: [] } }))).toBe("Unknown");
  });

  it("appends SchedulingDisabled when cordoned", () => {
    expect(nodeStatus(node({ spec: { unschedulable: true }, status: ready("True") }))).toBe("Ready,SchedulingDisabled");
    expect(nodeStatus(node({ spec: { unschedulable: true } }))).toBe("Unknown,SchedulingDisabled");
  });
});

describe("node ROLES", () => {
  it("collects node-role.kubernetes.io/* keys and kubernetes.io/role values, sorted and unique", () => {
    expect(
      nodeRoles({
        "node-role.kubernetes.io/worker": "",
        "node-role.kubernetes.io/control-plane": "",
        "kubernetes.io/role": "master",
        "node-role.kubernetes.io/": "ignored",
        "node-role.kubernetes.io/master": "",
      }),
    ).toEqual(["control-plane", "master", "worker"]);
  });

  it("prints <none> without role labels", () => {
    const cells = printer.cells(node({ metadata: { name: "n1", labels: { "kubernetes.io/role": "" } } }), now);
    expect(cells[2]).toBe("<none>");
  });
});

describe("node row", () => {
  it("all cells, wide ones included", () => {
    const n = node({
      metadata: {
        name: "kind-control-plane",
        creationTimestamp: "2025-05-30T12:00:00Z",
        labels: { "node-role.kubernetes.io/control-plane": "" },
      },
      status: {
        ...ready("True"),
        addresses: [
          { type: "Hostname", address: "kind-control-plane" },
          { type: "InternalIP", address: "172.18.0.2" },
        ],
        nodeInfo: {
          kubeletVersion: "v1.33.1",
          osImage: "Debian GNU/Linux 12 (bookworm)",
          kernelVersion: "6.8.0",
          containerRuntimeVersion: "containerd://2.1.1",
        },
      },
    });
    expect(printer.cells(n, now)).toEqual([
      "kind-control-plane",
      "Ready",
      "control-plane",
      "2d",
      "v1.33.1",
      "172.18.0.2",
      "<none>",
      "Debian GNU/Linux 12 (bookworm)",
      "6.8.0",
      "containerd://2.1.1",
    ]);
  });

  it("unknown node info reads <unknown>", () => {
    expect(printer.cells(node({}), now).slice(4)).toEqual(["", "<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"]);
  });
});
