// The HTTP client of the benchmarks: undici's fetch over a keep-alive Agent that trusts wrangler's self-signed
// certificate. Every URL is checked to be on 127.0.0.1, so a benchmark cannot send traffic anywhere else.
import { Agent, fetch } from "undici";

export function createClient(origin, { connections = 8 } = {}) {
  const base = new URL(origin);
  if (base.hostname !== "127.0.0.1") throw new Error(`benchmarks only talk to 127.0.0.1, not ${base.hostname}`);
  const dispatcher = new Agent({
    connect: { rejectUnauthorized: false },
    connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });

  /** Send one request and read the whole body; resolves { status, text, headers }. */
  async function request(path, { method = "GET", headers = {}, body, token } = {}) {
    const url = new URL(path, base);
    if (url.hostname !== "127.0.0.1") throw new Error(`refusing to send a request to ${url.host}`);
    const allHeaders = { ...headers };
    if (token) allHeaders.authorization = `Bearer ${token}`;
    if (body !== undefined && typeof body !== "string") {
      allHeaders["content-type"] ??= "application/json";
      body = JSON.stringify(body);
    }
    const response = await fetch(url, { method, headers: allHeaders, body, dispatcher });
    const text = await response.text();
    return { status: response.status, text, headers: response.headers };
  }

  return { request, close: () => dispatcher.close() };
}
