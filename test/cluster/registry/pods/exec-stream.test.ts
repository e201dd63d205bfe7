// kubectl exec's stream in a whole cluster in Node: the command runs in the container's filesystem, environment and
// network; stdout and stderr go out on channels 1 and 2, then exactly one Status on channel 3; stdin until EOF; the
// apiserver's and the kubelet's refusals before the upgrade.
import { describe, expect, it } from "vitest";
import { pods } from "../../../../src/cluster/registry/pods";
import { execStream } from "../../../../src/cluster/registry/pods/streams/exec";
import { channel, frame, parseFrame } from "../../../../src/cluster/registry/pods/streams/channels";
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
    spec: {
      containers: [
        { name: "main", image: "busybox", command: ["sh", "-c", "echo ready > /tmp/state; sleep 3600"], env: [{ name: "GREETING", value: "hello" }] },
        { name: "side", image: "busybox", command: ["sleep", "5"] },
      ],
      restartPolicy: "Never",
    },
  };
  const res = await c.request("/api/v1/namespaces/default/pods", { method: "POST", body: JSON.stringify(body), headers: json });
  expect(res.status).toBe(201);
  c.advance(3_000);
  return c;
}

function exec(c: NodeCluster, params: string, socket = new FakeSocket()): FakeSocket {
  const pod = c.registry.get(pods, "default", "web");
  const start = execStream.prepare({
    method: "GET",
    namespace: "default",
    name: "web",
    query: new URLSearchParams(params),
    request: new Request("http://x/"),
    caller: admin,
    registry: c.registry,
    nodes: c.nodes,
    proxy: c.proxy,
    pod,
    protocol: "v5.channel.k8s.io",
  });
  start(socket);
  return socket;
}

const cmd = (...words: string[]) => words.map((w) => `command=${encodeURIComponent(w)}`).join("&");

describe("the v5 channel framing", () => {
  it("puts the channel byte first and reads it back", () => {
    expect([...frame(1, "hi")]).toEqual([1, 104, 105]);
    const parsed = parseFrame(Uint8Array.from([255, 0]))!;
    expect(parsed.ch).toBe(channel.close);
    expect([...parsed.payload]).toEqual([0]);
    expect(parseFrame(new Uint8Array(0))).toBeUndefined();
  });
});

describe("kubectl exec", () => {
  it("runs the command in the container: its files and environment, stdout on 1, stderr on 2, one Success Status, then closes", async () => {
    const c = await cluster();
    const s = exec(c, `${cmd("sh", "-c", "cat /tmp/state; echo $GREETING; ls /nope")}&container=main&stdout=true&stderr=true`);
    expect(s.text(1)).toBe("ready\nhello\n");
    expect(s.text(2)).toContain("/nope");
    expect(s.statuses()).toEqual([
      { metadata: {}, status: "Failure", message: "command terminated with non-zero exit code: error executing command [sh -c cat /tmp/state; echo $GREETING; ls /nope], exit code 1", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "1" }] } },
    ]);
    expect(s.closed).toBe(true);
    const ok = exec(c, `${cmd("true")}&container=main&stdout=true&stderr=true`);
    expect(ok.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
    expect(ok.sent.at(-1)![0]).toBe(3);
  });

  it("reports the exit code of `exit 3` as NonZeroExitCode 3", async () => {
    const c = await cluster();
    const s = exec(c, `${cmd("sh", "-c", "exit 3")}&container=main&stdout=true&stderr=true`);
    expect(s.statuses()[0]).toMatchObject({ reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
  });

  it("reads stdin until the client's EOF (channel 255 [0])", async () => {
    const c = await cluster();
    const s = exec(c, `${cmd("cat")}&container=main&stdin=true&stdout=true&stderr=true`);
    expect(s.sent).toEqual([]);
    s.input(channel.stdin, "hi\n");
    s.input(channel.stdin, "there\n");
    expect(s.closed).toBe(false);
    s.input(channel.close, [0]);
    expect(s.text(1)).toBe("hi\nthere\n");
    expect(s.statuses()).toEqual([{ metadata: {}, status: "Success" }]);
    const script = exec(c, `${cmd("sh")}&container=main&stdin=true&stdout=true&stderr=true`);
    script.input(channel.stdin, "echo one\nexit 4\n");
    script.input(channel.close, [0]);
    expect(script.text(1)).toBe("one\n");
    expect(script.statuses()[0]).toMatchObject({ details: { causes: [{ message: "4" }] } });
  });

  it("does not wait for stdin a command does not read", async () => {
    const c = await cluster();
    const s = exec(c, `${cmd("echo", "done")}&container=main&stdin=true&stdout=true&stderr=true`);
    expect(s.text(1)).toBe("done\n");
    expect(s.closed).toBe(true);
  });

  it("answers a command missing from the image with the runtime's message", async () => {
    const c = await cluster();
    const s = exec(c, `${cmd("nosuch", "x")}&container=main&stdout=true&stderr=true`);
    const [status] = s.statuses();
    expect(status).toMatchObject({ status: "Failure", reason: "InternalError", code: 500 });
    expect(status!.message).toContain(`exec: "nosuch": executable file not found in $PATH`);
    expect(s.closed).toBe(true);
  });

  it("refuses before the upgrade: an unknown container, no command, a container that is not running", async () => {
    const c = await cluster();
    expect(() => exec(c, `${cmd("ls")}&container=x&stdout=true`)).toThrow("container x is not valid for pod web");
    expect(() => exec(c, `container=main&stdout=true`)).toThrow("you must specify at least 1 command");
    expect(() => exec(c, `${cmd("ls")}&stdout=true`)).toThrow("a container name must be specified for pod web, choose one of: [main side]");
    c.advance(5_000);
    expect(() => exec(c, `${cmd("ls")}&container=side&stdout=true`)).toThrow(`container not found ("side")`);
  });
});
