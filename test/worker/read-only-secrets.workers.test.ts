// The read-only (share) token never sees a Secret's value: not in any object of any kind (as JSON or as a table),
// not in pod logs (whole, cut by tailLines/limitBytes, followed), not in Events or last-applied annotations, not in
// watch events, not on any dashboard page or its live stream — while the admin token sees everything as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { exports } from "cloudflare:workers";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kube, kubeJson, origin, WatchReader } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { create, settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

const ns = "vault";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

/** Values of every shape: short (3 characters, the shortest masked), multi-line, base64-like, JSON-hostile. */
const values = {
  short: "Zq7",
  multiline: "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END KEY-----\n",
  base64ish: "c2VjcmV0LXRva2Vu",
  quoted: 'p"w\\d<&>x',
  applied: "applied-key-4471",
};
/** A value too short to mask: logs that may carry it are withheld from the read-only token. */
const tiny = "x9";

function base64(text: string): string {
  let binary = "";
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

function htmlEscaped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Every way a value could show in an answer: as is, each line of it, base64, JSON-escaped (twice), HTML-escaped. */
function formsOf(value: string): string[] {
  const plain = [value, value.trim(), ...value.trim().split("\n")].filter((p) => p.trim().length >= 3);
  const forms = new Set<string>();
  for (const p of plain) {
    const once = JSON.stringify(p).slice(1, -1);
    for (const f of [p, once, JSON.stringify(once).slice(1, -1), htmlEscaped(p), htmlEscaped(once)]) forms.add(f);
  }
  forms.add(base64(value));
  return [...forms];
}

const secretForms = Object.values(values).flatMap(formsOf);

/** The secret forms found in `text` (none is the goal). */
function leaked(text: string): string[] {
  return secretForms.filter((f) => text.includes(f));
}

let cluster: CreatedCluster;
let t = fakeClockStart();
/** Every answer the read-only token got, by what was asked. */
const answers: Array<[string, string]> = [];

async function viewText(path: string, accept?: string): Promise<{ status: number; text: string }> {
  const response = await kube(cluster, path, { token: cluster.viewToken, accept });
  const text = await response.text();
  answers.push([`${accept ? "table " : ""}${path}`, text]);
  return { status: response.status, text };
}

async function adminText(path: string): Promise<string> {
  return (await kube(cluster, path)).text();
}

async function page(path: string): Promise<string> {
  const response = await exports.default.fetch(`${origin}/s/${cluster.viewToken}/${path}`);
  const text = await response.text();
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  answers.push([`page ${path}`, text]);
  return text;
}

function expectNoLeaks(): void {
  expect(answers.length).toBeGreaterThan(0);
  const found = answers.map(([what, text]) => [what, leaked(text)] as const).filter(([, forms]) => forms.length);
  expect(found).toEqual([]);
}

const script = [
  'echo "pw=$PASSWORD"',
  'echo "$CERT"',
  "echo token=$token",
  'echo "q=$quoted"',
  "echo applied=$APPLIED",
  "cat /etc/creds/password; echo",
  "cat /etc/creds/cert",
  "cat /etc/creds/token; echo",
  "sleep 3600",
].join("; ");

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
  cluster = await createCluster({ pace: "fast", workers: 1 });
  await create(cluster, "/api/v1/namespaces", { metadata: { name: ns } });
  await create(cluster, `/api/v1/namespaces/${ns}/secrets`, {
    metadata: { name: "app-creds" },
    stringData: { password: values.short, cert: values.multiline, token: values.base64ish, quoted: values.quoted },
  });
  await create(cluster, `/api/v1/namespaces/${ns}/secrets`, { metadata: { name: "tiny" }, stringData: { pin: tiny } });
  // As `kubectl apply` leaves it: the whole manifest, values included, in an annotation.
  const manifest = { apiVersion: "v1", kind: "Secret", metadata: { name: "applied", namespace: ns }, stringData: { key: values.applied } };
  const lastApplied = { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(manifest) + "\n" };
  await create(cluster, `/api/v1/namespaces/${ns}/secrets`, { ...manifest, metadata: { ...manifest.metadata, annotations: lastApplied } });
  // Another object carrying values in its own last-applied annotation and in its data (a careless copy).
  const copied = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "copied", namespace: ns }, data: { cert: values.multiline, quoted: values.quoted } };
  await create(cluster, `/api/v1/namespaces/${ns}/configmaps`, {
    ...copied,
    metadata: { ...copied.metadata, annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(copied) + "\n", note: `pw ${values.short}` } },
  });
  await create(cluster, `/api/v1/namespaces/${ns}/pods`, {
    metadata: { name: "leaky" },
    spec: {
      nodeName: "worker-1",
      volumes: [{ name: "creds", secret: { secretName: "app-creds" } }],
      containers: [
        {
          name: "sh",
          image: "busybox:1.36",
          command: ["sh", "-c", script],
          env: [
            { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "app-creds", key: "password" } } },
            { name: "CERT", valueFrom: { secretKeyRef: { name: "app-creds", key: "cert" } } },
            { name: "APPLIED", valueFrom: { secretKeyRef: { name: "applied", key: "key" } } },
          ],
          envFrom: [{ secretRef: { name: "app-creds" } }],
          volumeMounts: [{ name: "creds", mountPath: "/etc/creds" }],
        },
      ],
    },
  });
  await create(cluster, `/api/v1/namespaces/${ns}/pods`, {
    metadata: { name: "tiny-reader" },
    spec: {
      nodeName: "worker-1",
      containers: [{ name: "sh", image: "busybox:1.36", command: ["sh", "-c", "echo pin=$PIN; sleep 3600"], env: [{ name: "PIN", valueFrom: { secretKeyRef: { name: "tiny", key: "pin" } } }] }],
    },
  });
  // An Event whose message quotes values, as a careless controller or user might record.
  await create(cluster, `/api/v1/namespaces/${ns}/events`, {
    metadata: { name: "leaky.note" },
    involvedObject: { kind: "Pod", namespace: ns, name: "leaky", apiVersion: "v1" },
    reason: "Configured",
    message: `password ${values.short}, cert ${values.multiline}`,
    type: "Normal",
    source: { component: "test" },
  });
  for (let at = 100; at <= 2000; at += 100) await settle(cluster, t + at);
  t += 2000;
});

