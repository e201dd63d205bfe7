// kubectl exec -it's stream in a whole cluster in Node: a shell on a terminal in the container, keys in on channel 0,
// the screen out on channel 1 as the clock reaches it, one Status when the shell exits.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pods } from "../../../../src/cluster/registry/pods";
import { execStream } from "../../../../src/cluster/registry/pods/streams/exec";
import { channel } from "../../../../src/cluster/registry/pods/streams/channels";
import { admin, nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";
import { FakeSocket } from "./stream-socket";

const json = { "content-type": "application/json" };

async function cluster(): Promise<NodeCluster> {
  const c = nodeCluster();
  c.runUntilIdle();
  const body = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web" },
    spec: { containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "echo ready > /tmp/state; sleep 3600"], env: [{ name: "GREETING", value: "hello" }] }] },
  };
  const res = await c.request("/api/v1/namespaces/default/pods", { method: "POST", body: JSON.stringify(body), headers: json });
  expect(res.status).toBe(201);
  c.advance(3_000);
  return c;
}

function execTty(c: NodeCluster, command: string[]): FakeSocket {
  const socket = new FakeSocket();
  const query = new URLSearchParams([...command.map((w) => ["command", w]), ["container", "main"], ["stdin", "true"], ["stdout", "true"], ["tty", "true"]]);
  const start = execStream.prepare({
    method: "GET", namespace: "default", name: "web", query, request: new Request("http://x/"), caller: admin,
    registry: c.registry, nodes: c.nodes, proxy: c.proxy, pod: c.registry.get(pods, "default", "web"), protocol: "v5.channel.k8s.io",
  });
  start(socket);
  return socket;
}

/** Move the node's clock and the stream's timers together. */
function wait(c: NodeCluster, ms: number): void {
  c.advance(ms);
  vi.advanceTimersByTime(ms);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("kubectl exec -it", () => {
  it("prompts, echoes keys, runs lines in the container with state kept, and ends with exit's code", async () => {
    const c = await cluster();
    const s = execTty(c, ["sh"]);
    expect(s.text(channel.stdout)).toBe("/ # ");
    s.input(channel.resize, JSON.stringify({ Width: 120, Height: 40 }));
    s.input(channel.stdin, "cat /tmp/state; echo $GREETING $HOSTNAME\r");
    s.input(channel.stdin, "cd /tmp; pwd\r");
    expect(s.text(channel.stdout)).toBe("/ # cat /tmp/state; echo $GREETING $HOSTNAME\r\nready\r\nhello web\r\n/ # cd /tmp; pwd\r\n/tmp\r\n/tmp # ");
    expect(s.text(channel.stderr)).toBe("");
    s.input(channel.stdin, "exit 3\r");
    expect(s.statuses()).toEqual([expect.objectContaining({ reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } })]);
    expect(s.closed).toBe(true);
  });

  it("a sleep holds the prompt for its time on the clock; Ctrl-C interrupts it", async () => {
    const c = await cluster();
    const s = execTty(c, ["sh"]);
    s.input(channel.stdin, "sleep 2; echo done\r");
    wait(c, 1_000);
    expect(s.text(channel.stdout)).toBe("/ # sleep 2; echo done\r\n");
    wait(c, 1_000);
    expect(s.text(channel.stdout)).toBe("/ # sleep 2; echo done\r\ndone\r\n/ # ");
    s.input(channel.stdin, "sleep 60\r");
    wait(c, 500);
    s.input(channel.stdin, "\x03");
    expect(s.text(channel.stdout)).toMatch(/sleep 60\r\n\^C\r\n\/ # $/);
    s.input(channel.stdin, "\x04");
    expect(s.statuses()).toEqual([expect.objectContaining({ details: { causes: [{ reason: "ExitCode", message: "130" }] } })]);
  });

  it("Ctrl-D on an empty line ends the shell with Success; a missing shell gets the runtime's refusal", async () => {
    const c = await cluster();
    const s = execTty(c, ["sh"]);
    s.input(channel.stdin, "\x04");
    expect(s.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
    const bash = execTty(c, ["bash"]);
    expect(bash.statuses()[0]!.message).toContain(`exec: "bash": executable file not found in $PATH`);
  });
});

describe("kubectl exec's output paced by the clock", () => {
  it("sends each line when the command wrote it and the Status when it ended", async () => {
    const c = await cluster();
    const socket = new FakeSocket();
    const query = new URLSearchParams([...["sh", "-c", "echo a; sleep 2; echo b >&2; sleep 1"].map((w) => ["command", w]), ["container", "main"], ["stdout", "true"], ["stderr", "true"]]);
    execStream.prepare({
      method: "GET", namespace: "default", name: "web", query, request: new Request("http://x/"), caller: admin,
      registry: c.registry, nodes: c.nodes, proxy: c.proxy, pod: c.registry.get(pods, "default", "web"), protocol: "v5.channel.k8s.io",
    })(socket);
    expect(socket.text(channel.stdout)).toBe("a\n");
    vi.advanceTimersByTime(1_999);
    expect(socket.text(channel.stderr)).toBe("");
    vi.advanceTimersByTime(1);
    expect(socket.text(channel.stderr)).toBe("b\n");
    expect(socket.closed).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(socket.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
    expect(socket.closed).toBe(true);
  });
});
