// Writable volumes in a whole cluster: the kubernetes.io shared-volume example (an init container writes into an
// emptyDir, nginx serves it), a hostPath shared by the pods of one node and kept after them, its type check, and a
// readOnly mount.
import { describe, expect, it } from "vitest";
import { nodeStorage } from "../../../bench/cpu/sqlite-storage";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post, text } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };
const ns = "/api/v1/namespaces/default";

interface PodView {
  status: { phase: string; podIP: string; containerStatuses?: { state: { waiting?: { reason: string } } }[] };
}

async function podOf(cluster: NodeCluster, name: string): Promise<PodView> {
  return (await (await cluster.request(`${ns}/pods/${name}`)).json()) as PodView;
}

function shPod(name: string, script: string, extra: { volumes?: unknown[]; volumeMounts?: unknown[]; nodeName?: string } = {}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name },
    spec: {
      restartPolicy: "Never",
      ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
      containers: [{ name: "c", image: "busybox", command: ["sh", "-c", script], volumeMounts: extra.volumeMounts ?? [] }],
      volumes: extra.volumes ?? [],
    },
  };
}

describe("volumes in a cluster", () => {
  it("shares an emptyDir between an init container and nginx: a busybox wget of the pod IP reads what the init container wrote", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web" },
      spec: {
        initContainers: [{ name: "init", image: "busybox", command: ["sh", "-c", "echo hello > /cache/index.html"], volumeMounts: [{ name: "cache", mountPath: "/cache" }] }],
        containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }], volumeMounts: [{ name: "cache", mountPath: "/usr/share/nginx/html" }] }],
        volumes: [{ name: "cache", emptyDir: {} }],
      },
    });
    cluster.runUntilIdle();
    cluster.advance(2_000);
    const web = await podOf(cluster, "web");
    expect(web.status.phase).toBe("Running");

    await post(cluster, `${ns}/pods`, shPod("fetch", `wget -qO- http://${web.status.podIP}`));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/fetch/log`)).toBe("hello\n");
    // Reading the init container's log replays its write: the volume is unchanged.
    expect(await text(cluster, `${ns}/pods/web/log?container=init`)).toBe("");
    await post(cluster, `${ns}/pods`, shPod("again", `wget -qO- http://${web.status.podIP}`));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/again/log`)).toBe("hello\n");
  });

  it("fills the emptyDir again after a restart of the object: the finished init container's write is made again", async () => {
    const storage = nodeStorage();
    const before = nodeCluster({ storage });
    before.runUntilIdle();
    await post(before, `${ns}/pods`, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web" },
      spec: {
        initContainers: [{ name: "init", image: "busybox", command: ["sh", "-c", "echo hello > /cache/index.html"], volumeMounts: [{ name: "cache", mountPath: "/cache" }] }],
        containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }], volumeMounts: [{ name: "cache", mountPath: "/usr/share/nginx/html" }] }],
        volumes: [{ name: "cache", emptyDir: {} }],
      },
    });
    before.runUntilIdle();
    before.advance(2_000);
    expect(await text(before, `${ns}/pods/web/proxy/`)).toBe("hello\n");

    const after = nodeCluster({ storage, bootstrap: false, start: before.now + 60_000 });
    after.runUntilIdle();
    expect(await text(after, `${ns}/pods/web/proxy/`)).toBe("hello\n");
  });

  it("shares a hostPath between the pods of one node and keeps its files after them", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const nodes = (await (await cluster.request("/api/v1/nodes")).json()) as { items: { metadata: { name: string } }[] };
    const [other, node] = nodes.items.map((n) => n.metadata.name);
    const volumes = [{ name: "host", hostPath: { path: "/data/shared", type: "DirectoryOrCreate" } }];
    const volumeMounts = [{ name: "host", mountPath: "/host" }];
    await post(cluster, `${ns}/pods`, shPod("writer", "echo kept > /host/note", { volumes, volumeMounts, nodeName: node }));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect((await podOf(cluster, "writer")).status.phase).toBe("Succeeded");
    expect((await cluster.request(`${ns}/pods/writer`, { method: "DELETE" })).status).toBe(200);
    cluster.runUntilIdle();

    await post(cluster, `${ns}/pods`, shPod("reader", "cat /host/note", { volumes, volumeMounts, nodeName: node }));
    await post(cluster, `${ns}/pods`, shPod("elsewhere", "cat /host/note", { volumes, volumeMounts, nodeName: other }));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/reader/log`)).toBe("kept\n");
    expect(await text(cluster, `${ns}/pods/elsewhere/log`)).toBe("cat: can't open '/host/note': No such file or directory\n");
  });

  it("keeps a pod whose hostPath of type Directory is missing in ContainerCreating, with the kubelet's FailedMount event", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const volumes = [{ name: "host", hostPath: { path: "/no/such/dir", type: "Directory" } }];
    await post(cluster, `${ns}/pods`, shPod("stuck", "true", { volumes, volumeMounts: [{ name: "host", mountPath: "/host" }] }));
    cluster.runUntilIdle();
    cluster.advance(5_000);
    const stuck = await podOf(cluster, "stuck");
    expect(stuck.status.phase).toBe("Pending");
    expect(stuck.status.containerStatuses?.[0]?.state.waiting?.reason).toBe("ContainerCreating");
    const events = (await (await cluster.request(`${ns}/events`)).json()) as { items: { reason: string; message: string }[] };
    expect(events.items.find((e) => e.reason === "FailedMount")?.message).toBe('MountVolume.SetUp failed for volume "host" : hostPath type check failed: /no/such/dir is not a directory');
  });

  it("refuses a write under a readOnly mount and under a ConfigMap volume", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await post(cluster, `${ns}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { a: "1" } });
    const volumes = [
      { name: "scratch", emptyDir: {} },
      { name: "cfg", configMap: { name: "cfg" } },
    ];
    const volumeMounts = [
      { name: "scratch", mountPath: "/data", readOnly: true },
      { name: "cfg", mountPath: "/etc/cfg" },
    ];
    await post(cluster, `${ns}/pods`, shPod("ro", "echo x > /data/x; echo y > /etc/cfg/a; cat /etc/cfg/a", { volumes, volumeMounts }));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/ro/log`)).toBe("sh: can't create /data/x: Read-only file system\nsh: can't create /etc/cfg/a: Read-only file system\n1\n");
  });

  it("evicts a pod whose emptyDir holds more than its sizeLimit, as the kubelet's eviction manager does", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    // 2^17 = 131072 bytes, over 100Ki (102400): the write succeeds (a disk emptyDir is not a tmpfs), then the pod goes.
    const fill = "s=x; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do s=$s$s; done; echo -n $s > /cache/big; echo written; sleep infinity";
    const volumes = [{ name: "cache", emptyDir: { sizeLimit: "100Ki" } }];
    await post(cluster, `${ns}/pods`, shPod("hog", fill, { volumes, volumeMounts: [{ name: "cache", mountPath: "/cache" }] }));
    await post(cluster, `${ns}/pods`, shPod("fits", "echo small > /cache/small; sleep infinity", { volumes, volumeMounts: [{ name: "cache", mountPath: "/cache" }] }));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    const message = 'Usage of EmptyDir volume "cache" exceeds the limit "100Ki". ';
    const hog = (await (await cluster.request(`${ns}/pods/hog`)).json()) as { status: { phase: string; reason?: string; message?: string; containerStatuses: { state: { terminated?: { exitCode: number } } }[] } };
    expect(hog.status.phase).toBe("Failed");
    expect(hog.status.reason).toBe("Evicted");
    expect(hog.status.message).toBe(message);
    expect(hog.status.containerStatuses[0]?.state.terminated?.exitCode).toBe(137);
    expect(await text(cluster, `${ns}/pods/hog/log`)).toBe("written\n");
    const events = (await (await cluster.request(`${ns}/events`)).json()) as { items: { type: string; reason: string; message: string; involvedObject: { name: string } }[] };
    const evicted = events.items.filter((e) => e.reason === "Evicted");
    expect(evicted.map((e) => [e.involvedObject.name, e.type, e.message])).toEqual([["hog", "Warning", message]]);
    expect((await podOf(cluster, "fits")).status.phase).toBe("Running");
  });

  it("updates a ConfigMap volume in place after the kubelet's sync delay, but not a subPath mount of it", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await post(cluster, `${ns}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { color: "blue" } });
    const pod = shPod("watcher", "while true; do echo $(cat /etc/cfg/color) $(cat /etc/one/color); sleep 1; done", {
      volumes: [{ name: "cfg", configMap: { name: "cfg" } }],
      volumeMounts: [
        { name: "cfg", mountPath: "/etc/cfg" },
        { name: "cfg", mountPath: "/etc/one/color", subPath: "color" },
      ],
    });
    await post(cluster, `${ns}/pods`, pod);
    cluster.runUntilIdle();
    cluster.advance(1_500);
    const lines = async () => (await text(cluster, `${ns}/pods/watcher/log`)).trimEnd().split("\n");
    expect((await lines()).at(-1)).toBe("blue blue");

    const changed = await cluster.request(`${ns}/configmaps/cfg`, { method: "PATCH", body: JSON.stringify({ data: { color: "red" } }), headers: { "content-type": "application/merge-patch+json" } });
    expect(changed.status).toBe(200);
    // The fast pace's sync delay is a second: not yet half a second later, seen two seconds later (the loop's next cat).
    cluster.advance(500);
    expect((await lines()).at(-1)).toBe("blue blue");
    cluster.advance(2_000);
    expect((await lines()).at(-1)).toBe("red blue");
    // Synced: nothing more is due (an idle cluster costs no alarm).
    expect(cluster.runUntilIdle().passes).toBe(1);
  });

  it("updates a downward API volume's labels file after the pod's labels change, and a projected Secret after the Secret", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await post(cluster, `${ns}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: "pw" }, stringData: { pw: "one" } });
    const pod = shPod("meta", "while true; do echo $(cat /etc/podinfo/labels) $(cat /etc/all/pw); sleep 1; done", {
      volumes: [
        { name: "podinfo", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
        { name: "all", projected: { sources: [{ secret: { name: "pw" } }] } },
      ],
      volumeMounts: [
        { name: "podinfo", mountPath: "/etc/podinfo" },
        { name: "all", mountPath: "/etc/all" },
      ],
    });
    await post(cluster, `${ns}/pods`, { ...pod, metadata: { name: "meta", labels: { tier: "a" } } });
    cluster.runUntilIdle();
    cluster.advance(1_500);
    const last = async () => (await text(cluster, `${ns}/pods/meta/log`)).trimEnd().split("\n").at(-1);
    expect(await last()).toBe('tier="a" one');
    const merge = { "content-type": "application/merge-patch+json" };
    expect((await cluster.request(`${ns}/pods/meta`, { method: "PATCH", body: JSON.stringify({ metadata: { labels: { tier: "b" } } }), headers: merge })).status).toBe(200);
    expect((await cluster.request(`${ns}/secrets/pw`, { method: "PATCH", body: JSON.stringify({ stringData: { pw: "two" } }), headers: merge })).status).toBe(200);
    cluster.advance(500);
    expect(await last()).toBe('tier="a" one');
    cluster.advance(2_000);
    expect(await last()).toBe('tier="b" two');
  });
});
