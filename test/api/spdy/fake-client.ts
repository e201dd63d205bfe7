// A SPDY/3.1 client end for tests, as kubectl's spdystream frames it: odd stream ids, its own header compressor,
// and a parser (with its own decompressor) of what the server wrote.
import { encodeFrame, FLAG_FIN, FrameParser, type SpdyFrame } from "../../../src/api/spdy/frames";
import { HeaderCompressor, HeaderDecompressor, type SpdyHeaders } from "../../../src/api/spdy/header-block";

export type ReadFrame = SpdyFrame | { type: "syn_reply_headers"; streamId: number; flags: number; headers: SpdyHeaders };

export class FakeSpdyClient {
  private readonly compressor = new HeaderCompressor();
  private readonly decompressor = new HeaderDecompressor();
  private readonly parser = new FrameParser();
  private nextId = 1;
  /** Every frame the server wrote, SYN_REPLY headers decompressed. */
  readonly received: ReadFrame[] = [];

  synStream(headers: SpdyHeaders, flags = 0): { id: number; bytes: Uint8Array } {
    const id = this.nextId;
    this.nextId += 2;
    const bytes = encodeFrame({ type: "syn_stream", streamId: id, associatedTo: 0, priority: 0, slot: 0, flags, headerBlock: this.compressor.compress(headers) });
    return { id, bytes };
  }

  data(streamId: number, data: Uint8Array | string, fin = false): Uint8Array {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    return encodeFrame({ type: "data", streamId, flags: fin ? FLAG_FIN : 0, data: bytes });
  }

  /** Feeds the bytes the server wrote. */
  read(bytes: Uint8Array): void {
    for (const frame of this.parser.push(bytes)) {
      if (frame.type === "syn_reply") this.received.push({ type: "syn_reply_headers", streamId: frame.streamId, flags: frame.flags, headers: this.decompressor.decompress(frame.headerBlock) });
      else this.received.push(frame);
    }
  }

  /** The bytes of data frames the server sent on `streamId`, as text, and whether it sent FIN. */
  streamText(streamId: number): { text: string; fin: boolean } {
    const { bytes, fin } = this.streamBytes(streamId);
    return { text: new TextDecoder().decode(bytes), fin };
  }

  /** The bytes of data frames the server sent on `streamId`, and whether it sent FIN. */
  streamBytes(streamId: number): { bytes: Uint8Array; fin: boolean } {
    const frames = this.received.filter((f): f is Extract<SpdyFrame, { type: "data" }> => f.type === "data" && f.streamId === streamId);
    const bytes = new Uint8Array(frames.reduce((n, f) => n + f.data.length, 0));
    let at = 0;
    for (const f of frames) {
      bytes.set(f.data, at);
      at += f.data.length;
    }
    return { bytes, fin: frames.some((f) => f.flags & FLAG_FIN) };
  }
}
