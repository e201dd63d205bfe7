import { describe, expect, it } from "vitest";
import { encodeFrame, FLAG_FIN, RstStatus } from "../../../src/api/spdy/frames";
import { initialWindow, SpdySession, type SpdyStream } from "../../../src/api/spdy/session";
import { FakeSpdyClient } from "./fake-client";

function setup() {
  const client = new FakeSpdyClient();
  const opened: SpdyStream[] = [];
  const got = new Map<number, string>();
  const session = new SpdySession((bytes) => client.read(bytes), {
    onStream(stream) {
      opened.push(stream);
      stream.onData = (b) => got.set(stream.id, (got.get(stream.id) ?? "") + new TextDecoder().decode(b));
      stream.reply();
    },
  });
  return { client, session, opened, got };
}

describe("SpdySession", () => {
  it("opens streams, replies and delivers data, whatever the byte boundaries", () => {
    const probe = new FakeSpdyClient();
    const a = probe.synStream({ streamtype: ["error"], port: ["80"], requestid: ["0"] });
    const b = probe.synStream({ streamtype: ["data"], port: ["80"], requestid: ["0"] });
    const all = new Uint8Array([...a.bytes, ...b.bytes, ...probe.data(b.id, "hello", true)]);
    for (let cut = 1; cut < all.length; cut++) {
      const { session, opened, got, client } = setup();
      session.receive(all.subarray(0, cut));
      session.receive(all.subarray(cut));
      expect(opened.map((s) => [s.id, s.header("streamType")])).toEqual([[1, "error"], [3, "data"]]);
      expect(got.get(3)).toBe("hello");
      expect(client.received.filter((f) => f.type === "syn_reply_headers").map((f) => (f as { streamId: number }).streamId)).toEqual([1, 3]);
    }
  });

  it("answers the peer's PING with the same id and ignores its own", () => {
    const { session, client } = setup();
    session.receive(encodeFrame({ type: "ping", id: 7 }));
    session.receive(encodeFrame({ type: "ping", id: 2 }));
    expect(client.received).toEqual([{ type: "ping", id: 7 }]);
  });

  it("sends data in frames of at most 16 KiB and ends with FLAG_FIN", () => {
    const { session, client, opened } = setup();
    const syn = client.synStream({ streamtype: ["data"] });
    session.receive(syn.bytes);
    opened[0]!.write(new Uint8Array(40_000).fill(65));
    opened[0]!.end();
    const data = client.received.filter((f) => f.type === "data");
    expect(data.map((f) => (f as { data: Uint8Array }).data.length)).toEqual([16384, 16384, 7232, 0]);
    expect(client.streamText(syn.id)).toMatchObject({ fin: true });
  });

  it("does not hold data back for a peer that keeps no flow control (spdystream)", () => {
    const { session, client, opened } = setup();
    session.receive(client.synStream({ streamtype: ["data"] }).bytes);
    opened[0]!.write(new Uint8Array(3 * initialWindow));
    expect(opened[0]!.pending).toBe(0);
  });

  it("respects the peer's windows once it sends WINDOW_UPDATE, and resumes on the next one", () => {
    const { session, client, opened } = setup();
    const syn = client.synStream({ streamtype: ["data"] });
    session.receive(syn.bytes);
    session.receive(encodeFrame({ type: "window_update", streamId: syn.id, delta: 0 }));
    opened[0]!.write(new Uint8Array(100_000));
    const sent = () => client.streamText(syn.id).text.length;
    expect(sent()).toBe(initialWindow);
    expect(opened[0]!.pending).toBe(100_000 - initialWindow);
    // The stream's window opens but the session's is still shut.
    session.receive(encodeFrame({ type: "window_update", streamId: syn.id, delta: 50_000 }));
    expect(sent()).toBe(initialWindow);
    session.receive(encodeFrame({ type: "window_update", streamId: 0, delta: 50_000 }));
    expect(sent()).toBe(100_000);
  });

  it("follows SETTINGS_INITIAL_WINDOW_SIZE for the peer's stream windows", () => {
    const { session, client, opened } = setup();
    session.receive(encodeFrame({ type: "settings", flags: 0, entries: [{ flags: 0, id: 7, value: 1000 }] }));
    const syn = client.synStream({ streamtype: ["data"] });
    session.receive(syn.bytes);
    opened[0]!.write(new Uint8Array(5000));
    expect(client.streamText(syn.id).text.length).toBe(1000);
  });

  it("gives the peer its windows back once half of one is consumed", () => {
    const { session, client } = setup();
    const syn = client.synStream({ streamtype: ["data"] });
    session.receive(syn.bytes);
    session.receive(client.data(syn.id, new Uint8Array(initialWindow / 2 - 1)));
    expect(client.received.filter((f) => f.type === "window_update")).toEqual([]);
    session.receive(client.data(syn.id, new Uint8Array(1)));
    expect(client.received.filter((f) => f.type === "window_update")).toEqual([
      { type: "window_update", streamId: 0, delta: initialWindow / 2 },
      { type: "window_update", streamId: syn.id, delta: initialWindow / 2 },
    ]);
  });

  it("resets data on an unknown stream, passes RST_STREAM to the stream, and closes on GOAWAY", () => {
    const { session, client, opened } = setup();
    session.receive(client.data(9, "x"));
    expect(client.received).toContainEqual({ type: "rst_stream", streamId: 9, status: RstStatus.INVALID_STREAM });
    const syn = client.synStream({ streamtype: ["data"] });
    session.receive(syn.bytes);
    const resets: number[] = [];
    opened[0]!.onReset = (s) => resets.push(s);
    session.receive(encodeFrame({ type: "rst_stream", streamId: syn.id, status: RstStatus.CANCEL }));
    expect(resets).toEqual([RstStatus.CANCEL]);
    let closed = "";
    const other = new SpdySession(() => {}, { onStream: () => {}, onClose: (r) => (closed = r) });
    other.receive(encodeFrame({ type: "goaway", lastGoodStreamId: 0, status: 0 }));
    expect(closed).toBe("peer sent GOAWAY");
    expect(other.isClosed).toBe(true);
  });

  it("answers a byte stream that breaks the protocol with GOAWAY", () => {
    const client = new FakeSpdyClient();
    const session = new SpdySession((b) => client.read(b), { onStream: () => {} });
    session.receive(Uint8Array.of(0x80, 0x02, 0, 1, 0, 0, 0, 0));
    expect(client.received).toEqual([{ type: "goaway", lastGoodStreamId: 0, status: 1 }]);
  });

  it("half-closes: the peer's FIN reaches the stream, which can still answer", () => {
    const { session, client, opened } = setup();
    const syn = client.synStream({ streamtype: ["data"] });
    session.receive(syn.bytes);
    let ended = false;
    opened[0]!.onEnd = () => (ended = true);
    session.receive(encodeFrame({ type: "data", streamId: syn.id, flags: FLAG_FIN, data: new Uint8Array(0) }));
    expect(ended).toBe(true);
    opened[0]!.write(new TextEncoder().encode("late"));
    opened[0]!.end();
    expect(client.streamText(syn.id)).toEqual({ text: "late", fin: true });
  });
});
