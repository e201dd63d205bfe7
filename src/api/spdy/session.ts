// A SPDY/3.1 session, server side (the peer opens the streams: odd ids), over a byte stream given in pieces of any
// size. It answers PING, honours RST_STREAM and GOAWAY, and keeps SPDY/3.1 flow control (64 KiB initial windows,
// per stream and for the session):
// - receiving: a WINDOW_UPDATE gives back what the peer sent once half a window has been consumed;
// - sending: the peer's windows bound what is in flight, but only once the peer shows that it keeps flow control
//   (it sent a WINDOW_UPDATE or SETTINGS_INITIAL_WINDOW_SIZE). Docker's spdystream, the SPDY of kubectl and the
//   kubelet, neither sends nor reads WINDOW_UPDATE: holding data back for it would stall every answer over 64 KiB.
import { HeaderCompressor, HeaderDecompressor, type SpdyHeaders } from "./header-block";
import { encodeFrame, FLAG_FIN, FLAG_UNIDIRECTIONAL, FrameParser, RstStatus, SETTINGS_INITIAL_WINDOW_SIZE, SpdyProtocolError, type SpdyFrame } from "./frames";

export const initialWindow = 64 * 1024;
/** The largest data frame this side sends. */
export const maxDataChunk = 16 * 1024;

export interface SpdySessionEvents {
  /** The peer opened a stream (SYN_STREAM); answer it with `stream.reply` or `stream.reset`. */
  onStream(stream: SpdyStream): void;
  /** The peer sent GOAWAY, or the byte stream broke the protocol (then the session sent GOAWAY itself). */
  onClose?(reason: string): void;
}

export class SpdyStream {
  /** Bytes of a DATA frame the peer sent. */
  onData: (bytes: Uint8Array) => void = () => {};
  /** The peer finished its side (FLAG_FIN). */
  onEnd: () => void = () => {};
  /** The peer reset the stream (or the session ended). */
  onReset: (status: number) => void = () => {};
  replied = false;
  localFin = false;
  remoteFin = false;
  reset_ = false;
  sendWindow: number;
  receivedUnacked = 0;
  readonly queue: Array<{ data: Uint8Array; fin: boolean }> = [];

  constructor(
    private readonly session: SpdySession,
    readonly id: number,
    readonly headers: SpdyHeaders,
    sendWindow: number,
  ) {
    this.sendWindow = sendWindow;
  }

  /** The first value of a header (names are lower-case on the wire). */
  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()]?.[0];
  }

  reply(headers: SpdyHeaders = {}, fin = false): void {
    if (this.replied || this.reset_) return;
    this.replied = true;
    this.session.sendReply(this, headers, fin);
  }

  /** Sends bytes on the stream (split into data frames, held back while the peer's window is closed). */
  write(bytes: Uint8Array): void {
    if (this.localFin || this.reset_) return;
    for (let at = 0; at < bytes.length; at += maxDataChunk) this.queue.push({ data: bytes.subarray(at, at + maxDataChunk), fin: false });
    this.session.flush();
  }

  /** Half-closes this side: an empty data frame with FLAG_FIN, after what is queued. */
  end(): void {
    if (this.localFin || this.reset_) return;
    this.localFin = true;
    this.queue.push({ data: new Uint8Array(0), fin: true });
    this.session.flush();
  }

  reset(status: number = RstStatus.CANCEL): void {
    if (this.reset_) return;
    this.session.sendReset(this, status);
  }

  /** Bytes queued but not yet sent (the peer's window is closed). */
  get pending(): number {
    return this.queue.reduce((n, q) => n + q.data.length, 0);
  }
}

export class SpdySession {
  private readonly parser = new FrameParser();
  private readonly inflater = new HeaderDecompressor();
  private readonly deflater = new HeaderCompressor();
  private readonly streams = new Map<number, SpdyStream>();
  private lastPeerStream = 0;
  private peerInitialWindow = initialWindow;
  private sessionSendWindow = initialWindow;
  private sessionReceivedUnacked = 0;
  /** The peer keeps flow control (see the header comment). */
  private peerFlowControl = false;
  private closed = false;

