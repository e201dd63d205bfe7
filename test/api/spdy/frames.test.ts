import { describe, expect, it } from "vitest";
import { adler32 } from "./adler32";
import { spdy3Dictionary } from "../../../src/api/spdy/dictionary";
import { encodeFrame, FLAG_FIN, FrameParser, type SpdyFrame } from "../../../src/api/spdy/frames";
import { HeaderCompressor, HeaderDecompressor, type SpdyHeaders } from "../../../src/api/spdy/header-block";

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));

describe("the SPDY/3 dictionary", () => {
  it("is the draft's 1423 bytes, whose Adler-32 is the dictionary id peers name (0xe3c6a7c2)", () => {
    expect(spdy3Dictionary.length).toBe(1423);
    expect(adler32(spdy3Dictionary)).toBe(0xe3c6a7c2);
  });
});

describe("FrameParser", () => {
  const frames: SpdyFrame[] = [
    { type: "ping", id: 1 },
    { type: "data", streamId: 3, flags: FLAG_FIN, data: new TextEncoder().encode("GET / HTTP/1.1\r\n\r\n") },
    { type: "rst_stream", streamId: 5, status: 5 },
    { type: "settings", flags: 0, entries: [{ flags: 1, id: 7, value: 65536 }, { flags: 0, id: 4, value: 100 }] },
    { type: "window_update", streamId: 3, delta: 4096 },
    { type: "goaway", lastGoodStreamId: 7, status: 0 },
    { type: "data", streamId: 1, flags: 0, data: new Uint8Array(0) },
  ];
  const stream = new Uint8Array(frames.flatMap((f) => [...encodeFrame(f)]));

  it("reads the same frames whatever byte boundaries the stream arrives with", () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new FrameParser();
      const read = [...parser.push(stream.subarray(0, cut)), ...parser.push(stream.subarray(cut))];
      expect(read).toEqual(frames);
    }
  });

  it("reads a stream given one byte at a time", () => {
    const parser = new FrameParser();
    const read = [...stream].flatMap((b) => parser.push(Uint8Array.of(b)));
    expect(read).toEqual(frames);
  });

  it("reads a SYN_STREAM as another SPDY/3 implementation compressed it", () => {
    // A SYN_STREAM of a Node SPDY implementation's test suite: stream 1, headers compressed with the dictionary.
    const bytes = hex("800300010000002c0000000100000000000078f9e3c6a7c202e50e507ab442a45a77d7105006b32a4804974d8cfa00000000ffff");
    const [frame] = new FrameParser().push(bytes);
    expect(frame).toMatchObject({ type: "syn_stream", streamId: 1, associatedTo: 0, priority: 0 });
    const headers = new HeaderDecompressor().decompress((frame as Extract<SpdyFrame, { type: "syn_stream" }>).headerBlock);
    expect(Object.keys(headers).length).toBeGreaterThan(0);
    for (const name of Object.keys(headers)) expect(name).toBe(name.toLowerCase());
  });

  it("lays out a SYN_STREAM as the draft does: control bit, version 3, type 1, length, ids, priority", () => {
    const bytes = encodeFrame({ type: "syn_stream", streamId: 1, associatedTo: 0, priority: 2, slot: 0, flags: 0, headerBlock: Uint8Array.of(9, 9) });
    expect([...bytes]).toEqual([0x80, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 12, 0, 0, 0, 1, 0, 0, 0, 0, 2 << 5, 0, 9, 9]);
  });
});

describe("header compression", () => {
  it("round-trips every block of a session through a second, independent context", () => {
    const out = new HeaderCompressor();
    const inn = new HeaderDecompressor();
    const blocks: SpdyHeaders[] = [
      { streamtype: ["error"], port: ["80"], requestid: ["0"] },
      { streamtype: ["data"], port: ["80"], requestid: ["0"] },
      { streamtype: ["error"], port: ["6379"], requestid: ["1"] },
      {},
      { "x-multi": ["a", "b"] },
    ];
    const sizes: number[] = [];
    for (const headers of blocks) {
      const block = out.compress(headers);
      sizes.push(block.length);
      expect(inn.decompress(block)).toEqual(headers);
    }
    // The shared context makes a repeated block cheaper than the first.
    expect(sizes[1]!).toBeLessThan(sizes[0]!);
  });

  it("cannot read a later block without the earlier ones (one context per direction)", () => {
    const out = new HeaderCompressor();
    out.compress({ streamtype: ["error"], port: ["80"], requestid: ["0"] });
    const second = out.compress({ streamtype: ["data"], port: ["80"], requestid: ["0"] });
    expect(() => new HeaderDecompressor().decompress(second)).toThrow();
  });
});
