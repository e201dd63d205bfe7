// `npm run bench:net`: in-cluster requests. Two nginx replicas behind a Service, and a busybox pod that runs `wget`
// against the Service's name N times (BENCH_REQUESTS, default 10,000). Reading the client's log replays its whole run,
// so every request is made: name resolution through the cluster DNS, kube-proxy's endpoint choice, nginx's answer and
// its access-log line. Reported: requests per CPU second, and the storage writes the requests cost (goal: none).
import { nodeCluster } from "../../test/helpers/node-cluster";

const requests = Number(process.env.BENCH_REQUESTS ?? 10_000);
const cluster = nodeCluster({ spec: { workers: 2 } });
const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function create(path: string, body: unknown): Promise<void> {
  const response = await cluster.request(path, json(body));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

cluster.runUntilIdle();
await create("/apis/apps/v1/namespaces/default/deployments", {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
  },
});
await create("/api/v1/namespaces/default/services", {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web" },
  spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
});
cluster.advance(30_000);
const script = `i=0; while [ $i -lt ${requests} ]; do wget -qO- http://web >/dev/null || echo failed; i=$((i+1)); done; echo done`;
await create("/api/v1/namespaces/default/pods", {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "client" },
  spec: { restartPolicy: "Never", containers: [{ name: "client", image: "busybox:1.36", command: ["sh", "-c", script] }] },
});
cluster.advance(10_000);

const revisionBefore = cluster.store.revision;
const cpuBefore = process.cpuUsage();
const log = await (await cluster.request("/api/v1/namespaces/default/pods/client/log")).text();
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const writes = cluster.store.revision - revisionBefore;
const failed = log.split("\n").filter((l) => l === "failed").length;

const replicaLines: number[] = [];
const pods = (await (await cluster.request("/api/v1/namespaces/default/pods?labelSelector=app%3Dweb")).json()) as { items: { metadata: { name: string } }[] };
for (const pod of pods.items) {
  const text = await (await cluster.request(`/api/v1/namespaces/default/pods/${pod.metadata.name}/log`)).text();
  replicaLines.push(text.split("\n").filter((l) => l.includes('"GET / HTTP/1.1"')).length);
}

console.log(`In-cluster requests: ${requests} × wget http://web (a Service of 2 nginx replicas), in Node
  client finished: ${log.trimEnd().endsWith("done")}; failed requests: ${failed}
  CPU: ${cpuSeconds.toFixed(2)} s (${Math.round(requests / cpuSeconds)} requests per CPU second, incl. the replay of the client's shell loop)
  storage writes during the requests: ${writes} (${(writes / requests).toFixed(4)} per request)
  access-log lines per replica: ${replicaLines.join(", ")}`);
