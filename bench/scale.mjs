// `npm run bench:scale`: one cluster with 100 worker nodes and a Deployment of 10,000 replicas on the fast pace.
// Prints the wall and CPU time until all are Running (CPU = the workerd processes' user+system time, read from
// /proc), pods per second, how long `kubectl get pods -A` takes over them; then stops 10 nodes and prints the time
// until every replacement is available again and the writes that cost per evicted pod; and how many alarms an idle
// converged cluster runs in 60 s. Traffic goes only to 127.0.0.1; every wait is bounded.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "./client.mjs";
import { startWrangler } from "./server.mjs";

const replicas = Number(process.env.SCALE_REPLICAS ?? 10_000);
const workers = Number(process.env.SCALE_NODES ?? 100);
const stoppedNodes = Number(process.env.SCALE_STOPPED_NODES ?? 10);
const capMs = 10 * 60_000;
const idleWindowMs = 60_000;

const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** user+system CPU seconds of every process in the process group `pgid` (wrangler and its workerd). */
function groupCpuSeconds(pgid) {
  const tick = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[2] is pgrp; utime and stime are fields 14 and 15 of stat (11 and 12 after the name).
      if (Number(fields[2]) !== pgid) continue;
      if (!stat.includes("workerd")) continue;
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {}
  }
  return total;
}

const server = await startWrangler(async (origin) => {
  const c = createClient(origin, { connections: 1 });
  try {
    return (await c.request("/")).status === 200;
  } finally {
    await c.close();
  }
}, { extraArgs: ["--var", "MAX_OBJECTS:50000", "--var", "RATE_LIMIT_RPS:5000"] });
const client = createClient(server.origin, { connections: 4 });
const timer = setTimeout(async () => {
  log("stopping: the scale bench ran past its cap");
  await server.stop();
  process.exit(1);
}, capMs + 3 * 60_000);

