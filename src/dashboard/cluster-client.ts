// The dashboard's way into a cluster: Kubernetes API requests to the cluster's Durable Object with the share link's
// token, exactly as the kube proxy forwards kubectl's; what the pages print comes as kubectl gets it (discovery,
// server-side Tables). Authorization and Secret redaction stay the cluster's.
import { aggregatedDiscoveryAccept, type APIGroupDiscoveryList } from "../api/discovery";
import { liveFeedUrl } from "../api/live-feed";
import type { KubeObject } from "../api/object";
import { tableAccept, type Table, type TableColumnDefinition } from "../api/table";
import type { Env } from "../platform/env";

export interface KubeListBody {
  metadata?: { resourceVersion?: string };
  items: KubeObject[];
}

/** One printed object: the cells `kubectl get` shows for it, under its Table's columns. */
export interface Row {
  object: KubeObject;
  cells: unknown[];
  columns: TableColumnDefinition[];
}

/** Objects as a Table answer prints them. */
export interface Printed {
  columns: TableColumnDefinition[];
  rows: Row[];
}

/** The cell of the column named `name` (e.g. a pod's `Status`), if the Table has that column. */
export function cellOf(row: Row, name: string): unknown {
  const index = row.columns.findIndex((c) => c.name === name);
  return index < 0 ? undefined : row.cells[index];
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
    return this.fetch(liveFeedUrl(kinds), { accept: "text/event-stream" });
  }

  async getJson<T = KubeObject>(path: string, accept?: string): Promise<T> {
    const response = await this.fetch(path, { accept });
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

  /**
   * The objects at `path` (a list, or one object) as a server-side Table with each row's object, as `kubectl get`
   * asks for them.
   */
  async printed(path: string): Promise<Printed> {
    const url = `${path}${path.includes("?") ? "&" : "?"}includeObject=Object`;
    const table = await this.getJson<Table>(url, tableAccept);
    const columns = table.columnDefinitions ?? [];
    return { columns, rows: (table.rows ?? []).flatMap((r) => (r.object ? [{ object: r.object, cells: r.cells ?? [], columns }] : [])) };
  }

  /** A printed list, or an empty one when the cluster does not serve the path. */
  async printedOrEmpty(path: string): Promise<Printed> {
    try {
      return await this.printed(path);
    } catch (error) {
      if (error instanceof ClusterRequestError && error.code === 404) return { columns: [], rows: [] };
      throw error;
    }
  }

  /** The cluster's aggregated discovery: the core group (`/api`) and the named groups (`/apis`). */
  discovery(): Promise<APIGroupDiscoveryList[]> {
    return Promise.all(["/api", "/apis"].map((path) => this.getJson<APIGroupDiscoveryList>(path, aggregatedDiscoveryAccept)));
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
