// `npm run bench`: start one `wrangler dev` (as `npm start` does, with fresh state), measure cluster creation and
// the apiserver's GET / LIST-as-Table / create beside a bare Durable Object round trip, print a table and a JSON
// line, and stop the server. All traffic goes to 127.0.0.1; every loop is bounded in count and in time.
import { createClient } from "./client.mjs";
import { mergeRuns, runLoad } from "./load.mjs";
import { cpus, loadavg } from "node:os";
import { startWrangler } from "./server.mjs";

const concurrency = 8;
const caseCapMs = 60_000;
/** Each case runs in this many rounds, interleaved with the other cases. */
const rounds = 4;
/** Requests per case in the one-at-a-time pass. */
const sequentialCount = 100;
const clusterCreates = 100;
const seededPods = 1_000;
const namespace = "bench";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";
/**
 * The id of a cluster made and deleted (set by `measure`): the Worker lets it through (the platform made it) and its
 * object, which stores nothing any more, answers 404 at once.
 */
let bareClusterId;

const podBody = (name) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, labels: { app: "bench" } },
  spec: { containers: [{ name: "main", image: "nginx:1.27" }] },
});
const configMapBody = () => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { generateName: "bench-" },
  data: { key: "value" },
});

function log(line) {
  process.stderr.write(`${line}\n`);
}

async function probe(origin) {
  const client = createClient(origin, { connections: 1 });
  try {
    return (await client.request("/")).status === 200;
  } finally {
    await client.close();
  }
}

/** The machine's load before the bench added its own. */
const loadBefore = loadavg();

/** The whole run stops (and stops wrangler) after this long, whatever happens. */
const overallCapMs = 15 * 60_000;
let server;

async function abort(reason) {
  log(`stopping: ${reason}`);
  await server?.stop();
  process.exit(1);
}

async function main() {
  const watchdog = setTimeout(() => abort(`the bench ran past ${overallCapMs / 60_000} minutes`), overallCapMs);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => abort(signal));
  try {
    log("starting wrangler dev ...");
    server = await startWrangler(probe);
    log(`wrangler dev is up on ${server.origin}`);
    const client = createClient(server.origin, { connections: concurrency });
    try {
      return await measure(client);
    } finally {
      await client.close();
      await server.stop();
    }
  } finally {
    clearTimeout(watchdog);
  }
}

async function measure(client) {
  const { request } = client;

  // 1. Cluster creation, one at a time so each figure is one create's latency.
  log(`creating ${clusterCreates} clusters ...`);
  let cluster;
  const creates = await runLoad({
    count: clusterCreates,
    concurrency: 1,
    capMs: caseCapMs,
    expect: 201,
    send: async () => {
      const r = await request("/api/clusters", { method: "POST", body: {} });
      if (r.status === 201 && !cluster) cluster = JSON.parse(r.text);
      return r.status;
    },
  });
  if (!cluster) throw new Error(`no cluster could be created: ${creates.firstError}`);
  const gone = JSON.parse((await request("/api/clusters", { method: "POST", body: { workers: 0 } })).text);
  if ((await request(`/api/clusters/${gone.id}`, { method: "DELETE", token: gone.token })).status !== 200) throw new Error("could not delete a cluster");
  bareClusterId = gone.id;
  const api = `/clusters/${cluster.id}`;
  const token = cluster.token;

  // Seed: a namespace holding exactly the pods the LIST returns.
  const ns = await request(`${api}/api/v1/namespaces`, { method: "POST", token, body: { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } } });
  if (ns.status !== 201) throw new Error(`creating namespace ${namespace}: ${ns.status} ${ns.text}`);
  log(`seeding ${seededPods} pods ...`);
  const seed = await runLoad({
    count: seededPods,
    concurrency,
    capMs: 120_000,
    expect: 201,
    send: async (i) => (await request(`${api}/api/v1/namespaces/${namespace}/pods`, { method: "POST", token, body: podBody(`pod-${i}`) })).status,
  });
  if (seed.errors || seed.capped) throw new Error(`seeding pods failed: ${seed.firstError ?? "ran out of time"}`);
  await checkShapes(request, api, token);

  const cases = [
    {
      key: "workerOnly",
      label: "Worker only (no token → 401, no DO)",
      count: 2_000,
      expect: 401,
      send: () => request(`/clusters/${bareClusterId}/version`),
    },
    {
      key: "bare",
      label: "bare DO round trip (404)",
      count: 2_000,
      expect: 404,
      send: () => request(`/clusters/${bareClusterId}/version`, { token: `${bareClusterId}.x` }),
    },
    {
      key: "get",
      label: "GET one pod",
      count: 2_000,
      expect: 200,
      send: (i) => request(`${api}/api/v1/namespaces/${namespace}/pods/pod-${i % seededPods}`, { token }),
    },
    {
      key: "listTable",
      label: `LIST ${seededPods} pods as Table`,
      count: 500,
      expect: 200,
      send: () => request(`${api}/api/v1/namespaces/${namespace}/pods`, { token, headers: { accept: tableAccept } }),
    },
    {
      key: "create",
      label: "create ConfigMap (generateName)",
      count: 1_000,
      expect: 201,
      send: () => request(`${api}/api/v1/namespaces/${namespace}/configmaps`, { method: "POST", token, body: configMapBody() }),
    },
  ];

  // Warm up every case (connections, JIT, the objects' caches) without counting, then run the cases in interleaved
  // rounds so that a busy machine slows them all alike and the ratios stay fair.
  for (const c of cases) {
    log(`warming up: ${c.label} ...`);
    await runLoad({ count: 50, concurrency, capMs: 10_000, expect: c.expect, send: async (i) => (await c.send(i)).status });
  }
  const runs = Object.fromEntries(cases.map((c) => [c.key, []]));
  for (let round = 0; round < rounds; round++) {
    log(`round ${round + 1} of ${rounds} ...`);
    for (const c of cases) {
      const done = runs[c.key].reduce((n, r) => n + r.requests, 0);
      const spentMs = runs[c.key].reduce((n, r) => n + r.elapsedMs, 0);
      const count = Math.min(c.count - done, Math.ceil(c.count / rounds));
      if (count <= 0 || spentMs >= caseCapMs) continue;
      const run = await runLoad({ count, concurrency, capMs: caseCapMs - spentMs, expect: c.expect, send: async (i) => (await c.send(done + i)).status });
      runs[c.key].push(run);
    }
  }
  const results = Object.fromEntries(cases.map((c) => [c.key, mergeRuns(runs[c.key], c.count)]));

  // One at a time: no queueing behind other requests, so the median is closer to the time the request itself costs.
  const sequential = {};
  for (const c of cases) {
    log(`one at a time: ${c.label} ...`);
    sequential[c.key] = await runLoad({ count: sequentialCount, concurrency: 1, capMs: 30_000, expect: c.expect, send: async (i) => (await c.send(c.count + i)).status });
  }
  return { creates, results, sequential, cases };
}