try {
  const created = await client.request("/api/clusters", {
    method: "POST",
    body: { workers, pace: "fast", nodeResources: { cpu: "64", memory: "256Gi", pods: 200 } },
  });
  if (created.status !== 201) throw new Error(`create cluster: ${created.status} ${created.text}`);
  const cluster = JSON.parse(created.text);
  const api = (path, options = {}) => client.request(`/clusters/${cluster.id}${path}`, { token: cluster.token, ...options });
  await sleep(3000);

  const cpuBefore = groupCpuSeconds(server.pid);
  const started = performance.now();
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "big", namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: "big" } },
      template: { metadata: { labels: { app: "big" } }, spec: { containers: [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] } },
    },
  };
  const posted = await api("/apis/apps/v1/namespaces/default/deployments", { method: "POST", body: deployment });
  if (posted.status !== 201) throw new Error(`create deployment: ${posted.status} ${posted.text}`);
  let available = 0;
  let lastLog = 0;
  while (available < replicas && performance.now() - started < capMs) {
    await sleep(500);
    const got = await api("/apis/apps/v1/namespaces/default/deployments/big");
    available = JSON.parse(got.text).status?.availableReplicas ?? 0;
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      log(`  ${available}/${replicas} available after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  const wallS = (performance.now() - started) / 1000;
  const cpuS = groupCpuSeconds(server.pid) - cpuBefore;

  // kubectl get pods -A over them (kubectl 1.33, fresh cache).
  const dir = mkdtempSync(join(tmpdir(), "kube-sandbox-scale-"));
  writeFileSync(join(dir, "kubeconfig"), cluster.kubeconfig);
  const kubectlArgs = ["--kubeconfig", join(dir, "kubeconfig"), "--cache-dir", join(dir, "cache"), "get", "pods", "-A"];
  spawnSync("kubectl", [...kubectlArgs.slice(0, 4), "get", "nodes"], { encoding: "utf8" });
  // Three runs; the median is reported (the first may still meet the control loop's last passes).
  const runs = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const kubectlStart = performance.now();
    const listing = spawnSync("kubectl", kubectlArgs, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    runs.push((performance.now() - kubectlStart) / 1000);
    rows = listing.stdout.split("\n").filter((l) => l.includes(" Running ")).length;
  }
  const kubectlS = [...runs].sort((a, b) => a - b)[1];
  rmSync(dir, { recursive: true, force: true });

  // Node failure: stop the first workers; their pods turn Ready=False after the node monitor grace period, are
  // evicted after their (fast pace) tolerationSeconds and replaced on the other nodes.
  const summaryOf = async (c) => JSON.parse((await client.request(`/api/clusters/${c.id}`, { token: c.token })).text);
  const availableNow = async () => JSON.parse((await api("/apis/apps/v1/namespaces/default/deployments/big")).text).status?.availableReplicas ?? 0;
  const nodeNames = JSON.parse((await api("/api/v1/nodes")).text)
    .items.filter((n) => !("node-role.kubernetes.io/control-plane" in (n.metadata.labels ?? {})))
    .map((n) => n.metadata.name)
    .slice(0, stoppedNodes);
  let evicted = 0;
  for (const name of nodeNames) {
    const onNode = JSON.parse((await api(`/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName%3D${name}`)).text);
    evicted += onNode.items.length;
  }
  const revisionBefore = (await summaryOf(cluster)).revision;
  const failStarted = performance.now();
  for (const name of nodeNames) {
    const stopped = await client.request(`/api/clusters/${cluster.id}/nodes/${name}/stop`, { method: "POST", token: cluster.token });
    if (stopped.status !== 200) throw new Error(`stop ${name}: ${stopped.status} ${stopped.text}`);
  }
  let dipped = false;
  let healed = false;
  while (!healed && performance.now() - failStarted < capMs) {
    await sleep(500);
    const now = await availableNow();
    if (now < replicas) dipped = true;
    healed = dipped && now >= replicas;
  }
  const healS = (performance.now() - failStarted) / 1000;
  const healWrites = (await summaryOf(cluster)).revision - revisionBefore;

  // Idle: a fresh small cluster, left to converge, then 60 s without requests.
  const small = JSON.parse((await client.request("/api/clusters", { method: "POST", body: { pace: "fast" } })).text);
  const summary = () => summaryOf(small);
  // Converged means past CoreDNS's first liveness probe (initialDelaySeconds 60), as in a real cluster.
  await sleep(75_000);
  const before = (await summary()).alarmRuns;
  await sleep(idleWindowMs);
  const idleAlarms = (await summary()).alarmRuns - before;

  const result = {
    nodes: workers,
    replicas,
    allAvailable: available >= replicas,
    wallSeconds: Number(wallS.toFixed(2)),
    workerdCpuSeconds: Number(cpuS.toFixed(2)),
    podsPerSecondWall: Math.round(available / wallS),
    kubectlGetPodsAllSeconds: Number(kubectlS.toFixed(2)),
    kubectlRunningRows: rows,
    stoppedNodes: nodeNames.length,
    evictedPods: evicted,
    allReplacedAvailable: healed,
    secondsUntilReplacementsAvailable: Number(healS.toFixed(2)),
    writesPerEvictedPod: Number((healWrites / Math.max(1, evicted)).toFixed(1)),
    idleAlarmsIn60s: idleAlarms,
  };
  console.log(`
Scale: ${replicas} replicas on ${workers} nodes (fast pace)
  all available: ${result.allAvailable} (${available})
  wall time to available: ${result.wallSeconds} s   (${result.podsPerSecondWall} pods/s)
  workerd CPU time:       ${result.workerdCpuSeconds} s
  kubectl get pods -A:    ${result.kubectlGetPodsAllSeconds} s for ${rows} Running rows (median of ${runs.map((r) => r.toFixed(2)).join(", ")} s)
Node failure: ${result.stoppedNodes} nodes stopped, ${evicted} pods on them
  replacements all available: ${healed} after ${result.secondsUntilReplacementsAvailable} s (fast pace: 2 s node grace, 10 s tolerations)
  writes: ${healWrites} (${result.writesPerEvictedPod} per evicted pod)
Idle: alarm runs during ${idleWindowMs / 1000} s of an idle converged cluster: ${idleAlarms}
${JSON.stringify(result)}`);
} finally {
  clearTimeout(timer);
  await client.close();
  await server.stop();
}
