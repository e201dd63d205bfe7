// End-to-end: the read-only dashboard in real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core). Opens a share link, sees nodes and pods, watches kubectl's changes appear without a reload,
// finds no control that writes, and never sees a Secret's value. Screenshots go to test-artifacts/.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { acquireServer, createCluster, deleteCluster, platformRequest } from "./harness.mjs";
import { kubectl, kubectlBinary } from "./kubectl.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const artifacts = join(root, "test-artifacts");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const kubectlVersion = ["1.33", "1.30", "1.27"].find((v) => kubectlBinary(v));
const secretValue = "e2e-S3CRET-value-must-not-show";
const sections = ["", "workloads", "services", "config", "namespaces", "events"];

let server;
let cluster;
let browser;
let userDataDir;

async function api(method, path, body) {
  const res = await platformRequest(method, `${cluster.server}${path}`, { token: cluster.token, body });
  assert.ok(res.status < 300, `${method} ${path} answered ${res.status}: ${res.body}`);
  return res.json;
}

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `dashboard-${name}.png`), fullPage: true });
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await acquireServer();
  cluster = await createCluster(server.origin, { name: "e2e-dashboard", workers: 2 });
  userDataDir = mkdtempSync(join(tmpdir(), "kube-sandbox-chromium-"));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  if (cluster) await deleteCluster(server.origin, cluster).catch(() => {});
  await server?.release();
});

describe("dashboard in Chromium", () => {
  it("the share link shows every node as a card and the pods on them", async () => {
    assert.match(cluster.shareUrl, /\/s\/[a-z2-7]{36}\.[a-z2-7]{32}\/$/);
    const page = await browser.newPage();
    const response = await page.goto(cluster.shareUrl);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-security-policy"], /script-src 'self'/);
    const nodes = (await api("GET", "/api/v1/nodes")).items;
    assert.equal(await page.locator("article.node").count(), nodes.length);
    for (const node of nodes) assert.ok(await page.getByRole("link", { name: node.metadata.name, exact: true }).isVisible());
    const pods = (await api("GET", "/api/v1/pods")).items;
    assert.ok(pods.length > 0, "a fresh cluster has control-plane pods");
    for (const pod of pods) assert.equal(await page.locator("li.pod", { hasText: pod.metadata.name }).count(), 1, pod.metadata.name);
    assert.ok(await page.getByText("Shared view · read-only").isVisible());
    await shot(page, "overview");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "overview-phone");
    await page.close();
  });

  it("what the API creates appears without a reload", async () => {
    const page = await browser.newPage();
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await page.goto(`${cluster.shareUrl}config`);
    await page.evaluate(() => (window.__sameDocument = true));
    const before = navigations;
    await api("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "appears-live" }, data: { greeting: "hello" } });
    await page.getByRole("link", { name: "appears-live" }).waitFor({ timeout: 5_000 });
    assert.equal(navigations, before, "no navigation happened");
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    await shot(page, "config-live");
    await page.close();
  });

  it("a Deployment created with kubectl shows, and so do its pods, without a reload", async (t) => {
    const served = await platformRequest("GET", `${cluster.server}/apis/apps/v1/deployments`, { token: cluster.token });
    if (served.status !== 200) return t.skip("the cluster does not serve deployments yet");
    assert.ok(kubectlVersion, "a kubectl binary is available");
    const page = await browser.newPage();
    await page.goto(`${cluster.shareUrl}workloads`);
    await page.evaluate(() => (window.__sameDocument = true));
    const created = await kubectl(kubectlVersion, ["create", "deployment", "web", "--image=nginx", "--replicas=3"], { kubeconfig: cluster.kubeconfigPath });
    assert.equal(created.code, 0, created.stderr);
    await page.getByRole("link", { name: "web", exact: true }).first().waitFor({ timeout: 5_000 });
    await shot(page, "workloads-live");
    // Pods come once a ReplicaSet controller runs; when they exist, the overview shows them live too.
    await page.goto(cluster.shareUrl);
    await page.evaluate(() => (window.__sameDocument = true));
    let pods = [];
    for (let i = 0; i < 40 && pods.length === 0; i++) {
      pods = (await api("GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb")).items;
      if (!pods.length) await new Promise((r) => setTimeout(r, 250));
    }
    if (!pods.length) return t.diagnostic("no pods of the Deployment yet (no ReplicaSet controller in this build)");
    for (const pod of pods) await page.locator("li.pod, tr", { hasText: pod.metadata.name }).first().waitFor({ timeout: 5_000 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "the pods appeared without a reload");
    await shot(page, "overview-deployment");
    await page.close();
  });

  it("no dashboard page has a control that writes", async () => {
    const page = await browser.newPage();
    const node = (await api("GET", "/api/v1/nodes")).items[0].metadata.name;
    for (const path of [...sections, `objects/core~v1/nodes/_/${node}`, "objects/core~v1/namespaces/_/default"]) {
      const response = await page.goto(`${cluster.shareUrl}${path}`);
      assert.equal(response.status(), 200, path);
      assert.equal(await page.locator("form, button, input, select, textarea, [contenteditable]").count(), 0, path);
    }
    await shot(page, "namespace-detail");
    await page.close();
  });

  it("a Secret's value never appears in any page", async () => {
    await api("POST", "/api/v1/namespaces/default/secrets", { metadata: { name: "e2e-secret" }, stringData: { token: secretValue } });
    const page = await browser.newPage();
    const encoded = Buffer.from(secretValue).toString("base64");
    for (const base of [cluster.shareUrl, cluster.shareUrl.replace(cluster.viewToken, cluster.token)]) {
      for (const path of [...sections, "objects/core~v1/secrets/default/e2e-secret"]) {
        await page.goto(`${base}${path}`);
        const html = await page.content();
        assert.ok(!html.includes(secretValue) && !html.includes(encoded), `${path} shows the Secret's value`);
      }
    }
    assert.ok(await page.getByText("token: (value hidden)").isVisible());
    await shot(page, "secret-detail");
    await page.close();
  });
});
