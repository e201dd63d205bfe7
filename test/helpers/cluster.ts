// Helpers for Workers-runtime tests: create a sandbox through the Worker and call its Kubernetes API.
import { env, exports } from "cloudflare:workers";
import type { CreatedCluster } from "../../src/api/platform";

export const origin = "http://127.0.0.1:8787";

/** The first request wakes the Durable Object module (several seconds); later ones take milliseconds. */
export const coldStartMs = 60_000;

export async function createCluster(options?: Record<string, unknown>): Promise<CreatedCluster> {
  const response = await exports.default.fetch(`${origin}/api/clusters`, {
    method: "POST",
    ...(options ? { body: JSON.stringify(options), headers: { "Content-Type": "application/json" } } : {}),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedCluster;
}

export interface KubeInit {
  method?: string;
  body?: unknown;
  /** Raw body (string or bytes): sent as is. */
  raw?: BodyInit;
  contentType?: string;
  accept?: string;
  token?: string;
  headers?: Record<string, string>;
}

/**
 * A request to the cluster's Kubernetes API (path like `/api/v1/namespaces`), with the admin token by default.
 * Throws on any 5xx, so no test in these files can pass over an internal error.
 */
export async function kube(cluster: CreatedCluster, path: string, init: KubeInit = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? cluster.token}`, ...init.headers };
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  if (init.accept) headers.accept = init.accept;
  const response = await exports.default.fetch(`${origin}/clusters/${cluster.id}${path}`, { method: init.method ?? "GET", headers, body });
  if (response.status >= 500) throw new Error(`server error ${response.status} on ${init.method ?? "GET"} ${path}: ${await response.text()}`);
  return response;
}

/** Call and parse JSON; fails the test on a 5xx so no file can hide an internal error. */
export async function kubeJson<T = any>(cluster: CreatedCluster, path: string, init: KubeInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await kube(cluster, path, init);
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    body = text as T;
  }
  return { status: response.status, body, headers: response.headers };
}

/** The cluster's current revision (the resourceVersion of a fresh list). */
export async function revisionOf(cluster: CreatedCluster): Promise<number> {
  const { body } = await kubeJson(cluster, "/api/v1/namespaces");
  return Number(body.metadata.resourceVersion);
}

export function clusterStub(id: string) {
  return env.CLUSTER.getByName(id);
}

/** Reads newline-delimited watch events; always call `cancel()` when done. */
export class WatchReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private buffer = "";
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    this.reader = response.body!.getReader();
  }

  /** The next non-empty line as JSON, or undefined at the end of the stream. */
  async next(): Promise<any | undefined> {
    for (;;) {
      const newline = this.buffer.indexOf("\n");
      if (newline >= 0) {
        const line = this.buffer.slice(0, newline).trim();
        this.buffer = this.buffer.slice(newline + 1);
        if (line) return JSON.parse(line);
        continue;
      }
      const { done, value } = await this.reader.read();
      if (done) return undefined;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  async take(n: number): Promise<any[]> {
    const out: any[] = [];
    for (let i = 0; i < n; i++) out.push(await this.next());
    return out;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}
