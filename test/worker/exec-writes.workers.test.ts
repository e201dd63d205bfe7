// Through the cluster's object: a file written by `kubectl exec` stays in the container's run (the kubelet keeps the
// exec and its process makes it again): a later exec reads it, the container's own program logs it, nginx serves
// it to another pod; stdin's bytes (a binary file, a tar stream) arrive intact and come back out byte for byte.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kube, kubeJson } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const t = fakeClockStart();
let now = t;
const upgrade = { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io" };

async function bytesOf(data: unknown): Promise<Uint8Array> {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  return new Uint8Array(data as ArrayBuffer);
}

/** Run a command in `pod` over the exec WebSocket, sending `stdin` (then its end) when given: stdout's bytes and the Status. */
async function exec(pod: string, command: string[], stdin?: Uint8Array): Promise<{ stdout: Uint8Array; status: { status: string } }> {
  const query = command.map((c) => `command=${encodeURIComponent(c)}`).join("&");
  const response = await kube(cluster, `/api/v1/namespaces/default/pods/${pod}/exec?${query}&stdout=true&stderr=true${stdin ? "&stdin=true" : ""}`, { headers: upgrade });
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  socket.accept();
  const frames: Promise<Uint8Array>[] = [];
  const closed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("exec still open")), 5000);
    socket.addEventListener("message", (event) => frames.push(bytesOf(event.data)));
    socket.addEventListener("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (stdin) {
    // In pieces, as kubectl sends a stream: a cut between any two bytes must not matter.
    for (let i = 0; i < stdin.length; i += 100) socket.send(Uint8Array.from([0, ...stdin.subarray(i, i + 100)]));
    socket.send(Uint8Array.from([255, 0]));
  }
  await closed;
  const all = await Promise.all(frames);
  const out = all.filter((f) => f[0] === 1).map((f) => f.subarray(1));
  const stdout = new Uint8Array(out.reduce((n, f) => n + f.length, 0));
  let offset = 0;
  for (const f of out) {
    stdout.set(f, offset);
    offset += f.length;
  }
  const status = JSON.parse(new TextDecoder().decode(all.find((f) => f[0] === 3)!.subarray(1)));
  return { stdout, status };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function advance(ms: number): Promise<void> {
  for (let at = now + 100; at <= now + ms; at += 100) await settle(cluster, at);
  now += ms;
  vi.setSystemTime(now);
}

async function createPod(name: string, container: Record<string, unknown>): Promise<void> {
  const created = await kubeJson(cluster, "/api/v1/namespaces/default/pods", {
    method: "POST",
    body: { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { nodeName: "worker-1", containers: [{ name: "main", ...container }] } },
  });
  expect(created.status).toBe(201);
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
  cluster = await createCluster({ pace: "fast", workers: 1 });
  await createPod("loop", { image: "busybox", command: ["sh", "-c", "while true; do cat /tmp/x 2>/dev/null || echo none; sleep 1; done"] });
  await createPod("web", { image: "nginx" });
  await advance(2000);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("exec writes kept in the container", () => {
  it("a later exec and the container's own program see a file an exec wrote", async () => {
    expect((await exec("loop", ["sh", "-c", "echo hi > /tmp/x"])).status).toEqual({ metadata: {}, status: "Success" });
    await advance(1000);
    expect(text((await exec("loop", ["cat", "/tmp/x"])).stdout)).toBe("hi\n");
    await advance(3000);
    const logs = await kube(cluster, "/api/v1/namespaces/default/pods/loop/log");
    const lines = (await logs.text()).trim().split("\n");
    expect(lines[0]).toBe("none");
    expect(lines.slice(-2)).toEqual(["hi", "hi"]);
  });

  it("nginx serves a page written into its html by exec", async () => {
    await exec("web", ["sh", "-c", "echo served > /usr/share/nginx/html/index.html"]);
    await advance(500);
    const ip = (await kubeJson(cluster, "/api/v1/namespaces/default/pods/web")).body.status.podIP;
    expect(text((await exec("loop", ["wget", "-qO-", `http://${ip}/`])).stdout)).toBe("served\n");
  });

  it("binary stdin is kept byte for byte: written by cat, read back by cat and by tar", async () => {
    const bytes = new Uint8Array(1000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
    bytes.set([0xef, 0xbb, 0xbf, 0xe2, 0x82], 0);
    expect((await exec("loop", ["sh", "-c", "cat > /tmp/bin"], bytes)).status.status).toBe("Success");
    await advance(500);
    expect([...(await exec("loop", ["cat", "/tmp/bin"])).stdout]).toEqual([...bytes]);
    const archive = (await exec("loop", ["tar", "cf", "-", "/tmp/bin"])).stdout;
    expect(archive.length % 512).toBe(0);
    expect([...archive.subarray(512, 512 + bytes.length)]).toEqual([...bytes]);
  });
});
