// Ephemeral containers in a whole cluster in Node: added through pods/ephemeralcontainers as kubectl debug adds them
// (a strategic merge patch), started by the kubelet beside the running app (events, ephemeralContainerStatuses),
// never restarted, outside the pod's phase and readiness; exec and logs reach them; with a target they see its process.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../src/api/schemas";
import { pods } from "../../../src/cluster/registry/pods";
import { events as eventsDef } from "../../../src/cluster/registry/events";
import { execStream } from "../../../src/cluster/registry/pods/streams/exec";
import type { Caller } from "../../../src/cluster/registry/types";
import { admin, nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { FakeSocket } from "../registry/pods/stream-socket";

const json = { "content-type": "application/json" };
const smp = { "content-type": "application/strategic-merge-patch+json" };
const podPath = "/api/v1/namespaces/default/pods/web";

async function cluster(restartPolicy = "Always"): Promise<NodeCluster> {
  const c = nodeCluster();
  c.runUntilIdle();
  const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { restartPolicy, containers: [{ name: "app", image: "nginx:1.27" }] } };
  const res = await c.request("/api/v1/namespaces/default/pods", { method: "POST", body: JSON.stringify(body), headers: json });
  expect(res.status).toBe(201);
  c.advance(10_000);
  return c;
}

async function addDebugger(c: NodeCluster, container: Record<string, unknown>, caller: Caller = admin): Promise<Response> {
  const patch = { spec: { ephemeralContainers: [container] } };
  return c.request(`${podPath}/ephemeralcontainers`, { method: "PATCH", body: JSON.stringify(patch), headers: smp, caller });
}

const jane: Caller = { role: "admin", user: "jane", groups: ["system:authenticated"], rbac: true };

/** A Role of `rules` bound to jane in default. */
async function grant(c: NodeCluster, name: string, rules: unknown[]): Promise<void> {
  const post = (path: string, body: unknown) => c.request(path, { method: "POST", headers: json, body: JSON.stringify(body) });
  await post("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", { metadata: { name }, rules });
  await post("/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", {
    metadata: { name },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
    subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" }],
  });
}

const debuggerSpec = { name: "debugger", image: "busybox", command: ["sleep", "3600"], targetContainerName: "app", stdin: true, terminationMessagePolicy: "File", imagePullPolicy: "Always" };

function exec(c: NodeCluster, container: string, ...command: string[]): FakeSocket {
  const pod = c.registry.get(pods, "default", "web");
  const query = new URLSearchParams([...command.map((w) => ["command", w]), ["container", container], ["stdout", "true"], ["stderr", "true"]]);
  const socket = new FakeSocket();
  execStream.prepare({ method: "GET", namespace: "default", name: "web", query, request: new Request("http://x/"), caller: admin, registry: c.registry, nodes: c.nodes, proxy: c.proxy, pod, protocol: "v5.channel.k8s.io" })(socket);
  return socket;
}

