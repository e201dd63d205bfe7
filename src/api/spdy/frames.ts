// SPDY/3.1 frames (draft 3.1, section 2.2): their in-memory shapes, their encoding, and a parser that takes the
// session's byte stream in pieces of any size (a WebSocket tunnel splits frames anywhere). Header blocks stay
// compressed here; header-block.ts (de)compresses them, in order, with the session's two zlib contexts.

export const spdyVersion = 3;
export const FLAG_FIN = 0x01;
export const FLAG_UNIDIRECTIONAL = 0x02;
/** The largest frame payload the 24-bit length field can carry. */
export const maxFrameLength = 0xffffff;

export const ControlType = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;

/** RST_STREAM status codes. */
export const RstStatus = { PROTOCOL_ERROR: 1, INVALID_STREAM: 2, REFUSED_STREAM: 3, CANCEL: 5, INTERNAL_ERROR: 6, FLOW_CONTROL_ERROR: 7 } as const;
/** SETTINGS ids used here. */
export const SETTINGS_INITIAL_WINDOW_SIZE = 7;

export type SpdyFrame =
  | { type: "data"; streamId: number; flags: number; data: Uint8Array }
  | { type: "syn_stream"; streamId: number; associatedTo: number; priority: number; slot: number; flags: number; headerBlock: Uint8Array }
  | { type: "syn_reply"; streamId: number; flags: number; headerBlock: Uint8Array }
  | { type: "headers"; streamId: number; flags: number; headerBlock: Uint8Array }
  | { type: "rst_stream"; streamId: number; status: number }
  | { type: "settings"; flags: number; entries: Array<{ flags: number; id: number; value: number }> }
  | { type: "ping"; id: number }
  | { type: "goaway"; lastGoodStreamId: number; status: number }
  | { type: "window_update"; streamId: number; delta: number }
  | { type: "unknown"; controlType: number; flags: number; payload: Uint8Array };

export class SpdyProtocolError extends Error {}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 24) & 0xff;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

function controlFrame(type: number, flags: number, payload: Uint8Array): Uint8Array {
  if (payload.length > maxFrameLength) throw new SpdyProtocolError("control frame too large");
  const out = new Uint8Array(8 + payload.length);
  out[0] = 0x80 | (spdyVersion >> 8);
  out[1] = spdyVersion & 0xff;
  out[2] = type >> 8;
  out[3] = type & 0xff;
  put32(out, 4, payload.length);
  out[4] = flags;
  out.set(payload, 8);
  return out;
}

/** The bytes of one frame (header blocks as given: already compressed). */
export function encodeFrame(frame: SpdyFrame): Uint8Array {
  switch (frame.type) {
    case "data": {
      if (frame.data.length > maxFrameLength) throw new SpdyProtocolError("data frame too large");
      const out = new Uint8Array(8 + frame.data.length);
      put32(out, 0, frame.streamId & 0x7fffffff);
      put32(out, 4, frame.data.length);
      out[4] = frame.flags;
      out.set(frame.data, 8);
      return out;
    }
    case "syn_stream": {
      const p = new Uint8Array(10 + frame.headerBlock.length);
      put32(p, 0, frame.streamId & 0x7fffffff);
      put32(p, 4, frame.associatedTo & 0x7fffffff);
      p[8] = (frame.priority & 0x7) << 5;
      p[9] = frame.slot;
      p.set(frame.headerBlock, 10);
      return controlFrame(ControlType.SYN_STREAM, frame.flags, p);
    }
    case "syn_reply":
    case "headers": {
      const p = new Uint8Array(4 + frame.headerBlock.length);
      put32(p, 0, frame.streamId & 0x7fffffff);
      p.set(frame.headerBlock, 4);
      return controlFrame(frame.type === "syn_reply" ? ControlType.SYN_REPLY : ControlType.HEADERS, frame.flags, p);
    }
    case "rst_stream": {
      const p = new Uint8Array(8);
      put32(p, 0, frame.streamId & 0x7fffffff);
      put32(p, 4, frame.status);
      return controlFrame(ControlType.RST_STREAM, 0, p);
    }
    case "settings": {
      const p = new Uint8Array(4 + 8 * frame.entries.length);
      put32(p, 0, frame.entries.length);
      frame.entries.forEach((e, i) => {
        put32(p, 4 + 8 * i, e.id & 0xffffff);
        p[4 + 8 * i] = e.flags;
        put32(p, 8 + 8 * i, e.value);
      });
      return controlFrame(ControlType.SETTINGS, frame.flags, p);
    }
    case "ping": {
      const p = new Uint8Array(4);
      put32(p, 0, frame.id);
      return controlFrame(ControlType.PING, 0, p);
    }
    case "goaway": {
      const p = new Uint8Array(8);
      put32(p, 0, frame.lastGoodStreamId & 0x7fffffff);
      put32(p, 4, frame.status);
      return controlFrame(ControlType.GOAWAY, 0, p);
    }
    case "window_update": {
      const p = new Uint8Array(8);
      put32(p, 0, frame.streamId & 0x7fffffff);
      put32(p, 4, frame.delta & 0x7fffffff);
      return controlFrame(ControlType.WINDOW_UPDATE, 0, p);
    }
    case "unknown":
      return controlFrame(frame.controlType, frame.flags, frame.payload);
  }
}

