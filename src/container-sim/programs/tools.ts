// Small images used in Kubernetes lessons: pause, hello-world, agnhost, http-echo, httpbin, echoserver, stress,
// and the language runtimes (node, python) for their common one-liners.

import type { HttpAnswer } from "../types";
import { formatDate } from "../shell/format";
import { OomKillSignal } from "../shell/state";
import { normalizePath } from "../shell/vfs";
import { nodeCommand, perlCommand, pythonCommand } from "./interpreters";
import { flagValue, forever, opaqueScript, pause, versionOf, wallNow, type Program } from "./program";
import { stressDemand } from "./usage";
import { byteLength, goLogStamp, httpServer, klogPrefix, nginxAccessLine, pathServer, type ServerRequest } from "./serving";

export const pauseProgram: Program = function* () {
  return yield* forever();
};

export const helloWorld: Program = function* (_argv, io) {
  io.stdout.write(`
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`);
  return 0;
};

const plainText = (status: number, body: string): HttpAnswer => ({ status, body, headers: { "content-type": "text/plain; charset=utf-8", "content-length": String(byteLength(body)) } });
const queryParam = (path: string, name: string) => decodeURIComponent((new RegExp(`[?&]${name}=([^&]*)`).exec(path)?.[1] ?? "").replace(/\+/g, " "));

/** agnhost netexec's HTTP endpoints; each request logs `GET <endpoint>` as its handlers do. */
function netexec(sh: Parameters<Program>[2]) {
  return httpServer(
    sh,
    (req): HttpAnswer => {
      const path = req.path.split("?")[0];
      if (path === "/hostname") return plainText(200, sh.host.hostname);
      if (path === "/healthz") return plainText(200, "");
      if (path === "/clientip") return plainText(200, `${req.clientIP}:${req.clientPort}`);
      if (path === "/echo") {
        const code = Number(queryParam(req.path, "code") || 200);
        return plainText(Number.isInteger(code) && code >= 100 ? code : 200, queryParam(req.path, "msg"));
      }
      if (path === "/") return plainText(200, `NOW: ${formatDate(req.atWallMs, "%Y-%m-%d %H:%M:%S.%N +0000 UTC")}`);
      return plainText(404, "404 page not found\n");
    },
    (req) => {
      const path = req.path.split("?")[0];
      const line = path === "/echo" ? `GET /echo?msg=${queryParam(req.path, "msg")}&code=${queryParam(req.path, "code")}` : ["/", "/hostname", "/clientip"].includes(path) ? `GET ${path}` : undefined;
      return line ? [{ stream: "stderr", text: `${klogPrefix(req.atWallMs)}${line}` }] : [];
    },
  );
}

