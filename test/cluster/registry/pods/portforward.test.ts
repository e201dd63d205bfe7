// The kubelet's port-forward protocol over a SPDY session, driven as kubectl drives it: an error and a data stream
// per local connection, HTTP bytes in any pieces, keep-alive, a refused port on the error stream.
import { describe, expect, it } from "vitest";
import type { HttpRequest } from "../../../../src/container-sim/network";
import type { ByteSocket, PortForwardTarget } from "../../../../src/cluster/registry/pods/portforward/ports";
import { servePortForward } from "../../../../src/cluster/registry/pods/portforward/session";
import { FakeSpdyClient } from "../../../api/spdy/fake-client";
import { decodeBytes } from "../../../../src/container-sim/index";

/** Every byte value and a UTF-8 character: a binary file as a program holds it (bytes.ts). */
const BINARY = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), 0xc3, 0xa9]);

function fakeSocket(client: FakeSpdyClient) {
  let deliver: (bytes: Uint8Array) => void = () => {};
  let closed = false;
  const socket: ByteSocket = {
    send: (bytes) => client.read(bytes),
    onMessage: (handler) => (deliver = handler),
    close: () => (closed = true),
  };
  return { socket, message: (bytes: Uint8Array) => deliver(bytes), closed: () => closed };
}

function fakeTarget(seen: HttpRequest[]): PortForwardTarget {
  return {
    sandboxId: "f00d",
    dial(port) {
      if (port === 8080) return { http: () => ({ status: 200, body: decodeBytes(BINARY), headers: { "content-length": String(BINARY.length) } }), send: () => "" };
      if (port === 80) return { http: (http) => (seen.push(http), { status: 200, body: `hello from ${http.path}`, headers: { "content-type": "text/plain" } }), send: () => "" };
      if (port === 6379) return { http: () => ({ status: 0, body: "-ERR wrong protocol\r\n" }), send: (b) => (b.startsWith("PING") ? "+PONG\r\n" : "") };
      return { error: `failed to connect to localhost:${port} inside namespace "f00d", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused ` };
    },
  };
}

/** Opens the two streams of one local connection, as kubectl does (error first). */
function open(client: FakeSpdyClient, port: number, requestID: number) {
  const error = client.synStream({ streamtype: ["error"], port: [String(port)], requestid: [String(requestID)] });
  const data = client.synStream({ streamtype: ["data"], port: [String(port)], requestid: [String(requestID)] });
  return { error, data };
}

describe("port-forward over SPDY", () => {
  it("replies to both streams and answers a curl request written in pieces, closing after Connection: close", () => {
    const client = new FakeSpdyClient();
    const seen: HttpRequest[] = [];
    const ws = fakeSocket(client);
    servePortForward(ws.socket, fakeTarget(seen));
    const { error, data } = open(client, 80, 0);
    const request = "GET /index.html HTTP/1.1\r\nHost: localhost:18080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    const all = new Uint8Array([...error.bytes, ...data.bytes, ...client.data(data.id, request)]);
    // A WebSocket tunnel splits the byte stream anywhere: 7 bytes a message.
    for (let at = 0; at < all.length; at += 7) ws.message(all.subarray(at, at + 7));
    const replies = client.received.filter((f) => f.type === "syn_reply_headers").map((f) => (f as { streamId: number }).streamId);
    expect(replies).toEqual([error.id, data.id]);
    expect(seen).toEqual([{ method: "GET", path: "/index.html", headers: { host: "localhost:18080", "user-agent": "curl/8.5.0", accept: "*/*", connection: "close" } }]);
    const answer = client.streamText(data.id);
    expect(answer.text).toBe("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 22\r\nConnection: close\r\n\r\nhello from /index.html");
    expect(answer.fin).toBe(true);
    expect(client.streamText(error.id)).toEqual({ text: "", fin: true });
  });

  it("sends a binary body byte for byte (a file the program holds as bytes, not as UTF-8 text)", () => {
    const client = new FakeSpdyClient();
    const ws = fakeSocket(client);
    servePortForward(ws.socket, fakeTarget([]));
    const { error, data } = open(client, 8080, 0);
    ws.message(new Uint8Array([...error.bytes, ...data.bytes, ...client.data(data.id, "GET /x.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")]));
    const { bytes } = client.streamBytes(data.id);
    const body = bytes.subarray(bytes.length - BINARY.length);
    expect(new TextDecoder().decode(bytes.subarray(0, bytes.length - BINARY.length))).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Length: 258\r\n.*\r\n\r\n$/s);
    expect([...body]).toEqual([...BINARY]);
  });

  it("keeps the connection for further requests until the client closes it", () => {
    const client = new FakeSpdyClient();
    const seen: HttpRequest[] = [];
    const ws = fakeSocket(client);
    servePortForward(ws.socket, fakeTarget(seen));
    const { error, data } = open(client, 80, 0);
    ws.message(new Uint8Array([...error.bytes, ...data.bytes]));
    ws.message(client.data(data.id, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"));
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([["GET", "/a", undefined], ["POST", "/b", "abc"]]);
    expect(client.streamText(data.id).fin).toBe(false);
    expect(client.streamText(data.id).text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    ws.message(client.data(data.id, "", true));
    expect(client.streamText(data.id).fin).toBe(true);
    expect(client.streamText(error.id).fin).toBe(true);
  });

  it("writes the runtime's refusal on the error stream and goes on serving other connections", () => {
    const client = new FakeSpdyClient();
    const seen: HttpRequest[] = [];
    const ws = fakeSocket(client);
    servePortForward(ws.socket, fakeTarget(seen));
    const refused = open(client, 81, 0);
    ws.message(new Uint8Array([...refused.error.bytes, ...refused.data.bytes]));
    expect(client.streamText(refused.error.id)).toEqual({
      text:
        'error forwarding port 81 to pod f00d, uid : failed to connect to localhost:81 inside namespace "f00d", IPv4: dial tcp4 127.0.0.1:81: connect: connection refused IPv6 dial tcp6 [::1]:81: connect: connection refused ',
      fin: true,
    });
    expect(client.streamText(refused.data.id)).toEqual({ text: "", fin: true });
    const next = open(client, 80, 1);
    ws.message(new Uint8Array([...next.error.bytes, ...next.data.bytes, ...client.data(next.data.id, "GET / HTTP/1.1\r\n\r\n")]));
    expect(client.streamText(next.data.id).text).toContain("hello from /");
    expect(ws.closed()).toBe(false);
  });

  it("passes a non-HTTP protocol's bytes to the program and its replies back", () => {
    const client = new FakeSpdyClient();
    const ws = fakeSocket(client);
    servePortForward(ws.socket, fakeTarget([]));
    const { error, data } = open(client, 6379, 0);
    ws.message(new Uint8Array([...error.bytes, ...data.bytes, ...client.data(data.id, "PI")]));
    ws.message(client.data(data.id, "NG\r\n"));
    expect(client.streamText(data.id)).toEqual({ text: "+PONG\r\n", fin: false });
  });

  it("answers kubectl's PING and closes the socket when kubectl sends GOAWAY", async () => {
    const { encodeFrame } = await import("../../../../src/api/spdy/frames");
    const client = new FakeSpdyClient();
    const ws = fakeSocket(client);
    servePortForward(ws.socket, fakeTarget([]));
    ws.message(encodeFrame({ type: "ping", id: 1 }));
    expect(client.received).toEqual([{ type: "ping", id: 1 }]);
    ws.message(encodeFrame({ type: "goaway", lastGoodStreamId: 0, status: 0 }));
    expect(ws.closed()).toBe(true);
  });
});
