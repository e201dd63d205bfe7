// The network in a whole cluster: a busybox pod's `wget -qO- http://web` is answered through the cluster DNS and the
// web Service by one nginx replica, whose `kubectl logs` then shows the access line; repeated requests reach both
// replicas; and no connection costs a storage write.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };

const nginx = (name: string) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, labels: { app: "web" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ name: "http", containerPort: 80 }] }] },
});

const web = { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: "http" }] } };

function client(name: string, script: string) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", script] }] } };
}

async function text(cluster: NodeCluster, path: string): Promise<string> {
  const res = await cluster.request(path);
  return res.text();
}

describe("Service traffic in a cluster", () => {
  it("answers a busybox wget through the web Service from an nginx replica, whose log shows the access line", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    await post(cluster, `${ns}/pods`, nginx("web-1"));
    await post(cluster, `${ns}/pods`, nginx("web-2"));
    await post(cluster, `${ns}/services`, web);
    cluster.runUntilIdle();
    // nginx listens a few milliseconds after it starts (a connection before that is refused, as it would be).
    cluster.advance(2_000);

    await post(cluster, `${ns}/pods`, client("fetch", "wget -qO- http://web"));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    const fetched = await text(cluster, `${ns}/pods/fetch/log`);
    expect(fetched).toContain("Welcome to nginx!");
    const fetchPod = (await (await cluster.request(`${ns}/pods/fetch`)).json()) as { status: { podIP: string; phase: string } };
    expect(fetchPod.status.phase).toBe("Succeeded");

    const logs = [await text(cluster, `${ns}/pods/web-1/log`), await text(cluster, `${ns}/pods/web-2/log`)];
    const access = logs.join("").split("\n").filter((l) => l.includes(fetchPod.status.podIP) && l.includes("GET /"));
    expect(access).toHaveLength(1);
    // Reading the client's log again replays its connection: nothing is logged twice.
    await text(cluster, `${ns}/pods/fetch/log`);
    const again = [await text(cluster, `${ns}/pods/web-1/log`), await text(cluster, `${ns}/pods/web-2/log`)];
    expect(again.join("").split("\n").filter((l) => l.includes(fetchPod.status.podIP))).toHaveLength(1);
    // With timestamps, the access line carries the connection's time.
    const stamped = (await text(cluster, `${ns}/pods/${logs[0]!.includes(fetchPod.status.podIP) ? "web-1" : "web-2"}/log?timestamps=true`)).split("\n");
    expect(stamped.find((l) => l.includes(fetchPod.status.podIP))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /);
  });

  it("spreads repeated requests over both replicas; replaying them (reading the client's log) writes nothing", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    await post(cluster, `${ns}/pods`, nginx("web-1"));
    await post(cluster, `${ns}/pods`, nginx("web-2"));
    await post(cluster, `${ns}/services`, web);
    cluster.runUntilIdle();
    // nginx listens a few milliseconds after it starts (a connection before that is refused, as it would be).
    cluster.advance(2_000);
    const svc = (await (await cluster.request(`${ns}/services/web`)).json()) as { spec: { clusterIP: string } };

    await post(cluster, `${ns}/pods`, client("loop", `for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do wget -qO- http://${svc.spec.clusterIP}/ >/dev/null && echo ok; done`));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    const revision = cluster.store.revision;
    expect((await text(cluster, `${ns}/pods/loop/log`)).split("\n").filter((l) => l === "ok")).toHaveLength(20);
    expect(cluster.store.revision).toBe(revision);
    const counts = [await text(cluster, `${ns}/pods/web-1/log`), await text(cluster, `${ns}/pods/web-2/log`)].map(
      (log) => log.split("\n").filter((l) => l.includes("GET /")).length,
    );
    expect(counts[0]! + counts[1]!).toBe(20);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it("streams an access line to a follow of the target's log when the request comes", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    await post(cluster, `${ns}/pods`, nginx("web-1"));
    await post(cluster, `${ns}/services`, web);
    cluster.runUntilIdle();
    cluster.advance(2_000);
    const follow = await cluster.request(`${ns}/pods/web-1/log?follow=true&tailLines=0`);
    const reader = follow.body!.getReader();
    await post(cluster, `${ns}/pods`, client("later", "sleep 3; wget -qO- http://web/later"));
    cluster.runUntilIdle();
    cluster.advance(5_000);
    let streamed = "";
    for (let i = 0; i < 3 && !streamed.includes('"GET /later'); i++) streamed += new TextDecoder().decode((await reader.read()).value);
    // nginx has no /later: its error-log line, then its 404 in the access log, as they happened.
    expect(streamed).toMatch(/\[error\] .*open\(\) "\/usr\/share\/nginx\/html\/later" failed[^\n]*\n[^\n]*"GET \/later HTTP\/1.1" 404 [^\n]*\n$/);
    await reader.cancel();
  });

  it("shows a looping client's latest requests in the target's log (the client is run up to the read)", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    await post(cluster, `${ns}/pods`, nginx("web-1"));
    await post(cluster, `${ns}/services`, web);
    cluster.runUntilIdle();
    cluster.advance(2_000);
    await post(cluster, `${ns}/pods`, client("poll", "while true; do wget -qO- http://web/poll >/dev/null; sleep 5; done"));
    cluster.runUntilIdle();
    cluster.advance(3_600_000);
    const lines = (await text(cluster, `${ns}/pods/web-1/log?timestamps=true`)).split("\n").filter((l) => l.includes('"GET /poll HTTP/1.1" 404'));
    const last = Date.parse(lines[lines.length - 1]!.split(" ")[0]!);
    expect(cluster.now - last).toBeLessThan(6_000);
    // An hour of one request every 5 s (and the time wget takes).
    expect(lines.length).toBeGreaterThan(700);
    expect(lines.length).toBeLessThanOrEqual(721);
  });
});
