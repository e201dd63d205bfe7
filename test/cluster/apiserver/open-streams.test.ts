import { describe, expect, it } from "vitest";
import { OpenStreams } from "../../../src/cluster/apiserver/open-streams";

const encoder = new TextEncoder();

function source(): { stream: ReadableStream<Uint8Array>; push(text: string): void; end(): void; cancelled: () => boolean } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, push: (t) => controller.enqueue(encoder.encode(t)), end: () => controller.close(), cancelled: () => cancelled };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("OpenStreams", () => {
  it("passes whole lines to the map, never a line cut in two, and the rest at the end", async () => {
    const streams = new OpenStreams();
    const src = source();
    const blocks: string[] = [];
    const tracked = streams.track("view", src.stream, (lines) => {
      blocks.push(lines);
      return lines.toUpperCase();
    });
    src.push("ab");
    src.push("c\nde");
    src.push("f\ngh\n");
    src.push("tail");
    src.end();
    expect(await readAll(tracked)).toBe("ABC\nDEF\nGH\nTAIL");
    expect(blocks).toEqual(["abc\n", "def\ngh\n", "tail"]);
    expect(streams.count()).toBe(0);
  });

  it("close(role) ends that role's streams at once and cancels their sources; other roles stay", async () => {
    const streams = new OpenStreams();
    const viewer = source();
    const admin = source();
    const v = streams.track("view", viewer.stream);
    const a = streams.track("admin", admin.stream);
    viewer.push("x\n");
    expect(streams.count("view")).toBe(1);
    const reader = v.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("x\n");
    const next = reader.read();
    streams.close("view");
    expect((await next).done).toBe(true);
    expect(viewer.cancelled()).toBe(true);
    expect(admin.cancelled()).toBe(false);
    expect(streams.count()).toBe(1);
    await a.cancel();
    expect(admin.cancelled()).toBe(true);
    expect(streams.count()).toBe(0);
  });
});
