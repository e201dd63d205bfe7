// The kubelet's port-forward protocol (portforward.k8s.io over SPDY/3.1): for each local connection the client
// opens an `error` stream and a `data` stream sharing a `requestID`, both naming the `port`. The server replies to
// each stream; once both are there it connects to the port inside the pod and copies bytes both ways. When the
// connection fails, the reason goes to the error stream (`error forwarding port 80 to pod <sandbox>, uid : …`) and
// both streams close: kubectl prints it and goes on forwarding other connections.
import { SpdySession, type SpdyStream } from "../../../../api/spdy/session";
import { encodeBytes } from "../../../../container-sim/index";
import { answerBytes, HttpRequestReader, isHttpRequestLine } from "./http-reader";
import type { ByteSocket, PodConnection, PortForwardTarget } from "./ports";

/** The subprotocol kubectl 1.31+ asks for when it tunnels SPDY in a WebSocket. */
export const portForwardWebSocketProtocol = "SPDY/3.1+portforward.k8s.io";

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
  /** Bytes the data stream carried before the pair was complete. */
  early: Uint8Array[];
  started: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Serves one port-forward session on `socket`; returns the SPDY session (for tests and metrics). */
export function servePortForward(socket: ByteSocket, target: PortForwardTarget): SpdySession {
  const pairs = new Map<string, Pair>();
  const session = new SpdySession((bytes) => socket.send(bytes), {
    onStream(stream) {
      const type = stream.header("streamType");
      const requestID = stream.header("requestID") ?? "";
      if (type !== "error" && type !== "data") {
        stream.reset();
        return;
      }
      stream.reply();
      let pair = pairs.get(requestID);
      if (!pair) pairs.set(requestID, (pair = { early: [], started: false }));
      if (type === "error") {
        pair.error = stream;
        // The client writes nothing on its error stream.
        stream.onEnd = () => {};
      } else {
        pair.data = stream;
        const p = pair;
        stream.onData = (bytes) => p.early.push(bytes.slice());
      }
      if (pair.error && pair.data && !pair.started) {
        pair.started = true;
        pairs.delete(requestID);
        forward(pair.error, pair.data, pair.early, target);
      }
    },
    onClose: () => socket.close(),
  });
  socket.onMessage((bytes) => session.receive(bytes));
  socket.onClose?.(() => session.goAway());
  return session;
}

function forward(errorStream: SpdyStream, dataStream: SpdyStream, early: Uint8Array[], target: PortForwardTarget): void {
  const port = Number(dataStream.header("port"));
  const finish = () => {
    errorStream.end();
    dataStream.end();
  };
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    errorStream.write(encoder.encode(`error forwarding port ${dataStream.header("port") ?? ""} to pod ${target.sandboxId}, uid : invalid port ${dataStream.header("port") ?? ""}`));
    finish();
    return;
  }
  const dialled = target.dial(port);
  if ("error" in dialled) {
    errorStream.write(encoder.encode(`error forwarding port ${port} to pod ${target.sandboxId}, uid : ${dialled.error}`));
    finish();
    return;
  }
  const copy = new Copier(dialled, (bytes) => dataStream.write(bytes), finish);
  dataStream.onData = (bytes) => copy.fromClient(bytes);
  dataStream.onEnd = () => copy.clientClosed();
  errorStream.onReset = dataStream.onReset = () => copy.abandon();
  for (const bytes of early) copy.fromClient(bytes);
}

/** The bytes of one forwarded connection: HTTP exchanges, or a bare TCP protocol, decided by the first line. */
class Copier {
  private mode: "undecided" | "http" | "tcp" = "undecided";
  private readonly http = new HttpRequestReader();
  private pending = new Uint8Array(0);
  private done = false;

  constructor(
    private readonly conn: PodConnection,
    private readonly toClient: (bytes: Uint8Array) => void,
    private readonly close: () => void,
  ) {}

  fromClient(bytes: Uint8Array): void {
    if (this.done) return;
    if (this.mode === "undecided") {
      const joined = new Uint8Array(this.pending.length + bytes.length);
      joined.set(this.pending);
      joined.set(bytes, this.pending.length);
      const newline = joined.indexOf(10);
      if (newline < 0 && joined.length < 8192) {
        this.pending = joined;
        return;
      }
      this.pending = new Uint8Array(0);
      const firstLine = decoder.decode(joined.subarray(0, newline < 0 ? joined.length : newline));
      this.mode = isHttpRequestLine(firstLine) ? "http" : "tcp";
      bytes = joined;
    }
    if (this.mode === "tcp") {
      const reply = this.conn.send(decoder.decode(bytes));
      if (reply) this.toClient(encodeBytes(reply));
      return;
    }
    for (const request of this.http.push(bytes)) {
      const answer = this.conn.http(request.http);
      if (answer.status === 0) {
        // Something listens but does not speak HTTP: what it wrote, then it hangs up on the garbage.
        if (answer.body) this.toClient(encodeBytes(answer.body));
        return this.finish();
      }
      this.toClient(answerBytes(answer, request.http.method, !request.keepAlive));
      if (!request.keepAlive) return this.finish();
    }
    if (this.http.malformed) {
      this.toClient(answerBytes({ status: 400, body: "", headers: {} }, "GET", true));
      this.finish();
    }
  }

  /** The client closed its side (the local connection ended): the server's side closes too. */
  clientClosed(): void {
    this.finish();
  }

  abandon(): void {
    this.done = true;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.close();
  }
}
