// nginx, Apache httpd and their docker entrypoints: the startup lines of the real images and the pages they serve.

import type { HttpAnswer } from "../types";
import { formatDate } from "../shell/format";
import { runProgram } from "../shell/interpreter";
import type { ShellState } from "../shell/state";
import { forever, pause, versionOf, wallNow, type Program, type ProgramContext } from "./program";
import { byteLength, commonAccessLine, httpServer, nginxAccessLine, type ServerRequest } from "./serving";

const NGINX_PATCHES: Record<string, string> = { "1": "1.27.3", "1.27": "1.27.3", "1.26": "1.26.2", "1.25": "1.25.5", "1.24": "1.24.0", "1.23": "1.23.4", "1.22": "1.22.1", "1.21": "1.21.6", "1.20": "1.20.2", "1.19": "1.19.10" };

export const nginxVersion = (ctx: ProgramContext) => versionOf(ctx, "1.27.3", NGINX_PATCHES);

/** Ports from `listen` directives in nginx configuration (the image ships none: mounted files), else 80. */
function nginxPorts(sh: ShellState): number[] {
  const ports = new Set<number>();
  const at = sh.host.clock.nowMs;
  for (const path of sh.host.fs.filesBelow("/etc/nginx", at)) {
    for (const m of (sh.host.fs.read(path, at) ?? "").matchAll(/^\s*listen\s+(?:[\d.]+:)?(\d+)/gm)) ports.add(Number(m[1]));
  }
  return ports.size ? [...ports] : [80];
}

/** HTTP's Date header: `Tue, 01 Dec 2026 21:40:00 GMT`. */
const httpDate = (wallMs: number) => new Date(wallMs).toUTCString();

const CONTENT_TYPES: Record<string, string> = { html: "text/html", htm: "text/html", txt: "text/plain", css: "text/css", js: "application/javascript", json: "application/json", png: "image/png", svg: "image/svg+xml" };
const contentType = (file: string) => CONTENT_TYPES[file.slice(file.lastIndexOf(".") + 1)] ?? "application/octet-stream";

/** Files under `root` by URL path (a directory's index.html); `fail` answers what is not there or not allowed. */
function staticSite(sh: ShellState, root: string, server: string, fail: (status: 404 | 405, req: ServerRequest) => HttpAnswer) {
  return (req: ServerRequest): HttpAnswer => {
    const headers = (type: string, body: string) => ({ server, date: httpDate(req.atWallMs), "content-type": type, "content-length": String(byteLength(body)), connection: "keep-alive" });
    const clean = req.path.split("?")[0];
    const candidates = clean.endsWith("/") ? [`${root}${clean}index.html`] : [`${root}${clean}`, `${root}${clean}/index.html`];
    for (const file of candidates) {
      const body = sh.host.fs.read(file, req.atMs);
      if (body === undefined) continue;
      if (req.method !== "GET" && req.method !== "HEAD") return withHeaders(fail(405, req), headers);
      return { status: 200, body, headers: { ...headers(contentType(file), body), "accept-ranges": "bytes" } };
    }
    return withHeaders(fail(404, req), headers);
  };
}

function withHeaders(answer: HttpAnswer, headers: (type: string, body: string) => Record<string, string>): HttpAnswer {
  return { ...answer, headers: { ...headers("text/html", answer.body), ...answer.headers } };
}

const nginxLog = (sh: ShellState, text: string, level = "notice") => `${formatDate(wallNow(sh), "%Y/%m/%d %H:%M:%S")} [${level}] 1#1: ${text}`;

const errnoText = { EACCES: "13: Permission denied", EROFS: "30: Read-only file system" } as const;

/**
 * What nginx says before it serves when it cannot run as the image means it to (as a non-root user, or on a read-only
 * root filesystem): the ignored `user` directive, then the first path it cannot create. Each line goes to the error
 * log (stderr) and again to stderr, as nginx writes early messages. Returns whether it must exit.
 */
function nginxStartupFailure(sh: ShellState, io: Parameters<Program>[1]): boolean {
  const say = (level: "warn" | "emerg", text: string) => io.stderr.write(`${nginxLog(sh, text, level)}\nnginx: [${level}] ${text}\n`);
  if ((sh.host.identity?.uid ?? 0) !== 0) say("warn", `the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2`);
  const failures: [string, string][] = [["/var/cache/nginx/client_temp", "mkdir()"], ["/var/run/nginx.pid", "open()"]];
  for (const [path, call] of failures) {
    const refused = sh.host.fs.refusal(path, true);
    if (refused === "EACCES" || refused === "EROFS") {
      say("emerg", `${call} "${path}" failed (${errnoText[refused]})`);
      return true;
    }
  }
  return false;
}

