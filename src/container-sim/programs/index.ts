// Image programs by name, and the docker-entrypoint.sh of each image (which decides what its arguments mean).

import type { ImageProfile } from "../catalog";
import { BUILTINS } from "../shell/commands";
import { mongod, mysqld, postgres } from "./databases";
import { redisCli, redisServer } from "./redis";
import type { Program } from "./program";
import { agnhost, echoserver, gunicorn, helloWorld, httpEcho, node, pauseProgram, perl, python, stress } from "./tools";
import { componentNames, componentProgram } from "./system";
import { bindHost, bindNslookup, dig } from "./dnsutils";
import { apache2Foreground, execArgs, httpd, nginx, nginxEntrypoint } from "./web-servers";

export type { Program, ProgramContext } from "./program";

/** Programs that, as PID 1, ignore SIGTERM (no handler installed): the pod waits for its grace period. */
export const IGNORES_SIGTERM = new Set(["node", "python", "python3", "stress", "/stress", "/usr/bin/stress", "go"]);

const go: Program = function* (argv, io) {
  if (argv[1] === "version") {
    io.stdout.write("go version go1.23.4 linux/amd64\n");
    return 0;
  }
  yield { type: "sleep", ms: Infinity };
  return 0;
};

/** Official images' docker-entrypoint.sh: their own program for flags or its name, else `exec "$@"`. */
function entrypointFor(main: Program, names: string[]): Program {
  return function* (argv, io, sh, ctx) {
    const args = argv.slice(1);
    if (args.length === 0) return 0;
    if (args[0].startsWith("-")) return yield* main([names[0], ...args], io, sh, ctx);
    if (names.includes(args[0])) return yield* main(args, io, sh, ctx);
    // node's entrypoint also runs `node <file>` when the first argument is not a command.
    if (names[0] === "node" && !BUILTINS[args[0]] && !["sh", "bash"].includes(args[0])) return yield* main(["node", ...args], io, sh, ctx);
    return yield* execArgs(args, io, sh);
  };
}

/** curlimages/curl's /entrypoint.sh: arguments that are not a command are curl's. */
const curlEntrypoint: Program = function* (argv, io, sh) {
  const args = argv.slice(1);
  if (args.length === 0) return 0;
  const isCommand = BUILTINS[args[0]] !== undefined || ["sh", "/bin/sh"].includes(args[0]);
  return yield* execArgs(isCommand ? args : ["curl", ...args], io, sh);
};

const PROGRAMS: Record<string, Program> = {
  nginx,
  "nginx-debug": nginx,
  "httpd-foreground": httpd,
  httpd,
  "apache2-foreground": apache2Foreground,
  "redis-server": redisServer,
  "redis-cli": redisCli,
  postgres,
  mysqld,
  mongod,
  node,
  python,
  python3: python,
  perl,
  go,
  "/hello": helloWorld,
  "/pause": pauseProgram,
  "/agnhost": agnhost,
  agnhost,
  "/http-echo": httpEcho,
  gunicorn,
  "/usr/local/bin/run.sh": echoserver,
  stress,
  "/stress": stress,
  "/usr/bin/stress": stress,
  nslookup: bindNslookup,
  host: bindHost,
  dig,
  "/entrypoint.sh": curlEntrypoint,
  ...Object.fromEntries(componentNames.map((name) => [name, componentProgram(name)])),
  "/usr/local/bin/kube-proxy": componentProgram("kube-proxy"),
  "/coredns": componentProgram("coredns"),
  "/metrics-server": componentProgram("metrics-server"),
};

const ENTRYPOINTS: Record<string, Program> = {
  "docker.io/library/nginx": nginxEntrypoint,
  "docker.io/library/redis": entrypointFor(redisServer, ["redis-server"]),
  "docker.io/library/postgres": entrypointFor(postgres, ["postgres"]),
  "docker.io/library/mysql": entrypointFor(mysqld, ["mysqld"]),
  "docker.io/library/mongo": entrypointFor(mongod, ["mongod"]),
  "docker.io/library/node": entrypointFor(node, ["node"]),
};

/** The program `name` of an image, if the image has it. */
export function findProgram(profile: ImageProfile | undefined, name: string): Program | undefined {
  if (!profile) return undefined;
  const entry = name === "/docker-entrypoint.sh" || name === "docker-entrypoint.sh";
  if (!profile.programs.includes(name) && !(entry && profile.programs.some((p) => p.endsWith("docker-entrypoint.sh")))) {
    return undefined;
  }
  if (entry) return ENTRYPOINTS[profile.repository];
  return PROGRAMS[name];
}