  constructor(
    private readonly write: (bytes: Uint8Array) => void,
    private readonly events: SpdySessionEvents,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** The next piece of the peer's byte stream. */
  receive(piece: Uint8Array): void {
    if (this.closed) return;
    let frames: SpdyFrame[];
    try {
      frames = this.parser.push(piece);
      for (const frame of frames) this.handle(frame);
    } catch (err) {
      if (!(err instanceof SpdyProtocolError)) throw err;
      this.goAway(1, err.message);
    }
  }

  /** Sends GOAWAY and ends the session (every open stream is reset). */
  goAway(status = 0, reason = "session closed"): void {
    if (this.closed) return;
    this.send({ type: "goaway", lastGoodStreamId: this.lastPeerStream, status });
    this.shutdown(reason);
  }

  private shutdown(reason: string): void {
    this.closed = true;
    for (const stream of this.streams.values()) {
      stream.reset_ = true;
      stream.onReset(RstStatus.CANCEL);
    }
    this.streams.clear();
    this.events.onClose?.(reason);
  }

  private send(frame: SpdyFrame): void {
    this.write(encodeFrame(frame));
  }

  private handle(frame: SpdyFrame): void {
    switch (frame.type) {
      case "syn_stream":
        return this.synStream(frame);
      case "headers":
        // Decompressed to keep the zlib stream in step; extra headers mean nothing to these streams.
        this.inflater.decompress(frame.headerBlock);
        if (frame.flags & FLAG_FIN) this.remoteEnd(frame.streamId);
        return;
      case "syn_reply":
        this.inflater.decompress(frame.headerBlock);
        return;
      case "data":
        return this.data(frame.streamId, frame.flags, frame.data);
      case "rst_stream": {
        const stream = this.streams.get(frame.streamId);
        if (!stream) return;
        stream.reset_ = true;
        this.streams.delete(stream.id);
        stream.onReset(frame.status);
        return;
      }
      case "settings":
        for (const e of frame.entries) {
          if (e.id !== SETTINGS_INITIAL_WINDOW_SIZE) continue;
          const change = e.value - this.peerInitialWindow;
          this.peerInitialWindow = e.value;
          this.peerFlowControl = true;
          for (const s of this.streams.values()) s.sendWindow += change;
        }
        this.flush();
        return;
      case "ping":
        // Server pings are even; an odd id is the peer's, to be echoed.
        if (frame.id % 2 === 1) this.send(frame);
        return;
      case "goaway":
        this.shutdown("peer sent GOAWAY");
        return;
      case "window_update":
        this.peerFlowControl = true;
        if (frame.streamId === 0) this.sessionSendWindow += frame.delta;
        else {
          const stream = this.streams.get(frame.streamId);
          if (stream) stream.sendWindow += frame.delta;
        }
        this.flush();
        return;
      case "unknown":
        return;
    }
  }

  private synStream(frame: Extract<SpdyFrame, { type: "syn_stream" }>): void {
    const headers = this.inflater.decompress(frame.headerBlock);
    const id = frame.streamId;
    if (id % 2 === 0 || id <= this.lastPeerStream) {
      this.send({ type: "rst_stream", streamId: id, status: RstStatus.PROTOCOL_ERROR });
      return;
    }
    this.lastPeerStream = id;
    const stream = new SpdyStream(this, id, headers, this.peerInitialWindow);
    if (frame.flags & FLAG_UNIDIRECTIONAL) stream.localFin = true;
    this.streams.set(id, stream);
    this.events.onStream(stream);
    if (frame.flags & FLAG_FIN) this.remoteEnd(id);
  }

  private data(streamId: number, flags: number, bytes: Uint8Array): void {
    const stream = this.streams.get(streamId);
    this.acknowledge(stream, bytes.length);
    if (!stream || stream.remoteFin) {
      this.send({ type: "rst_stream", streamId, status: stream ? RstStatus.PROTOCOL_ERROR : RstStatus.INVALID_STREAM });
      return;
    }
    if (bytes.length) stream.onData(bytes);
    if (flags & FLAG_FIN) this.remoteEnd(streamId);
  }

  /** Gives the peer its window back once half of it is used (session and stream). */
  private acknowledge(stream: SpdyStream | undefined, n: number): void {
    if (n === 0) return;
    this.sessionReceivedUnacked += n;
    if (this.sessionReceivedUnacked >= initialWindow / 2) {
      this.send({ type: "window_update", streamId: 0, delta: this.sessionReceivedUnacked });
      this.sessionReceivedUnacked = 0;
    }
    if (!stream || stream.remoteFin) return;
    stream.receivedUnacked += n;
    if (stream.receivedUnacked >= initialWindow / 2) {
      this.send({ type: "window_update", streamId: stream.id, delta: stream.receivedUnacked });
      stream.receivedUnacked = 0;
    }
  }

  private remoteEnd(streamId: number): void {
    const stream = this.streams.get(streamId);
    if (!stream || stream.remoteFin) return;
    stream.remoteFin = true;
    stream.onEnd();
    this.forgetIfDone(stream);
  }

  private forgetIfDone(stream: SpdyStream): void {
    if (stream.remoteFin && stream.localFin && stream.queue.length === 0) this.streams.delete(stream.id);
  }

  /** @internal */
  sendReply(stream: SpdyStream, headers: SpdyHeaders, fin: boolean): void {
    this.send({ type: "syn_reply", streamId: stream.id, flags: fin ? FLAG_FIN : 0, headerBlock: this.deflater.compress(headers) });
    if (fin) {
      stream.localFin = true;
      this.forgetIfDone(stream);
    }
  }

  /** @internal */
  sendReset(stream: SpdyStream, status: number): void {
    stream.reset_ = true;
    stream.queue.length = 0;
    this.streams.delete(stream.id);
    if (!this.closed) this.send({ type: "rst_stream", streamId: stream.id, status });
  }

  /** @internal Sends what the windows allow, stream by stream in the order they were opened. */
  flush(): void {
    if (this.closed) return;
    for (const stream of [...this.streams.values()]) {
      if (!stream.replied) continue;
      while (stream.queue.length) {
        const next = stream.queue[0]!;
        let n = next.data.length;
        if (this.peerFlowControl) n = Math.min(n, stream.sendWindow, this.sessionSendWindow);
        if (n <= 0 && next.data.length > 0) break;
        const chunk = next.data.subarray(0, n);
        const last = n === next.data.length;
        this.send({ type: "data", streamId: stream.id, flags: last && next.fin ? FLAG_FIN : 0, data: chunk });
        stream.sendWindow -= n;
        this.sessionSendWindow -= n;
        if (last) stream.queue.shift();
        else next.data = next.data.subarray(n);
      }
      this.forgetIfDone(stream);
    }
  }
}