export const nginx: Program = function* (_argv, io, sh, ctx) {
  const version = nginxVersion(ctx);
  const alpine = (ctx.ref?.tag ?? "").includes("alpine");
  yield* pause(25);
  if (nginxStartupFailure(sh, io)) return 1;
  const lines = [
    `using the "epoll" event method`,
    `nginx/${version}`,
    alpine ? "built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) " : "built by gcc 12.2.0 (Debian 12.2.0-14) ",
    "OS: Linux 6.1.0-sandbox",
    "getrlimit(RLIMIT_NOFILE): 1048576:1048576",
    "start worker processes",
    "start worker process 29",
    "start worker process 30",
  ];
  for (const line of lines) io.stderr.write(`${nginxLog(sh, line)}\n`);
  const errorPage = (status: 404 | 405): HttpAnswer => {
    const title = status === 404 ? "404 Not Found" : "405 Not Allowed";
    return { status, body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n` };
  };
  // The image links /var/log/nginx/access.log to stdout: one line per request in the `main` format.
  // A missing file is also reported in the error log (stderr) before the access line.
  const errorLine = (req: ServerRequest) =>
    `${formatDate(req.atWallMs, "%Y/%m/%d %H:%M:%S")} [error] 29#29: *${1 + (req.clientPort % 97)} open() "/usr/share/nginx/html${req.path.split("?")[0]}" failed (2: No such file or directory), client: ${req.clientIP}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers.host ?? ""}"`;
  const serve = httpServer(sh, staticSite(sh, "/usr/share/nginx/html", `nginx/${version}`, errorPage), (req, answer) => [
    ...(answer.status === 404 ? [{ stream: "stderr" as const, text: errorLine(req) }] : []),
    { stream: "stdout", text: nginxAccessLine(req, answer) },
  ]);
  for (const port of nginxPorts(sh)) sh.host.listen(port, sh.host.clock.nowMs, serve);
  return yield* forever();
};

/** nginx's /docker-entrypoint.sh: configuration messages, then it execs its arguments. */
export const nginxEntrypoint: Program = function* (argv, io, sh, ctx) {
  const rest = argv.slice(1);
  if (rest[0] === "nginx" || rest[0] === "nginx-debug") {
    const quiet = ctx.spec.env.NGINX_ENTRYPOINT_QUIET_LOGS;
    if (!quiet) {
      const e = "/docker-entrypoint.sh";
      io.stdout.write([
        `${e}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
        `${e}: Looking for shell scripts in /docker-entrypoint.d/`,
        `${e}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
        // The script touches the default server's file first, and gives up when it cannot.
        ...(sh.host.fs.refusal("/etc/nginx/conf.d/default.conf", false)
          ? ["10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)"]
          : ["10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf", "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"]),
        `${e}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
        `${e}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
        `${e}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
        `${e}: Configuration complete; ready for start up`,
        "",
      ].join("\n"));
    }
    return yield* nginx(rest, io, sh, ctx);
  }
  return yield* execArgs(rest, io, sh);
};

/** `exec "$@"`, as every docker-entrypoint.sh ends. */
export function* execArgs(argv: string[], io: Parameters<Program>[1], sh: ShellState) {
  if (argv.length === 0) return 0;
  return yield* runProgram(argv, sh, io);
}

export const httpd: Program = function* (_argv, io, sh, ctx) {
  const version = versionOf(ctx, "2.4.62", { "2": "2.4.62", "2.4": "2.4.62", "2.2": "2.2.34" });
  const ip = ctx.spec.podIP ?? "127.0.0.1";
  yield* pause(30);
  const stamp = formatDate(wallNow(sh), "%a %b %d %H:%M:%S.%N %Y").replace(/\.(\d{6})\d{3}/, ".$1");
  const ah00558 = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
  io.stderr.write(`${ah00558}\n${ah00558}\n`);
  io.stderr.write(`[${stamp}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n`);
  io.stderr.write(`[${stamp}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  const errorPage = (status: 404 | 405, req: ServerRequest): HttpAnswer =>
    status === 404
      ? { status, body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n` }
      : { status, body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>405 Method Not Allowed</title>\n</head><body>\n<h1>Method Not Allowed</h1>\n<p>The requested method ${req.method} is not allowed for this URL.</p>\n</body></html>\n` };
  // The image's httpd.conf logs requests to stdout in the common log format.
  const site = staticSite(sh, "/usr/local/apache2/htdocs", `Apache/${version} (Unix)`, errorPage);
  sh.host.listen(80, sh.host.clock.nowMs, httpServer(sh, site, (req, answer) => [{ stream: "stdout", text: commonAccessLine(req, answer) }]));
  return yield* forever();
};

/**
 * registry.k8s.io/hpa-example (php:5-apache with an index.php that computes square roots in a loop, then prints
 * `OK!`): Apache's start-up lines, `OK!` for every path, and an access line per request. Its CPU per request is the
 * usage model's (programs/usage.ts).
 */
export const apache2Foreground: Program = function* (_argv, io, sh) {
  yield* pause(30);
  const stamp = formatDate(wallNow(sh), "%a %b %d %H:%M:%S.%N %Y").replace(/\.(\d{6})\d{3}/, ".$1");
  const ah00558 = "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 127.0.1.1. Set the 'ServerName' directive globally to suppress this message";
  io.stderr.write(`${ah00558}\n${ah00558}\n`);
  io.stderr.write(`[${stamp}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.40 configured -- resuming normal operations\n`);
  io.stderr.write(`[${stamp}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`);
  const ok = (req: ServerRequest): HttpAnswer => ({
    status: 200,
    body: "OK!",
    headers: { date: httpDate(req.atWallMs), server: "Apache/2.4.10 (Debian)", "x-powered-by": "PHP/5.6.40", "content-length": "3", "content-type": "text/html" },
  });
  sh.host.listen(80, sh.host.clock.nowMs, httpServer(sh, ok, (req, answer) => [{ stream: "stdout", text: commonAccessLine(req, answer) }]));
  return yield* forever();
};
