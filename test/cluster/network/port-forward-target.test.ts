// Port-forward into a running pod of the simulated cluster: nginx's welcome page over the SPDY session, the access
// log line from 127.0.0.1, redis answering PING, and containerd's refusal for a port nobody listens on.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../src/api/schemas/core/pod";
import { servePortForward } from "../../../src/cluster/registry/pods/portforward/session";
import { nodeCluster } from "../../helpers/node-cluster";
import { FakeSpdyClient } from "../../api/spdy/fake-client";

async function cluster() {
  const c = nodeCluster();
  const post = (path: string, body: unknown) => c.request(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  await post("/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "nginx", image: "nginx" }] } });
  await post("/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "cache" }, spec: { containers: [{ name: "redis", image: "redis" }] } });
  c.runUntilIdle();
  const pod = async (name: string) => (await (await c.request(`/api/v1/namespaces/default/pods/${name}`)).json()) as Pod;
  return { c, pod };
}

function session(target: ReturnType<ReturnType<typeof nodeCluster>["portForward"]>) {
  const client = new FakeSpdyClient();
  let deliver: (b: Uint8Array) => void = () => {};
  servePortForward({ send: (b) => client.read(b), onMessage: (h) => (deliver = h), close: () => {} }, target);
  let requestID = 0;
  return {
    client,
    connect(port: number, bytes: string) {
      const id = String(requestID++);
      const error = client.synStream({ streamtype: ["error"], port: [String(port)], requestid: [id] });
      const data = client.synStream({ streamtype: ["data"], port: [String(port)], requestid: [id] });
      deliver(new Uint8Array([...error.bytes, ...data.bytes, ...client.data(data.id, bytes)]));
      return { error: () => client.streamText(error.id), data: () => client.streamText(data.id) };
    },
  };
}

describe("port-forward into a pod of the cluster", () => {
  it("gets nginx's welcome page, logged as from 127.0.0.1", async () => {
    const { c, pod } = await cluster();
    const pf = session(c.portForward(await pod("web")));
    const conn = pf.connect(80, "GET / HTTP/1.1\r\nHost: localhost:18080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n");
    const text = conn.data().text;
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain("Welcome to nginx!");
    expect(conn.error()).toEqual({ text: "", fin: false });
    c.advance(1_000);
    const log = await (await c.request("/api/v1/namespaces/default/pods/web/log")).text();
    expect(log).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0"/m);
  });

  it("passes redis's protocol through", async () => {
    const { c, pod } = await cluster();
    const pf = session(c.portForward(await pod("cache")));
    expect(pf.connect(6379, "PING\r\n").data().text).toBe("+PONG\r\n");
  });

  it("answers a port nobody listens on with containerd's error, as the kubelet words it", async () => {
    const { c, pod } = await cluster();
    const web = await pod("web");
    const target = c.portForward(web);
    const conn = session(target).connect(81, "GET / HTTP/1.1\r\n\r\n");
    expect(target.sandboxId).toMatch(/^[0-9a-f]{64}$/);
    expect(conn.error().text).toMatch(
      new RegExp(
        `^error forwarding port 81 to pod ${target.sandboxId}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-[0-9a-f-]{36}": ` +
          `failed to connect to localhost:81 inside namespace "${target.sandboxId}", IPv4: dial tcp4 127\\.0\\.0\\.1:81: connect: connection refused ` +
          `IPv6 dial tcp6 \\[::1\\]:81: connect: connection refused $`,
      ),
    );
    expect(conn.data()).toEqual({ text: "", fin: true });
  });
});
