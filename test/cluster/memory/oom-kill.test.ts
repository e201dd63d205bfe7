// The kernel's OOM killer for any program the usage model knows, through a whole cluster: a server whose footprint is
// over its container's memory limit is OOMKilled (137) at its start, restarted with back-off; a limit too small for
// runc to start the container at all is a StartError with runc's message.
import { describe, expect, it } from "vitest";
import { fakeClockStart } from "../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const ns = "/api/v1/namespaces/default";

interface ContainerStatus {
  restartCount: number;
  state: { waiting?: { reason: string; message?: string }; running?: object };
  lastState: { terminated?: { reason: string; exitCode: number; message?: string } };
}

async function statusOf(cluster: NodeCluster, name: string): Promise<ContainerStatus> {
  const res = await cluster.request(`${ns}/pods/${name}`);
  return ((await res.json()) as { status: { containerStatuses: ContainerStatus[] } }).status.containerStatuses[0];
}

const pod = (name: string, container: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "main", ...container }] } });

describe("memory limits below a program's footprint", () => {
  it("mysql in 256Mi is OOMKilled at its start, restarted, then in CrashLoopBackOff", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("db", { image: "mysql:8.4", env: [{ name: "MYSQL_ROOT_PASSWORD", value: "x" }], resources: { limits: { memory: "256Mi" } } }));
    cluster.advance(30_000);
    const first = await statusOf(cluster, "db");
    expect(first.lastState.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
    expect(first.restartCount).toBeGreaterThan(0);
    cluster.advance(60_000);
    expect((await statusOf(cluster, "db")).state.waiting?.reason).toBe("CrashLoopBackOff");
  });

  it("mysql in 512Mi runs", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("db", { image: "mysql:8.4", env: [{ name: "MYSQL_ROOT_PASSWORD", value: "x" }], resources: { limits: { memory: "512Mi" } } }));
    cluster.advance(60_000);
    const status = await statusOf(cluster, "db");
    expect(status.state.running).toBeDefined();
    expect(status.restartCount).toBe(0);
  });

  it("nginx with limits.memory 1Mi cannot start: runc's init is OOM-killed (StartError 128), restarted with back-off", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("tiny", { image: "nginx:1.27", resources: { limits: { memory: "1Mi" } } }));
    cluster.advance(60_000);
    const status = await statusOf(cluster, "tiny");
    expect(status.lastState.terminated).toMatchObject({
      reason: "StartError",
      exitCode: 128,
      message: expect.stringContaining("container init was OOM-killed (memory limit too low?): unknown"),
    });
    expect(status.restartCount).toBeGreaterThan(0);
    expect(status.state.waiting?.reason).toBe("CrashLoopBackOff");
  });
});
