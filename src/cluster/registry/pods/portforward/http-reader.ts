// HTTP/1.x requests out of a forwarded connection's byte stream (curl, a browser, wget through `kubectl
// port-forward`), and the answer as the bytes an HTTP/1.1 server writes back.
import type { HttpRequest } from "../../../../container-sim/network";
import type { HttpAnswer } from "../../../../container-sim/types";
import { responseHead } from "../../../../container-sim/shell/net-client";
import { encodeBytes } from "../../../../container-sim/index";

export interface ReadRequest {
  http: HttpRequest;
  /** The client keeps the connection open for another request (HTTP/1.1 unless `Connection: close`). */
  keepAlive: boolean;
}

const requestLine = /^([A-Z]+) (\S+) HTTP\/1\.([01])$/;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Does a connection's first line look like an HTTP/1.x request line? */
export function isHttpRequestLine(line: string): boolean {
  return requestLine.test(line.replace(/\r$/, ""));
}

function indexOf(buffer: Uint8Array, length: number, pattern: number[], from = 0): number {
  outer: for (let i = from; i + pattern.length <= length; i++) {
    for (let j = 0; j < pattern.length; j++) if (buffer[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** Requests out of bytes given in pieces of any size; bodies by Content-Length or chunked transfer coding. */
export class HttpRequestReader {
  private buffer = new Uint8Array(0);
  /** Set when the stream is not HTTP any more (a malformed head): the caller answers 400 and closes. */
  malformed = false;

  push(piece: Uint8Array): ReadRequest[] {
    const grown = new Uint8Array(this.buffer.length + piece.length);
    grown.set(this.buffer);
    grown.set(piece, this.buffer.length);
    this.buffer = grown;
    const out: ReadRequest[] = [];
    for (;;) {
      const request = this.next();
      if (!request) return out;
      out.push(request);
    }
  }

  private next(): ReadRequest | undefined {
    if (this.malformed) return undefined;
    const end = indexOf(this.buffer, this.buffer.length, [13, 10, 13, 10]);
    if (end < 0) return undefined;
    const head = decoder.decode(this.buffer.subarray(0, end)).split("\r\n");
    const match = requestLine.exec(head[0] ?? "");
    if (!match) {
      this.malformed = true;
      return undefined;
    }
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    let at = end + 4;
    let body: Uint8Array;
    if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
      const chunks: Uint8Array[] = [];
      for (;;) {
        const lineEnd = indexOf(this.buffer, this.buffer.length, [13, 10], at);
        if (lineEnd < 0) return undefined;
        const size = parseInt(decoder.decode(this.buffer.subarray(at, lineEnd)), 16);
        if (Number.isNaN(size)) {
          this.malformed = true;
          return undefined;
        }
        if (size === 0) {
          const trailerEnd = indexOf(this.buffer, this.buffer.length, [13, 10, 13, 10], lineEnd);
          const direct = this.buffer[lineEnd + 2] === 13 && this.buffer[lineEnd + 3] === 10;
          if (direct) at = lineEnd + 4;
          else if (trailerEnd >= 0) at = trailerEnd + 4;
          else return undefined;
          break;
        }
        if (lineEnd + 2 + size + 2 > this.buffer.length) return undefined;
        chunks.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let o = 0;
      for (const c of chunks) {
        body.set(c, o);
        o += c.length;
      }
      delete headers["transfer-encoding"];
      headers["content-length"] = String(body.length);
    } else {
      const length = Number(headers["content-length"] ?? 0) || 0;
      if (at + length > this.buffer.length) return undefined;
      body = this.buffer.subarray(at, at + length);
      at += length;
    }
    const [, method, path, minor] = match;
    const connection = (headers.connection ?? "").toLowerCase();
    const keepAlive = minor === "1" ? !connection.includes("close") : connection.includes("keep-alive");
    const http: HttpRequest = { method: method!, path: path!, headers };
    if (body.length) http.body = decoder.decode(body);
    this.buffer = this.buffer.slice(at);
    return { http, keepAlive };
  }
}

/** The bytes of an HTTP/1.1 answer; `close` adds `Connection: close` (the server closes after it). */
export function answerBytes(answer: HttpAnswer, method: string, close: boolean): Uint8Array {
  // The body's bytes as the program holds them (a binary file served by nginx comes back byte for byte).
  const body = encodeBytes(answer.body);
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (headers["content-length"] === undefined && headers["transfer-encoding"] === undefined) headers["content-length"] = String(body.length);
  if (close) headers.connection = "close";
  const head = responseHead({ ...answer, headers }).join("\r\n") + "\r\n\r\n";
  const headBytes = encoder.encode(head);
  const withBody = method !== "HEAD" && answer.status !== 204 && answer.status !== 304;
  const out = new Uint8Array(headBytes.length + (withBody ? body.length : 0));
  out.set(headBytes);
  if (withBody) out.set(body, headBytes.length);
  return out;
}
