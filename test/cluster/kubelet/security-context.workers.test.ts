// securityContext through the API with the simulated kubelet: runAsNonRoot refused as the kubelet refuses it
// (CreateContainerConfigError and its Failed event), and a pod whose logs show who it runs as and what it owns.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kube } from "../../helpers/cluster";
import { fakeClockStart } from "../../helpers/fake-clock";
import { create, getJson, settle } from "../controllers/workload-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();
let counter = 0;

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 1 });
});

afterEach(() => {
  vi.useRealTimers();
});

async function begin(): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  t += 3600_000;
  vi.setSystemTime(t);
  const ns = `sc${counter++}`;
  await create(cluster, "/api/v1/namespaces", { metadata: { name: ns } });
  await settle(cluster, t);
  return ns;
}

async function advance(ms: number, step = 100): Promise<void> {
  for (let at = step; at <= ms; at += step) await settle(cluster, t + at);
  t += ms;
}

const pod = (ns: string, name: string, spec: Record<string, unknown>) =>
  create(cluster, `/api/v1/namespaces/${ns}/pods`, { metadata: { name }, spec: { nodeName: "worker-1", ...spec } });

async function failedEvents(ns: string, name: string): Promise<string[]> {
  const list = await getJson(cluster, `/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name%3D${name}`);
  return list.items.filter((e: any) => e.reason === "Failed").map((e: any) => `${e.type} ${e.message}`);
}

describe("securityContext", () => {
  it("refuses runAsNonRoot with an image that runs as root: CreateContainerConfigError and the Failed event", async () => {
    const ns = await begin();
    const created = await pod(ns, "nonroot", { securityContext: { runAsNonRoot: true }, containers: [{ name: "web", image: "nginx:1.25" }] });
    await advance(1000);
    const p = await getJson(cluster, `/api/v1/namespaces/${ns}/pods/nonroot`);
    const message = `container has runAsNonRoot and image will run as root (pod: "nonroot_${ns}(${created.metadata.uid})", container: web)`;
    expect(p.status.phase).toBe("Pending");
    expect(p.status.containerStatuses[0].state.waiting).toEqual({ reason: "CreateContainerConfigError", message });
    expect(await failedEvents(ns, "nonroot")).toEqual([`Warning Error: ${message}`]);
  });

  it("refuses an image whose user is a name, and runs one given a non-root runAsUser", async () => {
    const ns = await begin();
    const named = await pod(ns, "named", { containers: [{ name: "curl", image: "curlimages/curl:8.11.0", command: ["sleep", "3600"], securityContext: { runAsNonRoot: true } }] });
    await pod(ns, "numbered", { securityContext: { runAsNonRoot: true, runAsUser: 101 }, containers: [{ name: "web", image: "nginx:1.25" }] });
    await advance(1000);
    const waiting = (await getJson(cluster, `/api/v1/namespaces/${ns}/pods/named`)).status.containerStatuses[0].state.waiting;
    expect(waiting).toEqual({
      reason: "CreateContainerConfigError",
      message: `container has runAsNonRoot and image has non-numeric user (curl_user), cannot verify user is non-root (pod: "named_${ns}(${named.metadata.uid})", container: curl)`,
    });
    expect((await getJson(cluster, `/api/v1/namespaces/${ns}/pods/numbered`)).status.phase).toBe("Running");
  });

  it("prints the task pod's identity and volume ownership in its logs", async () => {
    const ns = await begin();
    await pod(ns, "security-context-demo", {
      restartPolicy: "Never",
      securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] },
      volumes: [{ name: "sec-ctx-vol", emptyDir: {} }],
      containers: [
        {
          name: "sec-ctx-demo",
          image: "busybox:1.28",
          command: ["sh", "-c", "id; cd /data/demo; echo hello > testfile; ls -ln; touch /etc/x; echo x > /x 2>&1"],
          volumeMounts: [{ name: "sec-ctx-vol", mountPath: "/data/demo" }],
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
        },
      ],
    });
    await advance(1000);
    const response = await kube(cluster, `/api/v1/namespaces/${ns}/pods/security-context-demo/log`);
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("uid=1000 gid=3000 groups=2000,3000,4000");
    expect(lines[1]).toBe("total 4");
    expect(lines[2]).toMatch(/^-rw-r--r-- {4}1 1000 {5}2000 {13}6 \w{3} [ \d]\d \d\d:\d\d testfile$/);
    expect(lines.slice(3)).toEqual(["touch: /etc/x: Read-only file system", "sh: can't create /x: Read-only file system"]);
  });
});