describe("ephemeral containers", () => {
  it("are added by a strategic merge patch of pods/ephemeralcontainers and answered with the pod", async () => {
    const c = await cluster();
    const res = await addDebugger(c, debuggerSpec);
    expect(res.status).toBe(200);
    const pod = (await res.json()) as Pod;
    expect(pod.kind).toBe("Pod");
    expect(pod.spec?.ephemeralContainers).toEqual([{ ...debuggerSpec, terminationMessagePath: "/dev/termination-log", resources: {} }]);
    const got = await c.request(`${podPath}/ephemeralcontainers`);
    expect(((await got.json()) as Pod).spec?.ephemeralContainers?.[0]?.name).toBe("debugger");
  });

  it("are started by the kubelet with the usual events and reported in ephemeralContainerStatuses, outside the pod's readiness", async () => {
    const c = await cluster();
    await addDebugger(c, debuggerSpec);
    c.advance(30_000);
    const pod = c.registry.get(pods, "default", "web");
    const [status] = pod.status?.ephemeralContainerStatuses ?? [];
    expect(status).toMatchObject({ name: "debugger", ready: false, restartCount: 0, image: "docker.io/library/busybox:latest" });
    expect(status?.state?.running?.startedAt).toBeDefined();
    expect(pod.status?.containerStatuses?.map((s) => s.name)).toEqual(["app"]);
    expect(pod.status?.conditions?.find((cond) => cond.type === "Ready")?.status).toBe("True");
    const events = c.registry.list(eventsDef, "default").filter((e) => e.involvedObject?.fieldPath === "spec.ephemeralContainers{debugger}");
    expect(events.map((e) => e.reason)).toEqual(["Pulling", "Pulled", "Created", "Started"]);
    expect(events.find((e) => e.reason === "Created")?.message).toBe("Created container: debugger");
  });

  it("see the target's process (ps) and are reached by exec and logs", async () => {
    const c = await cluster();
    await addDebugger(c, debuggerSpec);
    c.advance(30_000);
    const ps = exec(c, "debugger", "ps");
    expect(ps.text(1)).toBe(`PID   USER     TIME  COMMAND\n    1 root      0:00 /docker-entrypoint.sh nginx -g daemon off;\n    7 root      0:00 sleep 3600\n   13 root      0:00 ps\n`);
    const plain = exec(c, "app", "sh", "-c", "echo from-app");
    expect(plain.text(1)).toBe("from-app\n");
    const logs = await c.request(`${podPath}/log?container=debugger`);
    expect(logs.status).toBe(200);
  });

  it("are never restarted, and the pod stays Running", async () => {
    const c = await cluster();
    await addDebugger(c, { name: "once", image: "busybox", command: ["sh", "-c", "echo bye; exit 2"] });
    c.advance(60_000);
    const pod = c.registry.get(pods, "default", "web");
    const status = pod.status?.ephemeralContainerStatuses?.[0];
    expect(status?.state?.terminated).toMatchObject({ exitCode: 2, reason: "Error" });
    expect(status?.restartCount).toBe(0);
    expect(pod.status?.phase).toBe("Running");
    const logs = await c.request(`${podPath}/log?container=once`);
    expect(await logs.text()).toBe("bye\n");
  });

  it("refuse what the apiserver refuses, with its messages", async () => {
    const c = await cluster();
    const bad = await addDebugger(c, { name: "app", image: "busybox", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "1" } }, readinessProbe: { exec: { command: ["true"] } }, targetContainerName: "nope" });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { message: string };
    expect(body.message).toBe(
      'Pod "web" is invalid: [spec.ephemeralContainers[0].name: Duplicate value: "app", spec.ephemeralContainers[0].targetContainerName: Not found: "nope", spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container]',
    );
    expect((await addDebugger(c, debuggerSpec)).status).toBe(200);
    const changed = await addDebugger(c, { ...debuggerSpec, image: "alpine" });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { message: string }).message).toContain('spec.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be changed');
    const created = await c.request("/api/v1/namespaces/default/pods", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { containers: [{ name: "a", image: "busybox" }], ephemeralContainers: [{ name: "d", image: "busybox" }] } }),
    });
    expect(created.status).toBe(422);
    expect(((await created.json()) as { message: string }).message).toContain("spec.ephemeralContainers: Forbidden: cannot be set on create");
  });

  it("change nothing else of the pod through the subresource", async () => {
    const c = await cluster();
    const patch = { metadata: { labels: { sneaky: "yes" } }, spec: { ephemeralContainers: [debuggerSpec], activeDeadlineSeconds: 5 } };
    const res = await c.request(`${podPath}/ephemeralcontainers`, { method: "PATCH", body: JSON.stringify(patch), headers: smp });
    expect(res.status).toBe(200);
    const pod = c.registry.get(pods, "default", "web");
    expect(pod.metadata.labels?.sneaky).toBeUndefined();
    expect(pod.spec?.activeDeadlineSeconds).toBeUndefined();
    expect(pod.spec?.ephemeralContainers?.length).toBe(1);
  });

  it("are listed in discovery and authorized as patch on pods/ephemeralcontainers", async () => {
    const c = await cluster();
    const list = (await (await c.request("/api/v1")).json()) as { resources: { name: string; kind: string; verbs: string[] }[] };
    expect(list.resources.find((r) => r.name === "pods/ephemeralcontainers")).toMatchObject({ kind: "Pod", verbs: ["get", "patch", "update"] });
    await grant(c, "pods", [{ verbs: ["get", "patch", "update"], apiGroups: [""], resources: ["pods"] }]);
    const refused = await addDebugger(c, debuggerSpec, jane);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      `pods "web" is forbidden: User "jane" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "default"`,
    );
    await grant(c, "debug", [{ verbs: ["patch"], apiGroups: [""], resources: ["pods/ephemeralcontainers"] }]);
    expect((await addDebugger(c, debuggerSpec, jane)).status).toBe(200);
  });
});
