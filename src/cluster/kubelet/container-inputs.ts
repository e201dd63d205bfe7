// What was written to the stdin of containers with `stdin: true` (kubectl attach -i, run -i): per pod and container,
// chunks with their wall-clock moment, and when the writer closed it (stdinOnce: the first attach that ends). In
// memory only, as a container runtime holds a stdin pipe; the container's process reads it as an InputStream
// (ProcessSpec.stdin), so its replays read the same input. Dropped with the pod.
import type { InputStream } from "./runtime-port";

interface Record {
  chunks: { atWallMs: number; text: string }[];
  closedAtWallMs?: number;
}

/** Most bytes kept per container (a learner types; nothing pipes megabytes through attach). */
const maxBytes = 256 * 1024;

export class ContainerInputs {
  private readonly records = new Map<string, Record>();

  private record(podUid: string, container: string): Record {
    const key = `${podUid}/${container}`;
    let record = this.records.get(key);
    if (!record) this.records.set(key, (record = { chunks: [] }));
    return record;
  }

  /** The container's stdin so far (open while nobody closed it). */
  of(podUid: string, container: string): InputStream {
    return this.record(podUid, container);
  }

  /** Whether the writer closed it. */
  closed(podUid: string, container: string): boolean {
    return this.record(podUid, container).closedAtWallMs !== undefined;
  }

  /** `text` arrives at `atWallMs`; false when the stdin is closed or full (nothing kept). */
  write(podUid: string, container: string, text: string, atWallMs: number): boolean {
    const record = this.record(podUid, container);
    if (record.closedAtWallMs !== undefined) return false;
    const used = record.chunks.reduce((n, c) => n + c.text.length, 0);
    if (used + text.length > maxBytes) return false;
    record.chunks.push({ atWallMs, text });
    return true;
  }

  close(podUid: string, container: string, atWallMs: number): void {
    const record = this.record(podUid, container);
    record.closedAtWallMs ??= atWallMs;
  }

  forget(podUid: string): void {
    for (const key of this.records.keys()) if (key.startsWith(`${podUid}/`)) this.records.delete(key);
  }
}
