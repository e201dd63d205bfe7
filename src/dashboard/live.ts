// `GET /s/<token>/live`: a Server-Sent Events stream that says `change` (debounced) whenever an object a page
// shows changes. It holds Kubernetes watches on the cluster, through its API with the link's token; when they end
// (their timeout) the stream ends and the browser's EventSource reconnects.
import { after, every, type Cancel } from "../cluster/runtime/timers";
import { coreDef, listPath, workloadDefs, type Def } from "./catalog";
import type { ClusterClient } from "./cluster-client";
import type { Section } from "./page-context";

/** Quiet time after a change before the page is told, so a burst of changes is one refresh. */
export const debounceMs = 250;
/** Comment lines keep idle streams (and proxies) from timing out. */
export const heartbeatMs = 20_000;
/** The watches' own timeout: the stream is renewed this often. */
export const watchSeconds = 290;

export const sseHeaders = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Content-Encoding": "identity",
  "Cache-Control": "no-cache, no-transform",
  "X-Content-Type-Options": "nosniff",
};

/** The kinds whose changes a section's page shows. */
export function liveKinds(section: Section, detailDef?: Def): Def[] {
  const core = (...names: string[]) => names.map((n) => coreDef(n)).filter((d): d is Def => !!d);
  switch (section) {
    case "overview":
      return core("nodes", "pods");
    case "workloads":
      return [...workloadDefs(), ...core("pods")];
    case "services":
      return core("services", "endpoints");
    case "config":
      return core("configmaps", "secrets");
    case "namespaces":
      return core("namespaces", "resourcequotas");
    case "events":
      return core("events");
    case "objects":
      return [...new Set([...(detailDef ? [detailDef] : []), ...core("pods", "events")])];
  }
}

const encoder = new TextEncoder();

export async function liveStream(client: ClusterClient, kinds: Def[]): Promise<Response> {
  const start = await client.list(listPath(coreDef("namespaces")!));
  const resourceVersion = start.metadata?.resourceVersion ?? "0";
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const readers: Array<ReadableStreamDefaultReader<Uint8Array>> = [];
  const cancels: Cancel[] = [];
  let closed = false;
  let pending: Cancel | undefined;
  let sent = 0;

  const close = () => {
    if (closed) return;
    closed = true;
    pending?.();
    for (const c of cancels) c();
    for (const r of readers) r.cancel().catch(() => {});
    writer.close().catch(() => {});
  };
  const write = (text: string) => {
    if (!closed) writer.write(encoder.encode(text)).catch(close);
  };
  const changed = () => {
    if (pending || closed) return;
    pending = after(debounceMs, () => {
      pending = undefined;
      sent += 1;
      write(`event: change\ndata: ${sent}\n\n`);
    });
  };

  write("retry: 1000\n: watching\n\n");
  cancels.push(every(heartbeatMs, () => write(": ping\n\n")));
  const query = `?watch=1&resourceVersion=${encodeURIComponent(resourceVersion)}&timeoutSeconds=${watchSeconds}`;
  for (const def of kinds) {
    const response = await client.fetch(`${listPath(def)}${query}`);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      continue;
    }
    const reader = response.body.getReader();
    readers.push(reader);
    void pump(reader, changed).then(close, close);
  }
  if (!readers.length) close();
  return new Response(readable, { headers: sseHeaders });
}

/** Reads one watch until it ends, calling `changed` for every event that is not a bookmark. */
async function pump(reader: ReadableStreamDefaultReader<Uint8Array>, changed: () => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line && !line.startsWith('{"type":"BOOKMARK"')) changed();
    }
  }
}
