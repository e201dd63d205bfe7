// The bad-input corpus: several hundred malformed requests (every verb, content type and kind) against one cluster in
// the Workers runtime. Each must get the Status Kubernetes answers (code, and message where pinned), never a 5xx, and
// must change nothing: the cluster's revision (which every commit moves) is the same before and after each case.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, origin } from "../../helpers/cluster";
import type { BadInputCase } from "./bad-input/case";
import { cases as kindCases } from "./bad-input/kinds";
import { cases as patchCases } from "./bad-input/patch";
import { cases as requestCases } from "./bad-input/request";
import { seeds } from "./bad-input/paths";
import { cases as verbCases } from "./bad-input/verbs";
import { cases as watchListCases } from "./bad-input/watch-list";

vi.setConfig({ testTimeout: 600_000, hookTimeout: coldStartMs });

/** Every case file of the corpus; a new file is listed here. */
const files: Record<string, BadInputCase[]> = {
  request: requestCases,
  patch: patchCases,
  "watch-list": watchListCases,
  verbs: verbCases,
  kinds: kindCases,
};

let cluster: CreatedCluster;

async function send(path: string, init: { method: string; body?: BodyInit; contentType?: string; headers?: Record<string, string> }): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { authorization: `Bearer ${cluster.token}`, ...init.headers };
    if (init.body !== undefined && init.contentType !== "") headers["content-type"] = init.contentType ?? "application/json";
    const response = await exports.default.fetch(`${origin}/clusters/${cluster.id}${path}`, { method: init.method, headers, body: init.body });
    // The cluster's own rate limit (500 requests/s) is no answer to the case: wait it out.
    if (response.status !== 429 || attempt > 10 || !/requests per second/.test(await response.clone().text())) return response;
    await new Promise((resolve) => setTimeout(resolve, 1100));
  }
}

async function revision(): Promise<number> {
  const response = await send("/api/v1/namespaces", { method: "GET" });
  return Number(((await response.json()) as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
}

/** Waits until nothing writes any more (the seeded pod and deployment settle), so that a moved revision is the case's. */
async function settled(): Promise<number> {
  let last = await revision();
  for (let quiet = 0, i = 0; quiet < 5 && i < 150; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await revision();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

interface Outcome {
  status: number;
  body: unknown;
  text: string;
}

async function run(c: BadInputCase): Promise<Outcome> {
  const response = await send(c.path, { method: c.method, body: c.body as BodyInit | undefined, contentType: c.contentType, headers: c.headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

const counts = { cases: 0, "4xx": 0, "2xx": 0, "5xx": 0, other: 0 };

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
  for (const [path, body] of seeds) {
    const response = await send(path, { method: "POST", body: JSON.stringify(body) });
    expect(response.status, `seeding ${path}: ${await response.clone().text()}`).toBe(201);
  }
  await settled();
});

describe("bad-input corpus", () => {
  for (const [file, cases] of Object.entries(files)) {
    it(`${file}: every case gets its Status and changes nothing`, async () => {
      const failures: string[] = [];
      for (const c of cases) {
        let before = await revision();
        let outcome = await run(c);
        let after = await revision();
        if (after !== before && outcome.status === c.code) {
          // Something else may have written meanwhile: settle and try once more; a case that writes writes again.
          before = await settled();
          outcome = await run(c);
          after = await revision();
        }
        counts.cases++;
        const bucket = outcome.status >= 500 ? "5xx" : outcome.status >= 400 ? "4xx" : outcome.status >= 200 && outcome.status < 300 ? "2xx" : "other";
        counts[bucket]++;
        const problems: string[] = [];
        if (outcome.status !== c.code) problems.push(`got ${outcome.status}, want ${c.code}`);
        if (after !== before) problems.push(`the revision moved from ${before} to ${after}`);
        if (c.code >= 400) {
          const status = outcome.body as { kind?: string; code?: number; status?: string; message?: string } | undefined;
          if (status?.kind !== "Status" || status.status !== "Failure" || status.code !== outcome.status) problems.push("the answer is not a failure Status");
          const message = status?.message ?? "";
          if (typeof c.message === "string" && message !== c.message) problems.push(`message ${JSON.stringify(message)}, want ${JSON.stringify(c.message)}`);
          if (c.message instanceof RegExp && !c.message.test(message)) problems.push(`message ${JSON.stringify(message)} does not match ${c.message}`);
        }
        if (problems.length) failures.push(`${c.method} ${c.path.slice(0, 120)} (${c.name}): ${problems.join("; ")} :: ${outcome.text.slice(0, 300)}`);
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }

  it("a chunked body over 3 MiB gets the 413 after it was read, as one with a Content-Length does", async () => {
    const before = await revision();
    for (const megabytes of [4, 20]) {
      const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= megabytes * 1024 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const response = await send("/api/v1/namespaces/default/configmaps", { method: "POST", body });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ kind: "Status", code: 413, reason: "RequestEntityTooLarge" });
      // The whole body was consumed (drained), not cut off at the limit.
      expect(sent).toBe(megabytes * 1024 * 1024);
    }
    expect(await revision()).toBe(before);
  });

  it("prints the counts", () => {
    console.log(`bad-input corpus: ${counts.cases} cases, ${counts["4xx"]} 4xx, ${counts["2xx"]} 2xx, ${counts["5xx"]} 5xx, ${counts.other} other`);
    expect(counts["5xx"]).toBe(0);
  });
});
