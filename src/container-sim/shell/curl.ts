// curl 8: the request it sends, what it prints (body, -i/-I heads, -v trace, -w variables, the progress meter on a
// non-terminal stderr), and its error messages with their exit codes.

import type { HttpRequest } from "../network";
import { KERNEL_CONNECT_TIMEOUT_MS, parseUrl, reach, responseHead } from "./net-client";
import type { Io, Run, ShellState } from "./state";
import { normalizePath } from "./vfs";
import { byteLength } from "../bytes";

/** The curl of images that do not say which (Ubuntu 24.04's). */
export const DEFAULT_CURL_VERSION = "8.5.0";

interface CurlOptions {
  url?: string;
  method?: string;
  headers: Record<string, string>;
  data?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  outFile?: string;
  writeOut?: string;
  connectTimeoutS?: number;
  maxTimeS?: number;
  userAgent?: string;
}

const TAKES_VALUE = new Set(["-X", "--request", "-H", "--header", "-d", "--data", "--data-raw", "--data-binary", "-o", "--output", "-w", "--write-out", "--connect-timeout", "-m", "--max-time", "-A", "--user-agent", "-u", "--user", "--retry", "-e", "--referer", "--resolve", "-x", "--proxy"]);

function parseCurl(argv: string[]): CurlOptions {
  const o: CurlOptions = { headers: {}, silent: false, showError: false, include: false, head: false, verbose: false, fail: false };
  const set = (name: string, v: string) => {
    if (name === "-X" || name === "--request") o.method = v;
    else if (name === "-H" || name === "--header") {
      const i = v.indexOf(":");
      if (i > 0) o.headers[v.slice(0, i).trim().toLowerCase()] = v.slice(i + 1).trim();
    } else if (name.startsWith("-d") || name.startsWith("--data")) o.data = o.data === undefined ? v : `${o.data}&${v}`;
    else if (name === "-o" || name === "--output") o.outFile = v;
    else if (name === "-w" || name === "--write-out") o.writeOut = v;
    else if (name === "--connect-timeout") o.connectTimeoutS = Number(v);
    else if (name === "-m" || name === "--max-time") o.maxTimeS = Number(v);
    else if (name === "-A" || name === "--user-agent") o.userAgent = v;
    else if (name === "-e" || name === "--referer") o.headers.referer = v;
  };
  const flag = (c: string) => {
    if (c === "s") o.silent = true;
    else if (c === "S") o.showError = true;
    else if (c === "i") o.include = true;
    else if (c === "I") o.head = true;
    else if (c === "v") o.verbose = true;
    else if (c === "f") o.fail = true;
  };
  const LONG_FLAGS: Record<string, string> = { "--silent": "s", "--show-error": "S", "--include": "i", "--head": "I", "--verbose": "v", "--fail": "f" };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.split(/=(.*)/s, 2);
      if (TAKES_VALUE.has(name)) set(name, inline ?? argv[++i] ?? "");
      else if (LONG_FLAGS[name]) flag(LONG_FLAGS[name]);
    } else if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const name = `-${a[j]}`;
        if (TAKES_VALUE.has(name)) {
          set(name, j + 1 < a.length ? a.slice(j + 1) : argv[++i] ?? "");
          break;
        }
        flag(a[j]);
      }
    } else o.url = a;
  }
  return o;
}

/** `-w` output: %{http_code} and friends, with \n and \t escapes. */
function writeOut(format: string, vars: Record<string, string>): string {
  return format.replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m).replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\r/g, "\r");
}

function progressMeter(bytes: number): string {
  const size = String(bytes).padStart(5);
  const speed = `${Math.max(1, Math.round(bytes / 1.024 / 10))}k`.padStart(6);
  return [
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current",
    "                                 Dload  Upload   Total   Spent    Left  Speed",
    `100 ${size}  100 ${size}    0     0 ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}`,
    "",
  ].join("\n");
}

/** Which wording of connect errors a curl version prints: 8.x's, 7.83–7.88's (with "after N ms"), or older ones'. */
function messageEra(version: string): "8" | "7.83" | "7" {
  const [major, minor] = version.split(".").map(Number);
  if (major >= 8) return "8";
  return major === 7 && minor >= 83 ? "7.83" : "7";
}

