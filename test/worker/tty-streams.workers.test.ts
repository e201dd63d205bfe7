// exec -it and attach through the cluster's Durable Object in the Workers runtime: the WebSocket upgrade, keys in on
// channel 0, the terminal's screen out on channel 1, and the one Status on channel 3.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kube, kubeJson } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const t = fakeClockStart();
const upgrade = { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io" };
const encoder = new TextEncoder();

async function bytesOf(data: unknown): Promise<Uint8Array> {
  if (typeof data === "string") return encoder.encode(data);
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  return new Uint8Array(data as ArrayBuffer);
}

/** A client socket that keeps what arrives per channel and says when a channel's text matches. */
async function open(path: string) {
  const response = await kube(cluster, path, { headers: upgrade });
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  socket.accept();
  const texts: Record<number, string> = {};
  let closed = false;
  const pending: Promise<void>[] = [];
  socket.addEventListener("message", (event) => {
    pending.push(
      bytesOf(event.data).then((bytes) => {
        texts[bytes[0]!] = (texts[bytes[0]!] ?? "") + new TextDecoder().decode(bytes.subarray(1));
      }),
    );
  });
  socket.addEventListener("close", () => (closed = true));
  const until = async (done: () => boolean, what: string) => {
    for (let i = 0; i < 200; i++) {
      await Promise.all(pending);
      if (done()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never: ${what}; got ${JSON.stringify(texts)}`);
  };
  return {
    text: (ch: number) => texts[ch] ?? "",
    type: (keys: string) => socket.send(Uint8Array.from([0, ...encoder.encode(keys)])),
    waitFor: (ch: number, pattern: RegExp) => until(() => pattern.test(texts[ch] ?? ""), `${pattern} on ${ch}`),
    closed: () => until(() => closed, "close"),
  };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
  cluster = await createCluster({ pace: "fast", workers: 1 });
  for (const [name, container] of [
    ["web", { command: ["sh", "-c", "echo hi > /tmp/x; sleep 3600"] }],
    ["shell", { command: ["sh"], stdin: true, stdinOnce: true, tty: true }],
  ] as const) {
    const created = await kubeJson(cluster, "/api/v1/namespaces/default/pods", {
      method: "POST",
      body: { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { nodeName: "worker-1", restartPolicy: "Never", containers: [{ name: "main", image: "busybox", ...container }] } },
    });
    expect(created.status).toBe(201);
  }
  for (let at = 100; at <= 1500; at += 100) await settle(cluster, t + at);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("interactive streams through the object", () => {
  it("exec -it sh: prompt, echo, a command in the container, exit 3 → NonZeroExitCode 3", async () => {
    const s = await open("/api/v1/namespaces/default/pods/web/exec?command=sh&container=main&stdin=true&stdout=true&tty=true");
    await s.waitFor(1, /^\/ # $/);
    s.type("cat /tmp/x\r");
    await s.waitFor(1, /cat \/tmp\/x\r\nhi\r\n\/ # $/);
    s.type("exit 3\r");
    await s.closed();
    expect(JSON.parse(s.text(3))).toMatchObject({ reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
  });

  it("attach -it to a shell with stdin and a tty: keys run in the container's own shell; exit 3 ends the container", async () => {
    const s = await open("/api/v1/namespaces/default/pods/shell/attach?container=main&stdin=true&stdout=true&tty=true");
    s.type("echo $HOSTNAME\r");
    await s.waitFor(1, /echo \$HOSTNAME\r\nshell\r\n\/ # $/);
    s.type("exit 3\r");
    vi.setSystemTime(t + 2_000);
    await s.closed();
    expect(JSON.parse(s.text(3))).toEqual({ metadata: {}, status: "Success" });
    await settle(cluster, t + 2_100);
    const { body } = await kubeJson(cluster, "/api/v1/namespaces/default/pods/shell");
    expect(body.status.phase).toBe("Failed");
    expect(body.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
  });
});