beforeEach(() => {
  answers.length = 0;
});

afterAll(() => {
  vi.useRealTimers();
});

describe("the admin token", () => {
  it("sees the values, as before: logs, the copied ConfigMap, the Event, the Secrets", async () => {
    const log = await adminText(`/api/v1/namespaces/${ns}/pods/leaky/log`);
    expect(log).toContain(`pw=${values.short}\n`);
    expect(log).toContain(values.multiline);
    expect(log).toContain(`token=${values.base64ish}\n`);
    expect(log).toContain(`q=${values.quoted}\n`);
    expect(log).toContain(`applied=${values.applied}\n`);
    expect(await adminText(`/api/v1/namespaces/${ns}/pods/tiny-reader/log`)).toBe(`pin=${tiny}\n`);
    const configMap = JSON.parse(await adminText(`/api/v1/namespaces/${ns}/configmaps/copied`));
    expect(configMap.data.cert).toBe(values.multiline);
    expect(configMap.metadata.annotations.note).toBe(`pw ${values.short}`);
    const event = JSON.parse(await adminText(`/api/v1/namespaces/${ns}/events/leaky.note`));
    expect(event.message).toContain(values.multiline);
    const secret = JSON.parse(await adminText(`/api/v1/namespaces/${ns}/secrets/applied`));
    expect(secret.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toContain(values.applied);
    expect(secret.data.key).toBe(base64(values.applied));
  });
});

describe("the read-only token", () => {
  it("gets no value in any list or table of any kind, nor in any object of the namespace", async () => {
    const groups = [{ path: "/api/v1" }];
    const apis = JSON.parse((await viewText("/apis")).text);
    for (const g of apis.groups) groups.push({ path: `/apis/${g.preferredVersion.groupVersion}` });
    let kinds = 0;
    for (const { path } of groups) {
      const list = JSON.parse((await viewText(path)).text);
      for (const r of list.resources) {
        if (r.name.includes("/") || !r.verbs.includes("list")) continue;
        kinds += 1;
        const all = await viewText(`${path}/${r.name}`);
        expect(all.status, `${path}/${r.name}`).toBe(200);
        expect((await viewText(`${path}/${r.name}?includeObject=Object`, tableAccept)).status).toBe(200);
        if (!r.namespaced) continue;
        for (const item of JSON.parse(all.text).items) {
          if (item.metadata.namespace !== ns) continue;
          await viewText(`${path}/namespaces/${ns}/${r.name}/${encodeURIComponent(item.metadata.name)}`);
          await viewText(`${path}/namespaces/${ns}/${r.name}/${encodeURIComponent(item.metadata.name)}?includeObject=Object`, tableAccept);
        }
      }
    }
    expect(kinds).toBeGreaterThan(15);
    // The values were there to find: the Event and the ConfigMap are listed, masked.
    const event = JSON.parse((await viewText(`/api/v1/namespaces/${ns}/events/leaky.note`)).text);
    expect(event.message).toBe("password ***, cert ***");
    const configMap = JSON.parse((await viewText(`/api/v1/namespaces/${ns}/configmaps/copied`)).text);
    expect(configMap.data).toEqual({ cert: "***", quoted: "***" });
    expect(configMap.metadata.annotations.note).toBe("pw ***");
    expect(JSON.parse(configMap.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"])).toMatchObject({ data: { cert: "***", quoted: "***" } });
    expectNoLeaks();
  });

  it("gets pod logs with every value masked, however the log is cut", async () => {
    const base = `/api/v1/namespaces/${ns}/pods/leaky/log`;
    const whole = await viewText(base);
    expect(whole.status).toBe(200);
    expect(whole.text).toContain("pw=***\n");
    expect(whole.text).toContain("token=***\n");
    expect(whole.text).toContain("applied=***\n");
    // Cuts apply to the masked text: a cut never shows part of a value.
    for (let n = 1; n <= 12; n++) expect(whole.text.endsWith((await viewText(`${base}?tailLines=${n}`)).text)).toBe(true);
    for (let n = 1; n <= 120; n += 3) expect(whole.text.startsWith((await viewText(`${base}?limitBytes=${n}`)).text)).toBe(true);
    await viewText(`${base}?timestamps=true`);
    await viewText(`${base}?sinceSeconds=3600&timestamps=true&tailLines=3`);
    expectNoLeaks();
  });

  it("gets no log of a container that reads a value too short to mask (403), the admin does", async () => {
    const { status, text } = await viewText(`/api/v1/namespaces/${ns}/pods/tiny-reader/log`);
    expect(status).toBe(403);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ kind: "Status", reason: "Forbidden", code: 403 });
    expect(body.message).toContain("shorter than 3 characters");
    expect(text).not.toContain(tiny);
    expect((await kube(cluster, `/api/v1/namespaces/${ns}/pods/tiny-reader/log`)).status).toBe(200);
  });

  it("gets masked log follow streams", async () => {
    const response = await kube(cluster, `/api/v1/namespaces/${ns}/pods/leaky/log?follow=true`, { token: cluster.viewToken });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    try {
      while (!text.includes("applied=")) text += decoder.decode((await reader.read()).value);
    } finally {
      await reader.cancel();
    }
    answers.push(["follow", text]);
    expect(text).toContain("pw=***\n");
    expectNoLeaks();
  });

  it("gets masked watch events, as objects and as tables", async () => {
    for (const resource of ["secrets", "configmaps", "events", "pods"]) {
      for (const accept of [undefined, tableAccept]) {
        const count = JSON.parse(await adminText(`/api/v1/namespaces/${ns}/${resource}`)).items.length;
        const reader = new WatchReader(
          await kube(cluster, `/api/v1/namespaces/${ns}/${resource}?watch=true${accept ? "&includeObject=Object" : ""}`, { token: cluster.viewToken, accept }),
        );
        try {
          const events = await reader.take(count);
          expect(events.every((e) => e.type === "ADDED")).toBe(true);
          answers.push([`watch ${resource}`, JSON.stringify(events)]);
        } finally {
          await reader.cancel();
        }
      }
    }
    // A change after the watch opened is masked too.
    const existing = JSON.parse(await adminText(`/api/v1/namespaces/${ns}/configmaps`)).items.length;
    const reader = new WatchReader(await kube(cluster, `/api/v1/namespaces/${ns}/configmaps?watch=true`, { token: cluster.viewToken }));
    try {
      await reader.take(existing);
      await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`, { method: "POST", body: { metadata: { name: "later" }, data: { again: values.base64ish } } });
      let event = await reader.next();
      while (event.object.metadata.name !== "later") event = await reader.next();
      expect(event.object.data).toEqual({ again: "***" });
      answers.push(["watch later", JSON.stringify(event)]);
    } finally {
      await reader.cancel();
    }
    expectNoLeaks();
  });

  it("sees no value on any dashboard page, the pod's page with its logs included, nor in the live stream", async () => {
    for (const path of ["", "workloads", "services", "config", "namespaces", "events", `?ns=${ns}`, `events?ns=${ns}`, `config?ns=${ns}`]) await page(path);
    const podPage = await page(`objects/core~v1/pods/${ns}/leaky`);
    expect(podPage).toContain("pw=***");
    expect(podPage).toContain("token=***");
    const tinyPage = await page(`objects/core~v1/pods/${ns}/tiny-reader`);
    expect(tinyPage).toContain("Logs unavailable");
    for (const path of [`objects/core~v1/secrets/${ns}/app-creds`, `objects/core~v1/secrets/${ns}/applied`, `objects/core~v1/configmaps/${ns}/copied`, `objects/core~v1/events/${ns}/leaky.note`]) {
      await page(path);
    }
    const live = await exports.default.fetch(`${origin}/s/${cluster.viewToken}/live?page=config`);
    const reader = live.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`, { method: "POST", body: { metadata: { name: "live-change" }, data: { v: values.short } } });
    while (!text.includes("event: change")) text += decoder.decode((await reader.read()).value);
    await reader.cancel();
    answers.push(["live", text]);
    expectNoLeaks();
  });

  it("a value a Secret held before an update or its deletion stays masked (in an Event that quotes it)", async () => {
    await create(cluster, `/api/v1/namespaces/${ns}/secrets`, { metadata: { name: "rotating" }, stringData: { key: "first-value-551" } });
    await create(cluster, `/api/v1/namespaces/${ns}/events`, {
      metadata: { name: "rotating.note" },
      involvedObject: { kind: "Secret", namespace: ns, name: "rotating", apiVersion: "v1" },
      reason: "Noted",
      message: "was first-value-551",
      type: "Normal",
      source: { component: "test" },
    });
    const replaced = await kubeJson(cluster, `/api/v1/namespaces/${ns}/secrets/rotating`, {
      method: "PUT",
      body: { apiVersion: "v1", kind: "Secret", metadata: { name: "rotating" }, stringData: { key: "second-value-662" } },
    });
    expect(replaced.status).toBe(200);
    const path = `/api/v1/namespaces/${ns}/events/rotating.note`;
    expect(JSON.parse((await viewText(path)).text).message).toBe("was ***");
    expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}/secrets/rotating`, { method: "DELETE" })).status).toBe(200);
    await create(cluster, `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: "after-delete" }, data: { v: "second-value-662" } });
    expect(JSON.parse((await viewText(`/api/v1/namespaces/${ns}/configmaps/after-delete`)).text).data.v).toBe("***");
    expect(JSON.parse(await adminText(path)).message).toBe("was first-value-551");
  });

  it("the test's detector works: the admin token's answers do leak", async () => {
    const log = await adminText(`/api/v1/namespaces/${ns}/pods/leaky/log`);
    const admin = await exports.default.fetch(`${origin}/s/${cluster.token}/objects/core~v1/configmaps/${ns}/copied`);
    const html = await admin.text();
    expect(leaked(log).length).toBeGreaterThan(5);
    expect(leaked(html).length).toBeGreaterThan(0);
  });
});