export function* curl(argv: string[], io: Io, sh: ShellState): Run<number> {
  const o = parseCurl(argv);
  const target = o.url ? parseUrl(o.url) : undefined;
  if (!target) {
    io.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const showErrors = !o.silent || o.showError;
  const fail = (code: number, message: string, vars: Record<string, string> = {}) => {
    if (showErrors) io.stderr.write(`curl: (${code}) ${message}\n`);
    if (o.writeOut) io.stdout.write(writeOut(o.writeOut, { http_code: "000", response_code: "000", size_download: "0", remote_ip: "", ...vars }));
    return code;
  };
  const version = sh.host.toolVersion?.("curl") ?? DEFAULT_CURL_VERSION;
  const era = messageEra(version);
  const method = o.method ?? (o.head ? "HEAD" : o.data !== undefined ? "POST" : "GET");
  const http: HttpRequest = {
    method,
    path: target.path,
    // curl leaves the scheme's default port out of Host.
    headers: { host: target.port === 80 || target.port === 443 ? target.host : `${target.host}:${target.port}`, "user-agent": o.userAgent ?? `curl/${version}`, accept: "*/*", ...(o.data !== undefined ? { "content-length": String(o.data.length), "content-type": "application/x-www-form-urlencoded" } : {}), ...o.headers },
    ...(o.data !== undefined ? { body: o.data } : {}),
  };
  const res = reach(sh, target.host, target.port, { http });
  if (res.elapsedMs) yield { type: "sleep", ms: res.elapsedMs };
  if (res.kind === "unresolved") return fail(6, `Could not resolve host: ${target.host}`);
  if (o.verbose) io.stderr.write(`*   Trying ${res.ip}:${target.port}...\n`);
  if (res.kind === "timeout") {
    const limits = [o.connectTimeoutS, o.maxTimeS].filter((s): s is number => s !== undefined && s > 0).map((s) => s * 1000);
    const limitMs = Math.min(...limits, KERNEL_CONNECT_TIMEOUT_MS);
    yield { type: "sleep", ms: limitMs };
    const byCurl = limitMs < KERNEL_CONNECT_TIMEOUT_MS;
    if (era === "8") return fail(28, `Failed to connect to ${target.host} port ${target.port} after ${limitMs + 1} ms: ${byCurl ? "Timeout was reached" : "Couldn't connect to server"}`);
    if (byCurl) return fail(28, `Connection timed out after ${limitMs + 1} milliseconds`);
    return fail(7, `Failed to connect to ${target.host} port ${target.port}${era === "7.83" ? ` after ${limitMs + 1} ms` : ""}: Connection timed out`);
  }
  if (res.kind === "refused") {
    if (era === "8") return fail(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`);
    return fail(7, `Failed to connect to ${target.host} port ${target.port}${era === "7.83" ? " after 0 ms" : ""}: Connection refused`);
  }
  const answer = res.answer;
  const head = responseHead(answer);
  if (o.verbose) {
    const sent = Object.entries(http.headers).map(([k, v]) => `> ${k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())}: ${v}`);
    io.stderr.write([`* Connected to ${target.host} (${res.ip}) port ${target.port}`, `> ${method} ${target.path} HTTP/1.1`, ...sent, ">", ...head.map((l) => `< ${l}`), "<", ""].join("\n"));
  }
  if (o.fail && answer.status >= 400) return fail(22, `The requested URL returned error: ${answer.status}`, { http_code: String(answer.status), response_code: String(answer.status), remote_ip: res.ip });
  const body = method === "HEAD" ? "" : answer.body;
  const text = `${o.include || o.head ? `${head.join("\r\n")}\r\n\r\n` : ""}${body}`;
  const bytes = byteLength(body);
  // The meter shows when the body goes to a file (on a terminal, as under `kubectl run -it`, it does not otherwise).
  if (!o.silent && !o.verbose && o.outFile) io.stderr.write(progressMeter(bytes));
  if (o.outFile && o.outFile !== "/dev/null") sh.host.fs.write(normalizePath(o.outFile, sh.cwd), text, sh.host.clock.nowMs);
  else if (!o.outFile) io.stdout.write(text);
  if (o.verbose) io.stderr.write(`* Connection #0 to host ${target.host} left intact\n`);
  if (o.writeOut) io.stdout.write(writeOut(o.writeOut, { http_code: String(answer.status).padStart(3, "0"), response_code: String(answer.status), size_download: String(bytes), remote_ip: res.ip, remote_port: String(target.port), time_total: "0.001000", url_effective: o.url ?? "" }));
  return 0;
}
