// The WebSocket path of a pod's streaming subresources: the Worker routes the upgrade to the cluster's object, the
// apiserver authenticates and authorizes it, and the subresource's stream handler gets the server end of the socket.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { podStreamHandlers } from "../../src/cluster/registry/pods/streams/handlers";
import { coldStartMs, createCluster, kube, kubeJson } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const execPath = "/api/v1/namespaces/default/pods/web/exec?command=true&stdout=true";
const upgrade = (protocol = "v5.channel.k8s.io") => ({ upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": protocol });

/** The next message on a client socket (bytes), or a failure after `ms`. */
function nextMessage(socket: WebSocket, ms = 3000): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no message")), ms);
    socket.addEventListener("message", (event) => {
      clearTimeout(timer);
      resolve(bytesOf(event.data));
    }, { once: true });
  });
}

const t = fakeClockStart();

/** The bytes of a binary message (the client end delivers them as a Blob). */
async function bytesOf(data: unknown): Promise<Uint8Array> {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  return new Uint8Array(data as ArrayBuffer);
}

/** Everything the server sends on a client socket until it closes: the frames, in order. */
function framesUntilClose(socket: WebSocket, ms = 5000): Promise<Uint8Array[]> {
  const frames: Promise<Uint8Array>[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${ms} ms; got ${frames.length} frames`)), ms);
    socket.addEventListener("message", (event) => frames.push(bytesOf(event.data)));
    socket.addEventListener("close", () => {
      clearTimeout(timer);
      resolve(Promise.all(frames));
    });
  });
}

const decode = (frames: Uint8Array[], ch: number) => frames.filter((f) => f[0] === ch).map((f) => new TextDecoder().decode(f.subarray(1))).join("");

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
  cluster = await createCluster({ pace: "fast", workers: 1 });
  const created = await kubeJson(cluster, "/api/v1/namespaces/default/pods", {
    method: "POST",
    body: { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { nodeName: "worker-1", containers: [{ name: "main", image: "busybox", command: ["sh", "-c", "echo hi > /tmp/x; sleep 3600"] }] } },
  });
  expect(created.status).toBe(201);
  for (let at = 100; at <= 1500; at += 100) await settle(cluster, t + at);
  // A stand-in handler: echoes each message back with the query's command in front.
  podStreamHandlers.set("attach", {
    protocols: ["v5.channel.k8s.io"],
    prepare: (req) => (socket) => socket.onMessage((m) => socket.send(`${req.pod.metadata!.name}:${req.protocol}:${typeof m === "string" ? m : new TextDecoder().decode(m)}`)),
  });
});

afterAll(() => {
  podStreamHandlers.delete("attach");
  vi.useRealTimers();
});

describe("pod streams over WebSocket", () => {
  it("upgrades with the subprotocol echoed and hands the socket to the subresource's handler", async () => {
    const response = await kube(cluster, "/api/v1/namespaces/default/pods/web/attach?stdout=true", { headers: upgrade("v4.channel.k8s.io, v5.channel.k8s.io") });
    expect(response.status).toBe(101);
    expect(response.headers.get("sec-websocket-protocol")).toBe("v5.channel.k8s.io");
    const socket = response.webSocket!;
    socket.accept();
    const reply = nextMessage(socket);
    socket.send("hello");
    expect(new TextDecoder().decode(await reply)).toBe("web:v5.channel.k8s.io:hello");
    socket.close(1000);
  });

  it("runs kubectl exec: output on channel 1, stdin until EOF, then one Status with the exit code on channel 3", async () => {
    const response = await kube(cluster, `/api/v1/namespaces/default/pods/web/exec?command=sh&command=-c&command=${encodeURIComponent("cat /tmp/x; exit 3")}&container=main&stdout=true&stderr=true`, { headers: upgrade() });
    expect(response.status).toBe(101);
    const socket = response.webSocket!;
    socket.accept();
    const frames = await framesUntilClose(socket);
    expect(decode(frames, 1)).toBe("hi\n");
    expect(JSON.parse(decode(frames, 3))).toMatchObject({ status: "Failure", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
    expect(frames.at(-1)![0]).toBe(3);

    const cat = await kube(cluster, "/api/v1/namespaces/default/pods/web/exec?command=cat&container=main&stdin=true&stdout=true&stderr=true", { headers: upgrade() });
    const catSocket = cat.webSocket!;
    catSocket.accept();
    const catFrames = framesUntilClose(catSocket);
    catSocket.send(Uint8Array.from([0, ...new TextEncoder().encode("from stdin\n")]));
    catSocket.send(Uint8Array.from([255, 0]));
    const got = await catFrames;
    expect(decode(got, 1)).toBe("from stdin\n");
    expect(JSON.parse(decode(got, 3))).toEqual({ metadata: {}, status: "Success" });
  });

  it("refuses the read-only token with a 403 Status naming create on pods/exec", async () => {
    const { status, body } = await kubeJson(cluster, execPath, { token: cluster.viewToken, headers: upgrade() });
    expect(status).toBe(403);
    expect(body.message).toContain(`cannot create resource "pods/exec"`);
  });

  it("answers a SPDY upgrade (kubectl before 1.30) with a 400 that names the kubectl that works", async () => {
    const spdy = { upgrade: "SPDY/3.1", connection: "Upgrade", "x-stream-protocol-version": "v4.channel.k8s.io" };
    const exec = await kubeJson(cluster, execPath, { method: "POST", headers: spdy });
    expect(exec.status).toBe(400);
    expect(exec.body).toMatchObject({ kind: "Status", reason: "BadRequest" });
    expect(exec.body.message).toMatch(/only WebSocket streams: kubectl exec, attach and cp need kubectl 1\.30 or newer/);
    // kubectl 1.30+ falls back to SPDY after a refused WebSocket: the exec's own refusal reaches it that way.
    const container = await kubeJson(cluster, `${execPath}&container=nope`, { method: "POST", headers: spdy });
    expect(container.status).toBe(400);
    expect(container.body.message).toBe("container nope is not valid for pod web");
    const forward = await kubeJson(cluster, "/api/v1/namespaces/default/pods/web/portforward", { method: "POST", headers: { ...spdy, "x-stream-protocol-version": "portforward.k8s.io" } });
    expect(forward.status).toBe(400);
    expect(forward.body.message).toMatch(/kubectl port-forward need kubectl 1\.31 or newer/);
  });

  it("answers NotFound for a missing pod and 400 when no subprotocol is shared", async () => {
    const missing = await kubeJson(cluster, "/api/v1/namespaces/default/pods/nope/attach?stdout=true", { headers: upgrade() });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(`pods "nope" not found`);
    const noProtocol = await kubeJson(cluster, "/api/v1/namespaces/default/pods/web/attach?stdout=true", { headers: upgrade("channel.k8s.io") });
    expect(noProtocol.status).toBe(400);
  });
});
