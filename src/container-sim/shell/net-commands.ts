// wget, curl and nc against the host's network hook: an HTTP answer, connection refused, or an unknown name.

import type { Builtin } from "./commands";
import type { Io, ShellState } from "./state";
import { normalizePath } from "./vfs";

const REASONS: Record<number, string> = { 200: "OK", 301: "Moved Permanently", 302: "Found", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };

function parseUrl(raw: string): { host: string; port: number; path: string } | undefined {
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const u = new URL(withScheme);
    const port = u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80;
    return { host: u.hostname, port, path: `${u.pathname}${u.search}` };
  } catch {
    return undefined;
  }
}

const wget: Builtin = (argv, io, sh) => {
  const quiet = argv.some((a) => /^-[a-zA-Z]*q/.test(a));
  let outFile: string | undefined;
  let url: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-O") outFile = argv[++i];
    else if (/^-[a-zA-Z]*O.+/.test(a)) outFile = a.slice(a.indexOf("O") + 1);
    else if (a === "-T" || a === "--timeout") i++;
    else if (!a.startsWith("-")) url = a;
  }
  const target = url ? parseUrl(url) : undefined;
  if (!target) {
    io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n");
    return 1;
  }
  const res = sh.host.network(target.host, target.port, target.path || "/", sh.host.clock.nowMs);
  if (!quiet) io.stderr.write(`Connecting to ${target.host}${target.port === 80 ? "" : `:${target.port}`} (${res.ip ?? target.host}:${target.port})\n`);
  if (res.kind === "unresolved") {
    io.stderr.write(`wget: bad address '${target.host}${target.port === 80 ? "" : `:${target.port}`}'\n`);
    return 1;
  }
  if (res.kind !== "answer") {
    io.stderr.write(`wget: can't connect to remote host (${res.ip ?? target.host}): Connection refused\n`);
    return 1;
  }
  const { status, body } = res.answer;
  if (status >= 400) {
    io.stderr.write(`wget: server returned error: HTTP/1.1 ${status} ${REASONS[status] ?? ""}\n`);
    return 1;
  }
  if (outFile === "-") io.stdout.write(body);
  else {
    const name = outFile ?? (target.path.split("/").pop() || "index.html");
    sh.host.fs.write(normalizePath(name, sh.cwd), body, sh.host.clock.nowMs);
    if (!quiet) io.stderr.write(`saving to '${name}'\n'${name}' saved\n`);
  }
  return 0;
};

const curl: Builtin = (argv, io, sh) => {
  let url: string | undefined;
  let failOnError = false;
  let showStatusOnly = false;
  let outFile: string | undefined;
  let head = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-o" || a === "--output") outFile = argv[++i];
    else if (a === "-w" || a === "--write-out") showStatusOnly = (argv[++i] ?? "").includes("http_code");
    else if (["-H", "-X", "-d", "--data", "--header", "-m", "--max-time", "--connect-timeout", "-u", "-A"].includes(a)) i++;
    else if (a.startsWith("-") && !a.startsWith("--")) {
      if (a.includes("f")) failOnError = true;
      if (a.includes("I")) head = true;
    } else if (a === "--fail") failOnError = true;
    else if (!a.startsWith("-")) url = a;
  }
  const target = url ? parseUrl(url) : undefined;
  if (!target) {
    io.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const res = sh.host.network(target.host, target.port, target.path || "/", sh.host.clock.nowMs);
  if (res.kind === "unresolved") {
    io.stderr.write(`curl: (6) Could not resolve host: ${target.host}\n`);
    return 6;
  }
  if (res.kind !== "answer") {
    io.stderr.write(`curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server\n`);
    return 7;
  }
  const { status, body } = res.answer;
  if (failOnError && status >= 400) {
    io.stderr.write(`curl: (22) The requested URL returned error: ${status}\n`);
    return 22;
  }
  const text = head ? `HTTP/1.1 ${status} ${REASONS[status] ?? ""}\r\n\r\n` : body;
  if (outFile && outFile !== "/dev/null") sh.host.fs.write(normalizePath(outFile, sh.cwd), text, sh.host.clock.nowMs);
  else if (!outFile) io.stdout.write(text);
  if (showStatusOnly) io.stdout.write(String(status));
  return 0;
};

function* nc(argv: string[], io: Io, sh: ShellState) {
  const flags = argv.slice(1).filter((a) => a.startsWith("-")).join("");
  const plain = argv.slice(1).filter((a, i, all) => !a.startsWith("-") && all[i - 1] !== "-p" && all[i - 1] !== "-w" && all[i - 1] !== "-e");
  if (flags.includes("l")) {
    const pIndex = argv.indexOf("-p");
    const port = Number(pIndex > 0 ? argv[pIndex + 1] : plain[plain.length - 1]);
    if (!Number.isInteger(port)) {
      io.stderr.write("nc: missing port\n");
      return 1;
    }
    sh.host.listen(port, sh.host.clock.nowMs);
    yield { type: "sleep" as const, ms: Infinity };
    return 0;
  }
  const [host, portText] = plain;
  const port = Number(portText);
  if (!host || !Number.isInteger(port)) {
    io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n");
    return 1;
  }
  const res = sh.host.network(host, port, "", sh.host.clock.nowMs);
  if (res.kind === "unresolved") {
    io.stderr.write(`nc: bad address '${host}'\n`);
    return 1;
  }
  if (res.kind !== "answer") {
    if (!flags.includes("z")) io.stderr.write(`nc: can't connect to remote host (${res.ip ?? host}): Connection refused\n`);
    return 1;
  }
  return 0;
}

export const NET_COMMANDS: Record<string, Builtin> = { wget, curl, nc };
