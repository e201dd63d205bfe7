// What the runtime is told of a container's network identity: hostname, pod IP, declared ports and /etc files.
import { describe, expect, it } from "vitest";
import type { Pod, Service } from "../../../src/api/schemas";
import { processSpecFor } from "../../../src/cluster/kubelet/process-spec";
import { standInSources } from "./stand-in-sources";

const kubernetes = {
  metadata: { name: "kubernetes", namespace: "default" },
  spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP" }] },
} as Service;

function pod(spec: Partial<Pod["spec"]> = {}): Pod {
  return {
    metadata: { name: "web-0", namespace: "shop", uid: "u-1" },
    spec: {
      nodeName: "worker-1",
      containers: [
        {
          name: "web",
          image: "example.com/app:1",
          ports: [
            { name: "http", containerPort: 8080 },
            { name: "metrics", containerPort: 9090, protocol: "TCP" },
            { name: "dns", containerPort: 5353, protocol: "UDP" },
          ],
        },
      ],
      ...spec,
    },
    status: { podIP: "10.244.1.7", podIPs: [{ ip: "10.244.1.7" }] },
  } as Pod;
}

describe("processSpecFor", () => {
  it("carries the pod IP, the declared TCP ports, the hostname and the pod's /etc files", () => {
    const p = pod();
    const spec = processSpecFor(p, p.spec!.containers[0]!, standInSources({ services: [kubernetes] }));
    expect(spec.podIP).toBe("10.244.1.7");
    expect(spec.ports).toEqual([8080, 9090]);
    expect(spec.hostname).toBe("web-0");
    expect(spec.files?.["/etc/hosts"]).toMatch(/\n10\.244\.1\.7\tweb-0\n$/);
    expect(spec.files?.["/etc/resolv.conf"]).toBe("search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
    expect(spec.env.KUBERNETES_SERVICE_HOST).toBe("10.96.0.1");
  });

  it("carries the restartPolicy (a sidecar's own Always over the pod's)", () => {
    const job = pod({ restartPolicy: "Never" });
    expect(processSpecFor(job, job.spec!.containers[0]!, standInSources()).restartPolicy).toBe("Never");
    const sidecar = { name: "log", image: "busybox", restartPolicy: "Always" } as NonNullable<Pod["spec"]>["containers"][number];
    expect(processSpecFor(job, sidecar, standInSources()).restartPolicy).toBe("Always");
  });

  it("gives a hostNetwork pod the node's name, address and files", () => {
    const p = { ...pod({ hostNetwork: true }), status: {} } as Pod;
    const spec = processSpecFor(p, p.spec!.containers[0]!, standInSources());
    expect(spec.hostname).toBe("worker-1");
    expect(spec.podIP).toBe("172.18.0.3");
    expect(spec.files?.["/etc/hosts"]).toMatch(/^# Kubernetes-managed hosts file \(host network\)\.\n/);
    expect(spec.files?.["/etc/resolv.conf"]).toBe("nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n");
  });

  it("declares no ports for a container without any", () => {
    const p = pod({ containers: [{ name: "c", image: "busybox:1.36" }] });
    expect(processSpecFor(p, p.spec!.containers[0]!, standInSources()).ports).toEqual([]);
  });
});
