// The dashboard's live feed: a Server-Sent Events stream per open page that says `change` (debounced) whenever an
// object under one of its storage prefixes changes. Every viewer of a cluster shares one store subscription, one
// heartbeat and one debounce timer, and none of them holds a Kubernetes watch: share-link viewers never take the
// learner's watch slots. A viewer that goes away is dropped at once (its stream's cancel); one whose credential
// stops being valid is told `gone` and closed.
import { failure } from "../../api/status";
import { after, every, type Cancel } from "../../runtime/timers";
import type { Store } from "../storage/store";

type Role = "admin" | "view";

/** Quiet time after a change before the page is told, so a burst of changes is one refresh. */
export const debounceMs = 250;
/** Comment lines keep idle streams (and proxies) from timing out, and reveal viewers that went away (a write does). */
export const heartbeatMs = 5_000;
// The wire constants live in api/ (the dashboard reads the feed too).
export { liveFeedHeaders, liveFeedPath } from "../../api/live-feed";

/** Most live pages open at once on one cluster. */
export const maxViewers = 500;

interface Viewer {
  role: Role;
  prefixes: string[];
  dirty: boolean;
  sent: number;
  write(text: string): void;
  end(): void;
}

const encoder = new TextEncoder();

export class LiveFeed {
  private readonly viewers = new Set<Viewer>();
  private shared: Cancel[] = [];
  private pending: Cancel | undefined;

  constructor(private readonly store: Store) {}

  /** Open live pages (of one role, or all). */
  count(role?: Role): number {
    let n = 0;
    for (const v of this.viewers) if (!role || v.role === role) n += 1;
    return n;
  }

  /** A new viewer's stream, for pages that show objects under `prefixes`. Throws 429 when the cluster has too many. */
  open(role: Role, prefixes: string[]): ReadableStream<Uint8Array> {
    if (this.viewers.size >= maxViewers) {
      throw failure(429, "TooManyRequests", "too many live dashboard pages on this sandbox; close some and retry", { retryAfterSeconds: 1 });
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const viewer: Viewer = {
      role,
      prefixes,
      dirty: false,
      sent: 0,
      write: (text) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          this.drop(viewer);
        }
      },
      end: () => {
        this.drop(viewer);
        try {
          controller.close();
        } catch {
          // Cancelled by the client already.
        }
      },
    };
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
      cancel: () => this.drop(viewer),
    });
    this.viewers.add(viewer);
    if (this.viewers.size === 1) this.start();
    viewer.write("retry: 1000\n: watching\n\n");
    return stream;
  }

  /** Tell every viewer (of one role, or all) that its link is gone, and close its stream. */
  close(role?: Role): void {
    for (const viewer of [...this.viewers]) {
      if (role && viewer.role !== role) continue;
      viewer.write("event: gone\ndata: \n\n");
      viewer.end();
    }
  }

  private start(): void {
    this.shared = [
      this.store.subscribe((events) => {
        for (const viewer of this.viewers) {
          if (!viewer.dirty && events.some((e) => viewer.prefixes.some((p) => e.key.startsWith(p)))) viewer.dirty = true;
        }
        if (!this.pending && [...this.viewers].some((v) => v.dirty)) this.pending = after(debounceMs, () => this.flush());
      }),
      every(heartbeatMs, () => {
        for (const viewer of [...this.viewers]) viewer.write(": ping\n\n");
      }),
    ];
  }

  private flush(): void {
    this.pending = undefined;
    for (const viewer of [...this.viewers]) {
      if (!viewer.dirty) continue;
      viewer.dirty = false;
      viewer.sent += 1;
      viewer.write(`event: change\ndata: ${viewer.sent}\n\n`);
    }
  }

  private drop(viewer: Viewer): void {
    if (!this.viewers.delete(viewer) || this.viewers.size) return;
    for (const cancel of this.shared) cancel();
    this.shared = [];
    this.pending?.();
    this.pending = undefined;
  }
}
