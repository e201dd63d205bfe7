// Watch streams: chunked JSON lines, one `{"type","object"}` event per line (kubectl-wire.md §6). A watch first
// replays (resourceVersion unset or "0": the current objects as ADDED; N: the events after N), then streams events
// as they commit. Selectors filter events, and an object that stops (starts) matching is sent as DELETED (ADDED).
import type { KubeObject } from "../../api/object";
import { expired } from "../../api/status";
import { after, every, type Cancel } from "../runtime/timers";
import type { Store, StoreEvent } from "../storage/store";
import type { Selection } from "./list-options";
import { tableContentType, tableRows, type IncludeObject } from "./table";
import type { ResourceDef } from "../registry/types";

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
}

/** Heartbeats keep idle streams alive and reveal clients that went away. */
export const heartbeatMs = 30_000;

const encoder = new TextEncoder();

/** The headers that keep `wrangler dev` (and proxies) from compressing and buffering the stream. */
export const streamingHeaders = {
  "Content-Encoding": "identity",
  "Cache-Control": "no-cache, no-transform",
  "X-Content-Type-Options": "nosniff",
};

export class WatchHub {
  private open = 0;

  constructor(private readonly store: Store) {}

  get openWatches(): number {
    return this.open;
  }

  serve(req: WatchRequest): Response {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const cancels: Cancel[] = [];
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      this.open -= 1;
      for (const c of cancels) c();
      writer.close().catch(() => {});
    };
    const send = (type: string, object: unknown) => {
      if (closed) return;
      writer.write(encoder.encode(JSON.stringify({ type, object }) + "\n")).catch(close);
    };
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
    this.open += 1;
    // A client that goes away errors the stream: release the watch now, not at its next write.
    writer.closed.catch(close);

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
    cancels.push(every(heartbeatMs, () => {
      if (req.allowBookmarks) bookmark();
      else if (!closed) writer.write(encoder.encode("\n")).catch(close);
    }));
    cancels.push(after(req.timeoutSeconds * 1000, close));
    return this.response(req, readable);
  }

  private response(req: WatchRequest, body: ReadableStream): Response {
    return new Response(body, {
      status: 200,
      headers: { "Content-Type": req.table ? tableContentType : "application/json", ...streamingHeaders },
    });
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
