// pods/portforward through the Worker and the cluster's object: SPDY/3.1 frames tunnelled in WebSocket messages
// split anywhere reach the port-forward session, which replies to both streams of a connection.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kube, kubeJson } from "../helpers/cluster";
import { FakeSpdyClient } from "../api/spdy/fake-client";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster();
  const created = await kubeJson(cluster, "/api/v1/namespaces/default/pods", {
    method: "POST",
    body: { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
  });
  expect(created.status).toBe(201);
});

describe("pods/portforward over WebSocket", () => {
  it("upgrades with SPDY/3.1+portforward.k8s.io and replies to the streams kubectl opens", async () => {
    const response = await kube(cluster, "/api/v1/namespaces/default/pods/web/portforward", {
      headers: { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "SPDY/3.1+portforward.k8s.io" },
    });
    expect(response.status).toBe(101);
    expect(response.headers.get("sec-websocket-protocol")).toBe("SPDY/3.1+portforward.k8s.io");
    const socket = response.webSocket!;
    socket.accept();
    socket.binaryType = "arraybuffer";
    const client = new FakeSpdyClient();
    socket.addEventListener("message", (event) => client.read(typeof event.data === "string" ? new TextEncoder().encode(event.data) : new Uint8Array(event.data as ArrayBuffer)));
    const error = client.synStream({ streamtype: ["error"], port: ["80"], requestid: ["0"] });
    const data = client.synStream({ streamtype: ["data"], port: ["80"], requestid: ["0"] });
    const all = new Uint8Array([...error.bytes, ...data.bytes]);
    for (let at = 0; at < all.length; at += 5) socket.send(all.slice(at, at + 5));
    for (let i = 0; i < 50 && client.received.filter((f) => f.type === "syn_reply_headers").length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(client.received.filter((f) => f.type === "syn_reply_headers").map((f) => (f as { streamId: number }).streamId)).toEqual([error.id, data.id]);
    socket.close(1000);
  });
});
