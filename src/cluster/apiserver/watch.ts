// Watch streams: chunked JSON lines, one `{"type","object"}` event per line (kubectl-wire.md §6). A watch first
// replays (resourceVersion unset or "0": the current objects as ADDED; N: the events after N), then streams events
// as they commit. Selectors filter events, and an object that stops (starts) matching is sent as DELETED (ADDED).
import type { KubeObject } from "../../api/object";
import { expired, failure } from "../../api/status";
import { after, every, type Cancel } from "../../runtime/timers";
import type { Store, StoreEvent } from "../storage/store";
import type { Selection } from "./list-options";
import { tableContentType, tableRows, type IncludeObject } from "./table";
import type { ResourceDef } from "../registry/types";
import { streamResponse } from "./respond";

export interface WatchRequest {
  def: ResourceDef;
  prefix: string;
  selection: Selection;
  resourceVersion?: string;
  table: boolean;
  include: IncludeObject;
  allowBookmarks: boolean;
  sendInitialEvents: boolean;
  /** Seconds until the server ends the stream. */
  timeoutSeconds: number;
  now: () => number;
  /** Per-caller view of objects (e.g. hiding secret values from read-only tokens). */
  view: (obj: KubeObject) => KubeObject;
  /**
   * Whose slots the watch takes: the admin token's (the learner's, limited by the apiserver) or the read-only
   * token's own pool, which never counts against the learner's. Default "admin".
   */
  pool?: WatchPool;
}

export type WatchPool = "admin" | "view";

/** Most watches the read-only token may hold open at once on one cluster (its own pool). */
export const maxViewerWatches = 100;
/** Seconds a client that got 429 for too many watches should wait: slots free as soon as a client goes away. */
export const watchRetryAfterSeconds = 1;

/** Bookmarks (for watches that allow them) keep idle streams alive and tell clients the newest revision. */
export const heartbeatMs = 30_000;
/**
 * How often an idle watch writes a blank line (which clients skip). Where the runtime does not pass a client's
 * going away on to the stream (wrangler dev's proxy), only a write reveals it: this bounds how long a gone client
 * holds its watch slot.
 */
export const keepAliveMs = 5_000;


/** The headers that keep `wrangler dev` (and proxies) from compressing and buffering the stream. */
export const streamingHeaders = {
  "Content-Encoding": "identity",
  "Cache-Control": "no-cache, no-transform",
  "X-Content-Type-Options": "nosniff",
};

export class WatchHub {
  private readonly open: Record<WatchPool, number> = { admin: 0, view: 0 };

  constructor(private readonly store: Store) {}

  /** Open watches of the admin token: the learner's slots (the read-only token's are apart, see `openIn`). */
  get openWatches(): number {
    return this.open.admin;
  }

  openIn(pool: WatchPool): number {
    return this.open[pool];
  }

  serve(req: WatchRequest): Response {
    const pool = req.pool ?? "admin";
    if (pool === "view" && this.open.view >= maxViewerWatches) {
      throw failure(429, "TooManyRequests", "too many open watches of the read-only token on this sandbox; close some and retry", {
        retryAfterSeconds: watchRetryAfterSeconds,
      });
    }
    const encoder = new TextEncoder();
    const cancels: Cancel[] = [];
    let closed = false;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const close = () => {
      if (closed) return;
      closed = true;
      this.open[pool] -= 1;
      for (const c of cancels) c();
      try {
        controller.close();
      } catch {
        // The client cancelled the stream: nothing to close.
      }
    };
    // A client that goes away cancels the stream: its slot is released at once, not at the next write.
    const readable = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
      cancel: () => close(),
    });
    const write = (text: string) => {
      if (closed) return;
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        close();
      }
    };
    const send = (type: string, object: unknown) => write(JSON.stringify({ type, object }) + "\n");
    const sendObject = (type: string, obj: KubeObject) => {
      const viewed = req.view(obj);
      if (!req.table) return send(type, viewed);
      send(type, {
        kind: "Table",
        apiVersion: "meta.k8s.io/v1",
        metadata: { resourceVersion: obj.metadata.resourceVersion },
        columnDefinitions: [],
        rows: tableRows(req.def, [viewed], req.now(), req.include),
      });
    };
    const bookmark = (extra?: Record<string, string>) => {
      send("BOOKMARK", {
        kind: req.def.kind,
        apiVersion: req.def.group ? `${req.def.group}/${req.def.version}` : req.def.version,
        metadata: { resourceVersion: String(this.store.revision), ...(extra ? { annotations: extra } : {}) },
      });
    };
    this.open[pool] += 1;

    const rv = req.resourceVersion;
    if (!rv || rv === "0" || req.sendInitialEvents) {
      for (const obj of this.store.list(req.prefix)) if (req.selection.matches(obj)) sendObject("ADDED", obj);
      if (req.sendInitialEvents && req.allowBookmarks) bookmark({ "k8s.io/initial-events-end": "true" });
    } else {
      const replay = this.store.eventsSince(Number(rv) || 0, req.prefix);
      if (replay === "expired") {
        send("ERROR", expired(`too old resource version: ${rv} (${this.store.compactedRevision})`).status);
        queueMicrotask(close);
        return this.response(req, readable);
      }
      for (const event of replay) this.dispatch(event, req, sendObject);
    }
    cancels.push(this.store.subscribe((events) => {
      for (const event of events) if (event.key.startsWith(req.prefix)) this.dispatch(event, req, sendObject);
    }));
    if (req.allowBookmarks) cancels.push(every(heartbeatMs, () => bookmark()));
    cancels.push(every(keepAliveMs, () => write("\n")));
    cancels.push(after(req.timeoutSeconds * 1000, close));
    return this.response(req, readable);
  }

  private response(req: WatchRequest, body: ReadableStream<Uint8Array>): Response {
    return streamResponse(body, { "Content-Type": req.table ? tableContentType : "application/json", ...streamingHeaders });
  }

  private dispatch(event: StoreEvent, req: WatchRequest, sendObject: (type: string, obj: KubeObject) => void): void {
    const nowMatches = req.selection.matches(event.object);
    if (event.type === "DELETED") {
      if (nowMatches || (event.prev && req.selection.matches(event.prev))) sendObject("DELETED", event.object);
      return;
    }
    const prevMatches = event.prev ? req.selection.matches(event.prev) : event.type === "MODIFIED" && nowMatches;
    if (nowMatches && prevMatches) sendObject("MODIFIED", event.object);
    else if (nowMatches) sendObject("ADDED", event.object);
    else if (prevMatches) sendObject("DELETED", event.object);
  }
}
