// What a container's PID namespace shows besides its own processes, and the node files a hostPath of / shows.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../src/api/schemas";
import { pidNamespacePeers } from "../../../src/cluster/kubelet/pid-namespace";
import { VolumeStores } from "../../../src/cluster/kubelet/volume-stores";
import { startProcess } from "../../../src/container-sim";

const pod = (spec: Partial<NonNullable<Pod["spec"]>>): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default", uid: "u" },
  spec: { containers: [{ name: "app", image: "nginx:1.27" }, { name: "side", image: "busybox", command: ["sleep", "9"], securityContext: { runAsUser: 1000 } }], ...spec },
});

describe("a container's PID namespace", () => {
  it("is its own unless shared: no peers", () => {
    expect(pidNamespacePeers(pod({}), { name: "app", image: "nginx:1.27" })).toEqual([]);
  });

  it("of an ephemeral container with a target is the target's", () => {
    const peers = pidNamespacePeers(pod({}), { name: "dbg", image: "busybox", targetContainerName: "side" });
    expect(peers).toEqual([{ image: "busybox", command: ["sleep", "9"], user: { uid: 1000 } }]);
  });

  it("is the pod's with shareProcessNamespace (the sandbox's /pause first) and the node's with hostPID", () => {
    const shared = pidNamespacePeers(pod({ shareProcessNamespace: true }), { name: "side", image: "busybox" });
    expect(shared).toEqual([{ argv: ["/pause"] }, { image: "nginx:1.27" }]);
    const host = pidNamespacePeers(pod({ hostPID: true }), { name: "app", image: "nginx:1.27" });
    expect(host.map((p) => p.argv?.[0])).toContain("/usr/bin/kubelet");
  });

  it("is what ps lists before the container's own processes", () => {
    const process = startProcess({ image: "busybox", command: ["sleep", "3600"], env: {}, hostname: "web", pidNamespace: [{ argv: ["/pause"] }, { image: "busybox", command: ["sleep", "9"], user: { uid: 1000 } }] }, 0);
    const out = process.exec(["ps"], 1000, { timeoutMs: 1000 }).stdout;
    expect(out).toBe("PID   USER     TIME  COMMAND\n    1 root      0:00 /pause\n    7 1000      0:00 sleep 9\n   13 root      0:00 sleep 3600\n   19 root      0:00 ps\n");
  });
});

describe("a node's filesystem under hostPath", () => {
  it("holds the node's os-release, hostname and the kubelet's files", () => {
    const tree = new VolumeStores().forPod("u", "worker-1").nodeFilesystem();
    expect(tree.read("etc/os-release", 0)).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(tree.read("etc/hostname", 0)).toBe("worker-1\n");
    expect(tree.read("var/lib/kubelet/config.yaml", 0)).toContain("clusterDNS:\n- 10.96.0.10\n");
    expect(tree.read("etc/kubernetes/kubelet.conf", 0)).toContain("user: system:node:worker-1");
    expect(tree.list("etc/kubernetes", 0)).toEqual(expect.arrayContaining(["kubelet.conf", "manifests", "pki"]));
  });
});
