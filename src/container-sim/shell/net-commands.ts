// wget (busybox), curl and nc over the container's resolver and network, with the real programs' messages for an
// answer, a refused connection, a name that does not resolve, and a connection nobody answers (a NetworkPolicy drops
// it): those take their time in virtual time, as the real programs wait.

import type { HttpRequest } from "../network";
import type { Builtin } from "./commands";
import { curl } from "./curl";
import { busyboxNslookup } from "./nslookup-busybox";
import { HTTP_REASONS, KERNEL_CONNECT_TIMEOUT_MS, parseUrl, reach, responseHead } from "./net-client";
import type { Io, Run, ShellState } from "./state";
import { normalizePath } from "./vfs";
import { byteLength } from "../bytes";

/** busybox wget's default `-T`: 900 s (the kernel gives up on an unanswered connect sooner). */
const WGET_DEFAULT_TIMEOUT_S = 900;

/** busybox's progress line once a download completes: `index.html           100% |*****...|   615  0:00:00 ETA`. */
function progressLine(name: string, bytes: number): string {
  const size = bytes < 100_000 ? String(bytes) : `${Math.round(bytes / 1024)}k`;
  return `${name.padEnd(20).slice(0, 20)} 100% |${"*".repeat(32)}| ${size.padStart(5)}  0:00:00 ETA`;
}

interface WgetOptions {
  quiet: boolean;
  outFile?: string;
  timeoutS: number;
  serverResponse: boolean;
  spider: boolean;
  userAgent: string;
  headers: Record<string, string>;
  postData?: string;
  url?: string;
}

function parseWget(argv: string[]): WgetOptions {
  const o: WgetOptions = { quiet: false, timeoutS: WGET_DEFAULT_TIMEOUT_S, serverResponse: false, spider: false, userAgent: "Wget", headers: {} };
  const valued: Record<string, (v: string) => void> = {
    O: (v) => (o.outFile = v),
    T: (v) => (o.timeoutS = Number(v)),
    U: (v) => (o.userAgent = v),
    timeout: (v) => (o.timeoutS = Number(v)),
    "output-document": (v) => (o.outFile = v),
    "user-agent": (v) => (o.userAgent = v),
    "post-data": (v) => (o.postData = v),
    header: (v) => {
      const i = v.indexOf(":");
      if (i > 0) o.headers[v.slice(0, i).trim().toLowerCase()] = v.slice(i + 1).trim();
    },
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (name === "quiet") o.quiet = true;
      else if (name === "spider") o.spider = true;
      else if (name === "server-response") o.serverResponse = true;
      else if (valued[name]) valued[name](inline ?? argv[++i] ?? "");
    } else if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === "q") o.quiet = true;
        else if (c === "S") o.serverResponse = true;
        else if ("OTUY".includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i] ?? "";
          valued[c]?.(value);
          break;
        }
      }
    } else o.url = a;
  }
  return o;
}

