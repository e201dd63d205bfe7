// kubectl attach (and run -it) in a whole cluster in Node: the container's output from now on; with stdin: true its
// input reaches the main process, whose exit the kubelet then records; the refusals before the upgrade.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Pod } from "../../../../src/api/schemas";
import { pods } from "../../../../src/cluster/registry/pods";
import { attachStream } from "../../../../src/cluster/registry/pods/streams/attach";
import { channel } from "../../../../src/cluster/registry/pods/streams/channels";
import { admin, nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";
import { FakeSocket } from "./stream-socket";

const json = { "content-type": "application/json" };

async function withPod(container: Record<string, unknown>, restartPolicy = "Never"): Promise<NodeCluster> {
  const c = nodeCluster();
  c.runUntilIdle();
  const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "bb" }, spec: { containers: [{ name: "bb", image: "busybox", ...container }], restartPolicy } };
  const res = await c.request("/api/v1/namespaces/default/pods", { method: "POST", body: JSON.stringify(body), headers: json });
  expect(res.status).toBe(201);
  c.advance(3_000);
  return c;
}

function attach(c: NodeCluster, params: string): FakeSocket {
  const socket = new FakeSocket();
  attachStream.prepare({
    method: "GET", namespace: "default", name: "bb", query: new URLSearchParams(params), request: new Request("http://x/"), caller: admin,
    registry: c.registry, nodes: c.nodes, proxy: c.proxy, pod: c.registry.get(pods, "default", "bb"), protocol: "v5.channel.k8s.io",
  })(socket);
  return socket;
}

function wait(c: NodeCluster, ms: number): void {
  c.advance(ms);
  vi.advanceTimersByTime(ms);
}

const pod = (c: NodeCluster): Pod => c.registry.get(pods, "default", "bb");

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("kubectl attach", () => {
  it("streams the container's output from now on, stdout and stderr apart", async () => {
    const c = await withPod({ command: ["sh", "-c", "echo before; sleep 5; echo out; echo err >&2; sleep 3600"] });
    const s = attach(c, "container=bb&stdout=true&stderr=true");
    expect(s.text(channel.stdout)).toBe("");
    wait(c, 3_000);
    expect(s.text(channel.stdout)).toBe("out\n");
    expect(s.text(channel.stderr)).toBe("err\n");
    expect(s.closed).toBe(false);
  });

  it("ends with Success when the container's run ends", async () => {
    const c = await withPod({ command: ["sh", "-c", "sleep 4; echo bye"] });
    const s = attach(c, "container=bb&stdout=true&stderr=true");
    wait(c, 2_000);
    expect(s.text(channel.stdout)).toBe("bye\n");
    expect(s.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
  });

  it("a container with stdin keeps its shell waiting; input typed on its terminal runs there; `exit 3` ends the container with 3", async () => {
    const c = await withPod({ command: ["sh"], stdin: true, stdinOnce: true, tty: true });
    wait(c, 60_000);
    expect(pod(c).status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    const s = attach(c, "container=bb&stdin=true&stdout=true&tty=true");
    s.input(channel.stdin, "echo $HOSTNAME\r");
    expect(s.text(channel.stdout)).toBe("echo $HOSTNAME\r\nbb\r\n/ # ");
    s.input(channel.stdin, "exit 3\r");
    wait(c, 500);
    expect(s.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
    const status = pod(c).status!;
    expect(status.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
    expect(status.phase).toBe("Failed");
  });

  it("stdinOnce: the first attach that ends closes stdin, and a shell without a terminal runs what it read", async () => {
    const c = await withPod({ command: ["sh"], stdin: true, stdinOnce: true });
    const s = attach(c, "container=bb&stdin=true&stdout=true&stderr=true");
    s.input(channel.stdin, "echo piped\n");
    s.input(channel.close, [0]);
    wait(c, 500);
    expect(s.text(channel.stdout)).toBe("piped\n");
    expect(s.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
    expect(pod(c).status?.phase).toBe("Succeeded");
  });

  it("input to a container without stdin goes nowhere; a stopped container is refused as the kubelet refuses it", async () => {
    const c = await withPod({ command: ["sh", "-c", "sleep 6"] });
    const s = attach(c, "container=bb&stdin=true&stdout=true&stderr=true");
    s.input(channel.stdin, "exit 3\n");
    wait(c, 500);
    expect(s.closed).toBe(false);
    wait(c, 4_000);
    expect(s.closed).toBe(true);
    expect(() => attach(c, "container=bb&stdout=true")).toThrow(`container not found ("bb")`);
    expect(() => attach(c, "container=bb")).toThrow("you must specify at least 1 of stdin, stdout, stderr");
  });
});