function need(payload: Uint8Array, n: number, what: string): void {
  if (payload.length < n) throw new SpdyProtocolError(`${what} frame too short`);
}

function decodeControl(type: number, flags: number, p: Uint8Array): SpdyFrame {
  switch (type) {
    case ControlType.SYN_STREAM:
      need(p, 10, "SYN_STREAM");
      return { type: "syn_stream", streamId: u32(p, 0) & 0x7fffffff, associatedTo: u32(p, 4) & 0x7fffffff, priority: p[8]! >> 5, slot: p[9]!, flags, headerBlock: p.subarray(10) };
    case ControlType.SYN_REPLY:
    case ControlType.HEADERS:
      need(p, 4, "SYN_REPLY");
      return { type: type === ControlType.SYN_REPLY ? "syn_reply" : "headers", streamId: u32(p, 0) & 0x7fffffff, flags, headerBlock: p.subarray(4) };
    case ControlType.RST_STREAM:
      need(p, 8, "RST_STREAM");
      return { type: "rst_stream", streamId: u32(p, 0) & 0x7fffffff, status: u32(p, 4) };
    case ControlType.SETTINGS: {
      need(p, 4, "SETTINGS");
      const count = u32(p, 0);
      need(p, 4 + 8 * count, "SETTINGS");
      const entries = [];
      for (let i = 0; i < count; i++) entries.push({ flags: p[4 + 8 * i]!, id: u32(p, 4 + 8 * i) & 0xffffff, value: u32(p, 8 + 8 * i) });
      return { type: "settings", flags, entries };
    }
    case ControlType.PING:
      need(p, 4, "PING");
      return { type: "ping", id: u32(p, 0) };
    case ControlType.GOAWAY:
      need(p, 4, "GOAWAY");
      return { type: "goaway", lastGoodStreamId: u32(p, 0) & 0x7fffffff, status: p.length >= 8 ? u32(p, 4) : 0 };
    case ControlType.WINDOW_UPDATE:
      need(p, 8, "WINDOW_UPDATE");
      return { type: "window_update", streamId: u32(p, 0) & 0x7fffffff, delta: u32(p, 4) & 0x7fffffff };
    default:
      return { type: "unknown", controlType: type, flags, payload: p };
  }
}

/**
 * Cuts a byte stream into frames. `push` takes the next piece (any size, frames split anywhere) and returns the
 * frames it completed. Payloads are copies, independent of the pieces given.
 */
export class FrameParser {
  private buffer = new Uint8Array(0);
  private length = 0;

  push(piece: Uint8Array): SpdyFrame[] {
    this.append(piece);
    const frames: SpdyFrame[] = [];
    let at = 0;
    while (this.length - at >= 8) {
      const b = this.buffer;
      const size = (b[at + 5]! << 16) + (b[at + 6]! << 8) + b[at + 7]!;
      if (this.length - at < 8 + size) break;
      const flags = b[at + 4]!;
      const payload = b.slice(at + 8, at + 8 + size);
      if (b[at]! & 0x80) {
        const version = ((b[at]! & 0x7f) << 8) + b[at + 1]!;
        if (version !== spdyVersion) throw new SpdyProtocolError(`unsupported SPDY version ${version}`);
        frames.push(decodeControl((b[at + 2]! << 8) + b[at + 3]!, flags, payload));
      } else {
        frames.push({ type: "data", streamId: u32(b, at) & 0x7fffffff, flags, data: payload });
      }
      at += 8 + size;
    }
    if (at > 0) {
      this.buffer.copyWithin(0, at, this.length);
      this.length -= at;
    }
    return frames;
  }

  private append(piece: Uint8Array): void {
    if (this.length + piece.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.length + piece.length, this.buffer.length * 2, 256));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(piece, this.length);
    this.length += piece.length;
  }
}