function* wget(argv: string[], io: Io, sh: ShellState): Run<number> {
  const o = parseWget(argv);
  const target = o.url ? parseUrl(o.url) : undefined;
  if (!target) {
    io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n");
    return 1;
  }
  const http: HttpRequest = {
    method: o.postData !== undefined ? "POST" : "GET",
    path: target.path,
    headers: { host: target.hostHeader, "user-agent": o.userAgent, connection: "close", ...(o.postData !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...o.headers },
    ...(o.postData !== undefined ? { body: o.postData } : {}),
  };
  const res = reach(sh, target.host, target.port, { http });
  if (res.elapsedMs) yield { type: "sleep", ms: res.elapsedMs };
  if (res.kind === "unresolved") {
    io.stderr.write(`wget: bad address '${target.hostHeader}'\n`);
    return 1;
  }
  if (!o.quiet) io.stderr.write(`Connecting to ${target.hostHeader} (${res.ip}:${target.port})\n`);
  if (res.kind === "timeout") {
    const timeoutMs = o.timeoutS * 1000;
    if (timeoutMs < KERNEL_CONNECT_TIMEOUT_MS) {
      yield { type: "sleep", ms: timeoutMs };
      io.stderr.write("wget: download timed out\n");
    } else {
      yield { type: "sleep", ms: KERNEL_CONNECT_TIMEOUT_MS };
      io.stderr.write(`wget: can't connect to remote host (${res.ip}): Connection timed out\n`);
    }
    return 1;
  }
  if (res.kind === "refused") {
    io.stderr.write(`wget: can't connect to remote host (${res.ip}): Connection refused\n`);
    return 1;
  }
  const { status, body } = res.answer;
  if (o.serverResponse && status > 0) io.stderr.write(responseHead(res.answer).map((l) => `  ${l}\n`).join(""));
  if (status >= 400) {
    io.stderr.write(`wget: server returned error: HTTP/1.1 ${status} ${HTTP_REASONS[status] ?? ""}\n`);
    return 1;
  }
  if (o.spider) {
    if (!o.quiet) io.stderr.write("remote file exists\n");
    return 0;
  }
  const bytes = byteLength(body);
  if (o.outFile === "-") {
    if (!o.quiet) io.stderr.write("writing to stdout\n");
    io.stdout.write(body);
    if (!o.quiet) io.stderr.write(`${progressLine("-", bytes)}\nwritten to stdout\n`);
    return 0;
  }
  const name = o.outFile ?? (target.path.split("?")[0].split("/").pop() || "index.html");
  if (name !== "/dev/null") sh.host.fs.write(normalizePath(name, sh.cwd), body, sh.host.clock.nowMs);
  if (!o.quiet) io.stderr.write(`saving to '${name}'\n${progressLine(name, bytes)}\n'${name}' saved\n`);
  return 0;
}

/** Everything stdin will give (a pipe: what is there; an attached stream: until it closes). */
function* readAllInput(io: Io): Run<string> {
  for (let wait = io.stdin.more?.(); wait !== undefined; wait = io.stdin.more?.()) yield { type: "sleep", ms: wait };
  const data = io.stdin.data;
  io.stdin.data = "";
  return data;
}

/** busybox nc (the netcat 1.10 flavour): connect and exchange stdin, `-z` only connects, `-v` reports, `-w` bounds the wait; `-l` listens. */
function* nc(argv: string[], io: Io, sh: ShellState): Run<number> {
  let flags = "";
  let wait: number | undefined;
  let listenPort: number | undefined;
  const plain: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-w") wait = Number(argv[++i]);
    else if (a === "-p") listenPort = Number(argv[++i]);
    else if (a === "-e") i = argv.length;
    else if (/^-w\d+$/.test(a)) wait = Number(a.slice(2));
    else if (a.startsWith("-")) flags += a.slice(1);
    else plain.push(a);
  }
  if (flags.includes("l")) {
    const port = listenPort ?? Number(plain[plain.length - 1]);
    if (!Number.isInteger(port)) {
      io.stderr.write("nc: missing port\n");
      return 1;
    }
    sh.host.listen(port, sh.host.clock.nowMs);
    yield { type: "sleep", ms: Infinity };
    return 0;
  }
  const [host, portText] = plain;
  const port = Number(portText);
  if (!host || !Number.isInteger(port)) {
    io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n");
    return 1;
  }
  const zero = flags.includes("z");
  const verbose = flags.includes("v");
  const send = zero ? undefined : yield* readAllInput(io);
  const res = reach(sh, host, port, send ? { send } : {});
  if (res.elapsedMs) yield { type: "sleep", ms: res.elapsedMs };
  if (res.kind === "unresolved") {
    io.stderr.write(`nc: bad address '${host}'\n`);
    return 1;
  }
  const where = `${host} (${res.ip}:${port})`;
  if (res.kind === "refused" || res.kind === "timeout") {
    const reason = res.kind === "refused" ? "Connection refused" : "Connection timed out";
    if (res.kind === "timeout") yield { type: "sleep", ms: Math.min(wait !== undefined && wait > 0 ? wait * 1000 : Infinity, KERNEL_CONNECT_TIMEOUT_MS) };
    if (verbose) io.stderr.write(`nc: ${where}: ${reason}\n`);
    else if (!zero) io.stderr.write(`nc: can't connect to remote host (${res.ip}): ${reason}\n`);
    return 1;
  }
  if (verbose) io.stderr.write(`${where} open\n`);
  if (!zero && res.answer.body) io.stdout.write(res.answer.body);
  return 0;
}

export const NET_COMMANDS: Record<string, Builtin> = { wget, curl, nc, nslookup: busyboxNslookup };
