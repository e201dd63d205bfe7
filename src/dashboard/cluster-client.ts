// The dashboard's way into a cluster: Kubernetes API requests to the cluster's Durable Object with the share link's
// token, exactly as the kube proxy forwards kubectl's. Authorization and Secret redaction stay the cluster's.
import type { KubeObject } from "../api/object";
import { liveFeedPath } from "../cluster/apiserver/live-feed";
import type { Env } from "../env";

export interface KubeListBody {
  metadata?: { resourceVersion?: string };
  items: KubeObject[];
}

/** A non-2xx answer of the cluster, with the Status message when there is one. */
export class ClusterRequestError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export class ClusterClient {
  constructor(
    private readonly env: Env,
    readonly clusterId: string,
    private readonly token: string,
  ) {}

  /** One request to the cluster's Kubernetes API; `path` is as kubectl sends it without the cluster prefix. */
  fetch(path: string, init: { accept?: string; signal?: AbortSignal } = {}): Promise<Response> {
    const headers = new Headers({
      authorization: `Bearer ${this.token}`,
      "x-sandbox-path": path.split("?")[0],
      accept: init.accept ?? "application/json",
    });
    const request = new Request(`https://cluster.internal${path}`, { headers, signal: init.signal });
    return this.env.CLUSTER.getByName(this.clusterId).fetch(request);
  }

  /** The cluster's live feed (an SSE stream) for pages showing these kinds; a Status answer when refused. */
  live(kinds: Array<{ group: string; version: string; resource: string }>): Promise<Response> {
    const query = kinds.map((k) => `resource=${encodeURIComponent(`${k.group}/${k.version}/${k.resource}`)}`).join("&");
    return this.fetch(`${liveFeedPath}?${query}`, { accept: "text/event-stream" });
  }

  async getJson<T = KubeObject>(path: string): Promise<T> {
    const response = await this.fetch(path);
    const text = await response.text();
    if (!response.ok) throw new ClusterRequestError(response.status, statusMessage(text) ?? `the cluster answered ${response.status}`);
    return JSON.parse(text) as T;
  }

  list(path: string): Promise<KubeListBody> {
    return this.getJson<KubeListBody>(path);
  }

  /** A list, or an empty one when the cluster does not serve the path (e.g. a kind not served yet). */
  async listOrEmpty(path: string): Promise<KubeObject[]> {
    try {
      return (await this.list(path)).items ?? [];
    } catch (error) {
      if (error instanceof ClusterRequestError && error.code === 404) return [];
      throw error;
    }
  }

  /** Plain text (pod logs); a failure answers the Status message instead of throwing. */
  async text(path: string): Promise<{ ok: boolean; text: string }> {
    const response = await this.fetch(path, { accept: "*/*" });
    const text = await response.text();
    return response.ok ? { ok: true, text } : { ok: false, text: statusMessage(text) ?? `the cluster answered ${response.status}` };
  }
}

function statusMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { kind?: string; message?: string };
    return body.kind === "Status" && body.message ? body.message : undefined;
  } catch {
    return undefined;
  }
}
