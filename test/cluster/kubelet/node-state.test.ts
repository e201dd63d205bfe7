import { describe, expect, it } from "vitest";
import { NodeState } from "../../../src/cluster/kubelet/node-state";
import { containerID, imageRef, normalizeImage } from "../../../src/cluster/kubelet/identity";

describe("NodeState", () => {
  it("hands out IPs from the pod CIDR from .2, stable per pod, and reuses released ones later", () => {
    const node = new NodeState("10.244.3.0/24");
    expect(node.allocate("a")).toBe("10.244.3.2");
    expect(node.allocate("b")).toBe("10.244.3.3");
    expect(node.allocate("a")).toBe("10.244.3.2");
    node.release("a");
    expect(node.allocate("c")).toBe("10.244.3.4");
  });

  it("rebuilds allocations and the image cache from pods", () => {
    const node = new NodeState("10.244.1.0/24");
    node.rebuildFrom({
      metadata: { uid: "x" },
      spec: { containers: [{ name: "web", image: "nginx:1.25" }] },
      status: {
        podIP: "10.244.1.2",
        containerStatuses: [{ name: "web", ready: true, restartCount: 0, image: "nginx:1.25", imageID: "docker.io/library/nginx@sha256:1" }],
      },
    });
    expect(node.hasImage("nginx:1.25")).toBe(true);
    expect(node.allocate("y")).toBe("10.244.1.3");
  });
});

describe("identity", () => {
  it("normalizes image names as containerd reports them", () => {
    expect(normalizeImage("nginx:1.25")).toBe("docker.io/library/nginx:1.25");
    expect(normalizeImage("nginx")).toBe("docker.io/library/nginx:latest");
    expect(normalizeImage("bitnami/redis:7")).toBe("docker.io/bitnami/redis:7");
    expect(normalizeImage("registry.k8s.io/pause:3.9")).toBe("registry.k8s.io/pause:3.9");
    expect(imageRef("nginx:1.25", "sha256:abc").id).toBe("docker.io/library/nginx@sha256:abc");
  });

  it("gives each run of a container its own 64-hex ID", () => {
    const a = containerID("uid", "c", 0);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(containerID("uid", "c", 1)).not.toBe(a);
    expect(containerID("uid", "c", 0)).toBe(a);
  });
});