/** Fail loudly if a route does not answer what the figures claim to measure. */
async function checkShapes(request, api, token) {
  const bare = await request(`/clusters/${bareClusterId}/version`, { token: `${bareClusterId}.x` });
  if (bare.status !== 404 || !/does not exist/.test(bare.text)) throw new Error(`bare request: ${bare.status} ${bare.text}`);
  const list = await request(`${api}/api/v1/namespaces/${namespace}/pods`, { token, headers: { accept: tableAccept } });
  const table = JSON.parse(list.text);
  if (list.status !== 200 || table.kind !== "Table" || table.rows?.length !== seededPods) {
    throw new Error(`LIST as Table: ${list.status}, kind ${table.kind}, ${table.rows?.length} rows (want ${seededPods})`);
  }
  log(`LIST as Table: ${table.rows.length} rows, ${(list.text.length / 1024).toFixed(0)} KiB`);
}

/** Lines of a text table: first column left-aligned, the others right-aligned. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells) => "  " + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [fmt(header), "  " + widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)];
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : "-");

function print({ creates, results, sequential, cases }) {
  const bare = results.bare;
  const lines = [];
  lines.push("");
  lines.push("Cluster creation: POST /api/clusters, one at a time");
  lines.push(`  ${creates.requests} creates (${creates.errors} errors): median ${ms(creates.medianMs)} ms, p99 ${ms(creates.p99Ms)} ms`);
  lines.push("  Client-measured over loopback through wrangler dev: an upper bound on the server's time.");
  lines.push("");
  lines.push(`Apiserver through wrangler dev, concurrency ${concurrency}, keep-alive, ${rounds} interleaved rounds (client-measured):`);
  const header = ["case", "requests", "errors", "req/s", "median ms", "p99 ms", "median / bare"];
  const rows = cases.map((c) => {
    const r = results[c.key];
    return [c.label, String(r.requests) + (r.capped ? " (capped)" : ""), String(r.errors), r.rps.toFixed(0), ms(r.medianMs), ms(r.p99Ms), (r.medianMs / bare.medianMs).toFixed(2) + "×"];
  });
  lines.push(...table(header, rows));
  const ratio = results.get.medianMs / bare.medianMs;
  lines.push("");
  lines.push(`GET / bare (median latency): ${ratio.toFixed(2)}×  (goal ≤ 1.5×: ${ratio <= 1.5 ? "met" : "NOT met"})`);
  lines.push(`bare / GET (throughput):     ${(bare.rps / results.get.rps).toFixed(2)}×`);
  lines.push("");
  lines.push(`One at a time (concurrency 1, ${sequentialCount} requests each; "beyond bare" ≈ the work past a Durable Object round trip):`);
  const seqBare = sequential.bare.medianMs;
  const seqRows = cases.map((c) => {
    const r = sequential[c.key];
    return [c.label, String(r.requests), String(r.errors), ms(r.medianMs), ms(r.p99Ms), ms(r.medianMs - seqBare)];
  });
  lines.push(...table(["case", "requests", "errors", "median ms", "p99 ms", "beyond bare ms"], seqRows));
  for (const c of cases) {
    for (const r of [results[c.key], sequential[c.key]]) if (r.firstError) lines.push(`  ${c.label}: first error: ${r.firstError}`);
  }
  if (creates.firstError) lines.push(`  cluster creation: first error: ${creates.firstError}`);
  const fmtLoad = (l) => l.map((v) => v.toFixed(1)).join(" ");
  lines.push(`Machine: ${cpus().length} CPUs; load average ${fmtLoad(loadBefore)} before, ${fmtLoad(loadavg())} after (client, wrangler and workerd share them).`);
  console.log(lines.join("\n"));

  const round = (v) => Math.round(v * 100) / 100;
  const summarize = (r) => ({ requests: r.requests, errors: r.errors, rps: round(r.rps), medianMs: round(r.medianMs), p99Ms: round(r.p99Ms) });
  const machine = {
    concurrency,
    clusterCreate: summarize(creates),
    ...Object.fromEntries(cases.map((c) => [c.key, summarize(results[c.key])])),
    sequential: Object.fromEntries(cases.map((c) => [c.key, summarize(sequential[c.key])])),
    getOverBare: round(ratio),
    cpus: cpus().length,
    loadAverage1mBefore: round(loadBefore[0]),
  };
  console.log(JSON.stringify(machine));
}

main().then(print, (error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});
