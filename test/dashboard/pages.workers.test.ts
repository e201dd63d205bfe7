// The dashboard through the Worker: every page renders for a fresh cluster, hostile text is escaped, Secret values
// never show, the share credential cannot write, rotation breaks old links, CSP and read-only methods.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kube, kubeJson, origin } from "../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

function get(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`${origin}${path}`, init);
}

function sharePath(token = cluster.viewToken): string {
  return `/s/${token}/`;
}

const pages = ["", "workloads", "services", "config", "namespaces", "events", "?ns=default", "workloads?ns=kube-system"];

beforeAll(async () => {
  cluster = await createCluster();
});

describe("creation answer", () => {
  it("has shareUrl and dashboardUrl, both the view token's dashboard link", () => {
    expect(cluster.shareUrl).toBe(`${origin}/s/${cluster.viewToken}/`);
    expect(cluster.dashboardUrl).toBe(cluster.shareUrl);
  });
});

describe("pages of a fresh cluster", () => {
  it.each(pages)("/s/<token>/%s renders a complete HTML page with the strict CSP", async (page) => {
    const response = await get(`${sharePath()}${page}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const html = await response.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("</html>");
    expect(html).toContain("Shared view");
    expect(html).not.toMatch(/<form|<button/i);
    expect(html).not.toMatch(/<script>|<style|style=|\son[a-z]+=/i);
  });

  it("the overview shows every node as a card and the control plane's pods", async () => {
    const html = await (await get(sharePath())).text();
    const nodes = await kubeJson(cluster, "/api/v1/nodes");
    expect(nodes.body.items.length).toBeGreaterThan(0);
    for (const node of nodes.body.items) expect(html).toContain(`>${node.metadata.name}</a>`);
    const pods = await kubeJson(cluster, "/api/v1/pods");
    for (const pod of pods.body.items) expect(html).toContain(pod.metadata.name);
  });

  it("a pod's state is the STATUS column of the cluster's Table (kubectl get pods), and a kind's columns are the Table's", async () => {
    const { body: table } = await kubeJson(cluster, "/api/v1/pods", { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
    const status = table.columnDefinitions.findIndex((c: { name: string }) => c.name === "Status");
    expect(status).toBeGreaterThan(0);
    const html = await (await get(sharePath())).text();
    for (const row of table.rows) {
      const { namespace, name } = row.object.metadata;
      expect(html).toMatch(new RegExp(`>${namespace}/${name}</a> <span class="state s-[a-z]+">${row.cells[status]}</span>`));
    }
    const { body: services } = await kubeJson(cluster, "/api/v1/services", { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
    const page = await (await get(`${sharePath()}services`)).text();
    for (const column of services.columnDefinitions.filter((c: { priority: number; name: string }) => c.priority === 0 && c.name !== "Name")) {
      expect(page).toContain(`<th scope="col">${column.name}</th>`);
    }
  });

  it("the admin token opens the same pages without the shared-view label", async () => {
    const html = await (await get(sharePath(cluster.token))).text();
    expect(html).not.toContain("Shared view");
    expect(html).toContain("Read-only dashboard");
  });

  it("a fragment answer is only the <main> content", async () => {
    const html = await (await get(`${sharePath()}config?fragment=1`)).text();
    expect(html).not.toContain("<html");
    expect(html).toContain("<h1>Configuration</h1>");
  });

  it("detail pages render for a node, a namespace and a pod", async () => {
    const node = (await kubeJson(cluster, "/api/v1/nodes")).body.items[0].metadata.name;
    const pod = (await kubeJson(cluster, "/api/v1/namespaces/kube-system/pods")).body.items[0]?.metadata.name;
    const paths = [`objects/core~v1/nodes/_/${node}`, "objects/core~v1/namespaces/_/default"];
    if (pod) paths.push(`objects/core~v1/pods/kube-system/${pod}`);
    for (const path of paths) {
      const response = await get(`${sharePath()}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html).toContain("<h2 id=\"yaml\">YAML</h2>");
    }
    if (pod) expect(await (await get(`${sharePath()}objects/core~v1/pods/kube-system/${pod}`)).text()).toContain("Logs (last 50 lines)");
  });

  it("a missing object answers a 404 page inside the dashboard", async () => {
    const response = await get(`${sharePath()}objects/core~v1/pods/default/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("There is no pods named nothing-here in namespace default");
  });
});

describe("escaping", () => {
  const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

  it("labels, annotations and event messages with markup show literally", async () => {
    const created = await kubeJson(cluster, "/api/v1/namespaces/default/configmaps", {
      method: "POST",
      body: {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "hostile", labels: { app: "x-script-x" }, annotations: { note: hostile } },
        data: { [`key`]: hostile },
      },
    });
    expect(created.status).toBe(201);
    const event = await kubeJson(cluster, "/api/v1/namespaces/default/events", {
      method: "POST",
      body: {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: "hostile.1" },
        involvedObject: { apiVersion: "v1", kind: "ConfigMap", name: "hostile", namespace: "default", uid: created.body.metadata.uid },
        reason: "Hostile",
        message: hostile,
        type: "Warning",
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:00:00Z",
      },
    });
    expect(event.status).toBe(201);
    for (const path of ["events", "objects/core~v1/configmaps/default/hostile"]) {
      const html = await (await get(`${sharePath()}${path}`)).text();
      expect(html, path).not.toContain("<script>alert");
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    }
  });
});

describe("escaping of log lines", () => {
  it("a container's log lines with markup show literally (or the log's error message does)", async () => {
    const created = await kubeJson(cluster, "/api/v1/namespaces/default/pods", {
      method: "POST",
      body: {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "noisy", labels: { app: "noisy" } },
        spec: { containers: [{ name: "echo", image: "busybox", command: ["sh", "-c", "echo '<script>alert(1)</script>'; sleep 3600"] }] },
      },
    });
    expect(created.status).toBe(201);
    const log = await (await kube(cluster, "/api/v1/namespaces/default/pods/noisy/log?container=echo&tailLines=50")).text();
    const html = await (await get(`${sharePath()}objects/core~v1/pods/default/noisy`)).text();
    expect(html).toContain("Container echo");
    expect(html).not.toContain("<script>alert(1)");
    if (log.includes("<script>alert(1)</script>")) expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    else expect(html).toContain("Logs unavailable:");
  });
});

describe("Secrets", () => {
  const secretValue = "s3cr3t-V4LUE-never-shown";

  it("a Secret's value never appears on any page, for either token, nor in the YAML view", async () => {
    const created = await kubeJson(cluster, "/api/v1/namespaces/default/secrets", {
      method: "POST",
      body: { apiVersion: "v1", kind: "Secret", metadata: { name: "db-password" }, stringData: { password: secretValue } },
    });
    expect(created.status).toBe(201);
    const encoded = btoa(secretValue);
    for (const token of [cluster.viewToken, cluster.token]) {
      for (const path of [...pages, "objects/core~v1/secrets/default/db-password", "config?ns=default"]) {
        const html = await (await get(`${sharePath(token)}${path}`)).text();
        expect(html, path).not.toContain(secretValue);
        expect(html, path).not.toContain(encoded);
      }
      const detail = await (await get(`${sharePath(token)}objects/core~v1/secrets/default/db-password`)).text();
      expect(detail).toContain("password: (value hidden)");
    }
    const config = await (await get(`${sharePath()}config`)).text();
    expect(config).toContain("db-password");
    expect(config).toContain("password");
  });
});

describe("read-only", () => {
  it("the share credential cannot write through the Kubernetes API", async () => {
    const { status, body } = await kubeJson(cluster, "/api/v1/namespaces/default/configmaps", {
      method: "POST",
      token: cluster.viewToken,
      body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "from-viewer" } },
    });
    expect(status).toBe(403);
    expect(body.kind).toBe("Status");
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s under /s/ answers 405", async (method) => {
    for (const path of ["", "config", "live", "objects/core~v1/namespaces/_/default"]) {
      const response = await get(`${sharePath()}${path}`, { method, body: method === "DELETE" ? undefined : "{}" });
      expect(response.status, path).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
    }
  });
});

describe("live stream", () => {
  it("answers an event stream with streaming headers and says change after a write", async () => {
    const response = await get(`${sharePath()}live?page=config`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("content-encoding")).toBe("identity");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain("retry:");
    await kubeJson(cluster, "/api/v1/namespaces/default/configmaps", { method: "POST", body: { metadata: { name: "live-one" } } });
    while (!text.includes("event: change")) text += decoder.decode((await reader.read()).value);
    await reader.cancel();
  });
});

describe("share link rotation", () => {
  it("the admin rotates the read-only token: the old link answers the 404 page, the new one works", async () => {
    const own = await createCluster({ workers: 1 });
    const denied = await get(`/api/clusters/${own.id}/share/rotate`, { method: "POST", headers: { authorization: `Bearer ${own.viewToken}` } });
    expect(denied.status).toBe(403);
    const response = await get(`/api/clusters/${own.id}/share/rotate`, { method: "POST", headers: { authorization: `Bearer ${own.token}` } });
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as { viewToken: string; shareUrl: string; dashboardUrl: string };
    expect(rotated.viewToken).not.toBe(own.viewToken);
    expect(rotated.shareUrl).toBe(`${origin}/s/${rotated.viewToken}/`);
    expect(rotated.dashboardUrl).toBe(rotated.shareUrl);
    const old = await get(`/s/${own.viewToken}/`);
    expect(old.status).toBe(404);
    expect(await old.text()).toContain("This sandbox no longer exists or the link was replaced.");
    expect((await kubeJson(own, "/api/v1/nodes", { token: own.viewToken })).status).toBe(401);
    const fresh = await get(`/s/${rotated.viewToken}/`);
    expect(fresh.status).toBe(200);
    expect((await kubeJson(own, "/api/v1/nodes", { token: rotated.viewToken })).status).toBe(200);
  });

  it("a deleted cluster's link answers the 404 page", async () => {
    const own = await createCluster({ workers: 0 });
    await get(`/api/clusters/${own.id}`, { method: "DELETE", headers: { authorization: `Bearer ${own.token}` } });
    const response = await get(`/s/${own.viewToken}/events`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).toContain("no longer exists");
  });
});

describe("landing page", () => {
  it("is a page with the one form, which creates a cluster and shows its credentials", async () => {
    const landing = await get("/");
    expect(landing.status).toBe(200);
    const html = await landing.text();
    expect(html).toContain('<form method="post" action="/create">');
    const created = await get("/create", { method: "POST" });
    expect(created.status).toBe(201);
    const page = await created.text();
    expect(page).toMatch(/\/s\/[a-z2-7]{36}\.[a-z2-7]{32}\//);
    expect(page).toContain("kind: Config");
    expect(page).toContain("kubectl get nodes");
  });

  it("serves the live script and the stylesheet", async () => {
    const js = await get("/assets/live.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain("EventSource");
    const css = await get("/assets/dashboard.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });
});
