// SPDY/3 header blocks (draft 3.1, section 2.6.10): a count and length-prefixed names and values (4-byte big-endian;
// several values of one name joined by NUL), compressed with zlib and the SPDY/3 dictionary. Each direction of a
// session is ONE zlib stream: every block is a sync-flushed continuation of the previous ones, so the compressor
// and decompressor live as long as the session and see every block in order.
import { Deflate, Inflate, Z_SYNC_FLUSH } from "pako";
import { spdy3Dictionary } from "./dictionary";
import { SpdyProtocolError } from "./frames";

/** Header names (lower-case, as SPDY requires) → values. */
export type SpdyHeaders = Record<string, string[]>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function serializeHeaders(headers: SpdyHeaders): Uint8Array {
  const parts: Uint8Array[] = [];
  const word = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const names = Object.keys(headers);
  parts.push(word(names.length));
  for (const name of names) {
    const n = encoder.encode(name.toLowerCase());
    const v = encoder.encode(headers[name]!.join("\0"));
    parts.push(word(n.length), n, word(v.length), v);
  }
  return concat(parts);
}

export function parseHeaders(block: Uint8Array): SpdyHeaders {
  let at = 0;
  const read32 = () => {
    if (at + 4 > block.length) throw new SpdyProtocolError("truncated header block");
    const v = ((block[at]! << 24) >>> 0) + (block[at + 1]! << 16) + (block[at + 2]! << 8) + block[at + 3]!;
    at += 4;
    return v;
  };
  const readString = () => {
    const n = read32();
    if (at + n > block.length) throw new SpdyProtocolError("truncated header block");
    const s = decoder.decode(block.subarray(at, at + n));
    at += n;
    return s;
  };
  const headers: SpdyHeaders = {};
  const count = read32();
  for (let i = 0; i < count; i++) {
    const name = readString().toLowerCase();
    const values = readString().split("\0");
    (headers[name] ??= []).push(...values);
  }
  return headers;
}

/** One direction's compressor: `compress` returns the bytes of one header block, sync-flushed. */
export class HeaderCompressor {
  private readonly deflate = new Deflate({ level: 9, dictionary: spdy3Dictionary });
  private out: Uint8Array[] = [];

  constructor() {
    this.deflate.onData = (chunk) => this.out.push(chunk);
  }

  compress(headers: SpdyHeaders): Uint8Array {
    this.out = [];
    if (!this.deflate.push(serializeHeaders(headers), Z_SYNC_FLUSH)) throw new SpdyProtocolError(`header compression failed: ${this.deflate.msg}`);
    return concat(this.out);
  }
}

/** One direction's decompressor: each block continues the stream of the ones before it. */
export class HeaderDecompressor {
  private readonly inflate = new Inflate({ dictionary: spdy3Dictionary });
  private out: Uint8Array[] = [];

  constructor() {
    this.inflate.onData = (chunk) => this.out.push(chunk);
  }

  decompress(block: Uint8Array): SpdyHeaders {
    this.out = [];
    // An empty block carries no headers (and no zlib bytes).
    if (block.length === 0) return {};
    if (!this.inflate.push(block, Z_SYNC_FLUSH) || this.inflate.err) throw new SpdyProtocolError(`header decompression failed: ${this.inflate.msg || this.inflate.err}`);
    return parseHeaders(concat(this.out));
  }
}