export const agnhost: Program = function* (argv, io, sh) {
  const sub = argv[1];
  switch (sub) {
    case "netexec": {
      const port = Number(flagValue(argv, "http-port") ?? 8080);
      io.stderr.write(`${klogPrefix(wallNow(sh))}Started HTTP server on port ${port}\n`);
      sh.host.listen(port, sh.host.clock.nowMs, netexec(sh));
      return yield* forever();
    }
    case "serve-hostname": {
      const port = Number(flagValue(argv, "port") ?? 9376);
      io.stderr.write(`${klogPrefix(wallNow(sh), "serve_hostname.go:90")}Serving on port ${port}.\n`);
      sh.host.listen(port, sh.host.clock.nowMs, pathServer(sh, () => plainText(200, sh.host.hostname)));
      return yield* forever();
    }
    case "liveness": {
      // The Kubernetes docs' HTTP liveness example: /healthz answers 200 for 10 s, then 500.
      sh.host.listen(8080, sh.host.clock.nowMs, pathServer(sh, (path, atMs) => {
        if (!path.startsWith("/healthz")) return { status: 404, body: "404 page not found\n" };
        const seconds = atMs / 1000;
        return seconds > 10 ? { status: 500, body: `error: ${seconds.toFixed(6)}` } : { status: 200, body: "ok" };
      }));
      return yield* forever();
    }
    case "test-webserver": {
      const port = Number(flagValue(argv, "port") ?? 80);
      sh.host.listen(port, sh.host.clock.nowMs, pathServer(sh, () => ({ status: 200, body: "Hello World!" })));
      return yield* forever();
    }
    case "pause":
      io.stdout.write("Paused\n");
      return yield* forever();
    case undefined:
      io.stdout.write("agnhost is a test image\n\nUsage:\n  agnhost [command]\n\nUse \"agnhost [command] --help\" for more information about a command.\n");
      return 0;
    default:
      io.stderr.write(`Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
      return 1;
  }
};

/** Go's rendering of a short duration (`16.12µs`), stable for one request. */
function goMicros(req: ServerRequest): string {
  const hundredths = 1000 + (req.clientPort % 4000);
  return `${(hundredths / 100).toString()}µs`;
}

export const httpEcho: Program = function* (argv, io, sh, ctx) {
  const text = flagValue(argv, "text") ?? ctx.spec.env.ECHO_TEXT;
  if (!text) {
    io.stderr.write("Missing -text option OR ENV var TEXT is empty!\n");
    return 127;
  }
  const listen = flagValue(argv, "listen") ?? ":5678";
  const port = Number(listen.slice(listen.lastIndexOf(":") + 1));
  const version = versionOf(ctx, "1.0.0", { "1": "1.0.0", "1.0": "1.0.0", "0.2": "0.2.3" });
  io.stderr.write(`${goLogStamp(wallNow(sh))} [INFO] server is listening on ${listen}\n`);
  const serve = httpServer(
    sh,
    (req) => {
      const body = req.path.split("?")[0] === "/health" ? `{"status":"ok"}\n` : `${text}\n`;
      return { ...plainText(200, body), headers: { ...plainText(200, body).headers, "x-app-name": "http-echo", "x-app-version": version } };
    },
    // Its handler logs each request but /health, on stdout: time, Host, client address, request, status, bytes, user agent, duration.
    (req, answer) => req.path.split("?")[0] === "/health" ? [] : [{ stream: "stdout", text: `${goLogStamp(req.atWallMs)} ${req.headers.host ?? ""} ${req.clientIP}:${req.clientPort} "${req.method} ${req.path.split("?")[0]} HTTP/1.1" ${answer.status} ${byteLength(answer.body)} "${req.headers["user-agent"] ?? ""}" ${goMicros(req)}` }],
  );
  sh.host.listen(port, sh.host.clock.nowMs, serve);
  return yield* forever();
};

export const gunicorn: Program = function* (_argv, io, sh) {
  const stamp = () => `[${formatDate(wallNow(sh), "%Y-%m-%d %H:%M:%S")} +0000]`;
  io.stderr.write(`${stamp()} [1] [INFO] Starting gunicorn 19.9.0\n${stamp()} [1] [INFO] Listening at: http://0.0.0.0:80 (1)\n${stamp()} [1] [INFO] Using worker: gevent\n`);
  yield* pause(300);
  io.stderr.write(`${stamp()} [8] [INFO] Booting worker with pid: 8\n`);
  // gunicorn writes no access log unless --access-logfile is given (httpbin's image does not).
  sh.host.listen(80, sh.host.clock.nowMs, httpServer(sh, (req): HttpAnswer => {
    const p = req.path.split("?")[0];
    const host = req.headers.host ?? sh.host.hostname;
    const json = (body: string): HttpAnswer => ({ status: 200, body, headers: { "content-type": "application/json", server: "gunicorn/19.9.0" } });
    const status = /^\/status\/(\d{3})$/.exec(p);
    if (status) return { status: Number(status[1]), body: "" };
    if (p === "/get") return json(`{\n  "args": {}, \n  "headers": {\n    "Host": "${host}"\n  }, \n  "origin": "${req.clientIP}", \n  "url": "http://${host}/get"\n}\n`);
    if (p === "/ip") return json(`{\n  "origin": "${req.clientIP}"\n}\n`);
    if (p === "/headers") return json(`{\n  "headers": {\n    "Host": "${host}"\n  }\n}\n`);
    if (p === "/" || p === "/html") return { status: 200, body: "<!DOCTYPE html>\n<html><head><title>httpbin.org</title></head><body><h1>httpbin.org</h1></body></html>\n" };
    return { status: 404, body: "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.  If you entered the URL manually please check your spelling and try again.</p>\n" };
  }));
  return yield* forever();
};

/** echoserver's page: the request as its nginx+lua saw it (1.10's layout; 1.4 and older print the upper-case sections). */
function echoPage(req: ServerRequest, hostname: string, old: boolean): string {
  const [realPath, query] = [req.path.split("?")[0], req.path.split("?")[1]];
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  const headers = Object.keys(req.headers).sort().map((k) => `${k}=${req.headers[k]}`);
  const body = req.body ? req.body : "-no body in request-";
  if (old) {
    return `CLIENT VALUES:\nclient_address=${req.clientIP}\ncommand=${req.method}\nreal path=${realPath}\nquery=${query ?? "nil"}\nrequest_version=1.1\nrequest_uri=http://${host}:8080${req.path}\n\nSERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\n${headers.join("\n")}\nBODY:\n${body}`;
  }
  return `\n\nHostname: ${hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.clientIP}\n\tmethod=${req.method}\n\treal path=${realPath}\n\tquery=${query ?? ""}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${host}:8080${req.path}\n\nRequest Headers:\n${headers.map((h) => `\t${h}`).join("\n")}\n\nRequest Body:\n\t${body}\n\n`;
}

export const echoserver: Program = function* (_argv, _io, sh, ctx) {
  const old = /^1\.[0-4]$/.test(ctx.ref?.tag ?? "");
  const serve = httpServer(
    sh,
    (req) => ({ status: 200, body: echoPage(req, sh.host.hostname, old), headers: { "content-type": "text/plain", server: old ? "nginx/1.10.0" : "echoserver" } }),
    (req, answer) => [{ stream: "stdout", text: nginxAccessLine(req, answer, false) }],
  );
  sh.host.listen(8080, sh.host.clock.nowMs, serve);
  return yield* forever();
};

/** `stress` (polinux, progrium and vish flags): allocating more than the memory limit gets the container OOMKilled
 * (the classic limits lesson) when the allocation crosses the limit. */
export const stress: Program = function* (argv, io, _sh, ctx) {
  const vish = argv.some((a) => /^-(cpus|mem-total)\b/.test(a));
  const vm = Number(flagValue(argv, "vm") ?? flagValue(argv, "m") ?? 0);
  const cpu = Number(flagValue(argv, "cpu") ?? flagValue(argv, "c") ?? 0);
  const io_ = Number(flagValue(argv, "io") ?? flagValue(argv, "i") ?? 0);
  const timeout = flagValue(argv, "timeout") ?? flagValue(argv, "t");
  if (!vish) io.stdout.write(`stress: info: [1] dispatching hogs: ${cpu} cpu, ${io_} io, ${vm} vm, 0 hdd\n`);
  const limit = ctx.spec.memoryLimitBytes;
  const demand = stressDemand(argv);
  if (limit !== undefined && demand.memoryTarget > limit) {
    // The first moment the allocation is over the limit (memory grows in steps; probe each 100 ms up to a minute).
    let at = 0;
    while (at < 60_000 && demand.memory(at) <= limit) at += 100;
    yield* pause(Math.max(at, 300));
    throw new OomKillSignal();
  }
  if (timeout) {
    const seconds = Number.parseInt(timeout, 10);
    yield* pause(seconds * 1000);
    io.stdout.write(`stress: info: [1] successful run completed in ${seconds}s\n`);
    return 0;
  }
  return yield* forever();
};

export const node: Program = function* (argv, io, sh, ctx) {
  const args = argv.slice(1);
  if (args.length === 0) return 0; // the REPL reads EOF without a terminal
  if (args[0] === "-e" || args[0] === "--eval" || args[0] === "-p" || args[0] === "--print") return yield* nodeCommand(args[1] ?? "", io, args[0] === "-p" || args[0] === "--print");
  if (args[0] === "--version" || args[0] === "-v") {
    io.stdout.write("v22.11.0\n");
    return 0;
  }
  const file = normalizePath(args[0], sh.cwd);
  if (sh.host.fs.read(file) !== undefined) return yield* opaqueScript(ctx);
  io.stderr.write(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${file}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v22.11.0\n`);
  return 1;
};

export const python: Program = function* (argv, io, sh, ctx) {
  const args = argv.slice(1).filter((a) => a !== "-u");
  if (args.length === 0) return 0;
  if (args[0] === "-c") return yield* pythonCommand(args[1] ?? "", io);
  if (args[0] === "--version" || args[0] === "-V") {
    io.stdout.write("Python 3.13.1\n");
    return 0;
  }
  if (args[0] === "-m" && args[1] === "http.server") {
    const port = Number(args.slice(2).find((a) => /^\d+$/.test(a)) ?? 8000);
    io.stdout.write(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    const serve = (path: string, atMs: number): HttpAnswer => {
      const p = normalizePath(path.split("?")[0], sh.cwd);
      const body = sh.host.fs.read(p, atMs);
      if (body !== undefined) return { status: 200, body };
      if (sh.host.fs.kind(p, atMs) === "dir") return { status: 200, body: `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${path}</title>\n</head>\n<body>\n<h1>Directory listing for ${path}</h1>\n<hr>\n<ul>\n${sh.host.fs.list(p, atMs).map((n) => `<li><a href="${n}">${n}</a></li>`).join("\n")}\n</ul>\n<hr>\n</body>\n</html>\n` };
      return { status: 404, body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n    </body>\n</html>\n" };
    };
    // SimpleHTTPRequestHandler logs each request on stderr: `client - - [day/Mon/year hh:mm:ss] "request" status -`.
    const log = (req: ServerRequest, answer: HttpAnswer) => [{ stream: "stderr" as const, text: `${req.clientIP} - - [${formatDate(req.atWallMs, "%d/%b/%Y %H:%M:%S")}] "${req.method} ${req.path} HTTP/1.1" ${answer.status} -` }];
    sh.host.listen(port, sh.host.clock.nowMs, httpServer(sh, (req) => serve(req.path, req.atMs), log));
    return yield* forever();
  }
  if (args[0] === "-m") return yield* opaqueScript(ctx);
  const file = normalizePath(args[0], sh.cwd);
  if (sh.host.fs.read(file) !== undefined) return yield* opaqueScript(ctx);
  io.stderr.write(`${argv[0].split("/").pop()}: can't open file '${file}': [Errno 2] No such file or directory\n`);
  return 2;
};

/** perl: its one-liners (`-e`); a script runs until stopped (in a Job's pod: for a default run time). */
export const perl: Program = function* (argv, io, sh, ctx) {
  const args = argv.slice(1);
  if (args.length === 0) return 0;
  if (args.some((a) => /^-[a-zA-Z]*e$/.test(a))) return yield* perlCommand(argv, io);
  if (args[0] === "-v" || args[0] === "--version") {
    io.stdout.write("\nThis is perl 5, version 40, subversion 0 (v5.40.0) built for x86_64-linux-gnu-thread-multi\n");
    return 0;
  }
  const script = args.find((a) => !a.startsWith("-"));
  if (script && sh.host.fs.read(normalizePath(script, sh.cwd)) === undefined) {
    io.stderr.write(`Can't open perl script "${script}": No such file or directory\n`);
    return 2;
  }
  return yield* opaqueScript(ctx);
};
