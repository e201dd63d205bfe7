// redis: its startup banner, its answers to commands over TCP (PING → +PONG), and redis-cli.

import { formatDate } from "../shell/format";
import { reach } from "../shell/net-client";
import type { Serve } from "../shell/state";
import { normalizePath } from "../shell/vfs";
import { flagValue, forever, pause, versionOf, wallNow, type Program } from "./program";
import { clientPort } from "./serving";

/** The commands of one RESP array (`*1\r\n$4\r\nPING\r\n`) or of inline lines (`PING\n`). */
function redisCommands(input: string): string[][] {
  if (input.startsWith("*")) {
    const lines = input.split("\r\n");
    const out: string[][] = [];
    for (let i = 0; i < lines.length; ) {
      const n = Number(lines[i]?.slice(1));
      if (!lines[i]?.startsWith("*") || !Number.isInteger(n)) break;
      const words: string[] = [];
      for (let k = 0; k < n; k++) words.push(lines[i + 2 + 2 * k] ?? "");
      out.push(words);
      i += 1 + 2 * n;
    }
    return out;
  }
  return input.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.split(/\s+/));
}

/** The configuration parameters CONFIG GET shows when nothing set them (a few learners ask for). */
const REDIS_DEFAULTS: Record<string, string> = { maxmemory: "0", "maxmemory-policy": "noeviction", port: "6379", appendonly: "no", save: "3600 1 300 100 60 10000", databases: "16", bind: "* -::*", "protected-mode": "no", dir: "/data", loglevel: "notice", timeout: "0" };

const bulk = (s: string) => `$${s.length}\r\n${s}\r\n`;
const UNITS: Record<string, number> = { k: 1000, kb: 1024, m: 1_000_000, mb: 1024 * 1024, g: 1_000_000_000, gb: 1024 * 1024 * 1024 };

/** redis.conf and command-line options: `key value...` lines (`--key value` on the command line); memory units in bytes. */
export function redisConfig(text: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [key, ...rest] = line.split(/\s+/);
    let value = rest.join(" ").replace(/^"(.*)"$/, "$1");
    const unit = /^(\d+)([kmg]b?)$/i.exec(value);
    if (unit) value = String(Number(unit[1]) * UNITS[unit[2].toLowerCase()]);
    config[key.toLowerCase()] = value;
  }
  return config;
}

/** `*` and `?` patterns of CONFIG GET. */
const globMatch = (pattern: string, name: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i").test(name);

/** A stateless redis: what it answers to each command (the keys are not kept between connections). */
function redisReply(words: string[], config: Record<string, string> = REDIS_DEFAULTS): string {
  const [name = "", ...args] = words;
  switch (name.toUpperCase()) {
    case "CONFIG": {
      if ((args[0] ?? "").toUpperCase() !== "GET") return "+OK\r\n";
      const pairs = Object.entries(config).filter(([k]) => args.slice(1).some((p) => globMatch(p, k)));
      return `*${pairs.length * 2}\r\n${pairs.map(([k, v]) => bulk(k) + bulk(v)).join("")}`;
    }
    case "PING":
      return args.length ? `$${args[0].length}\r\n${args[0]}\r\n` : "+PONG\r\n";
    case "ECHO":
      return `$${(args[0] ?? "").length}\r\n${args[0] ?? ""}\r\n`;
    case "SET":
    case "QUIT":
    case "SELECT":
      return "+OK\r\n";
    case "GET":
      return "$-1\r\n";
    case "DBSIZE":
      return ":0\r\n";
    default:
      return `-ERR unknown command '${name}', with args beginning with: ${args.map((a) => `'${a}' `).join("")}\r\n`;
  }
}

/** redis on its port: RESP or inline commands answered; an HTTP request is the cross-protocol attack it refuses and logs. */
function redisServe(stamp: () => string, config: Record<string, string>): Serve {
  return (connection, atMs) => {
    if (connection.http) {
      const text = `1:M ${stamp()} # Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection from ${connection.clientIP}:${clientPort(connection, atMs)} aborted.`;
      return { answer: { status: 0, body: "" }, log: [{ stream: "stdout", text }] };
    }
    return { answer: { status: 0, body: redisCommands(connection.send ?? "").map((words) => redisReply(words, config)).join("") }, log: [] };
  };
}

/** redis-cli HOST/PORT COMMAND...: one command's reply as it prints it without a terminal. */
export const redisCli: Program = function* (argv, io, sh) {
  const host = flagValue(argv, "h") ?? "127.0.0.1";
  const port = Number(flagValue(argv, "p") ?? 6379);
  const words: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (["-h", "-p", "-a", "-n"].includes(argv[i])) i++;
    else if (!argv[i].startsWith("-")) words.push(argv[i]);
  }
  if (words.length === 0) return 0; // the interactive prompt reads end of file
  const send = `*${words.length}\r\n${words.map((w) => `$${w.length}\r\n${w}\r\n`).join("")}`;
  const res = reach(sh, host, port, { send });
  if (res.elapsedMs) yield { type: "sleep", ms: res.elapsedMs };
  const cannot = (reason: string) => {
    io.stderr.write(`Could not connect to Redis at ${host}:${port}: ${reason}\n`);
    return 1;
  };
  if (res.kind === "unresolved") return cannot("Name or service not known");
  if (res.kind === "refused") return cannot("Connection refused");
  if (res.kind === "timeout") {
    yield { type: "sleep", ms: 127_000 };
    return cannot("Connection timed out");
  }
  const reply = res.answer.body;
  const first = reply.split("\r\n")[0] ?? "";
  if (first.startsWith("+")) io.stdout.write(`${first.slice(1)}\n`);
  else if (first.startsWith("-")) io.stdout.write(`${first.slice(1)}\n`);
  else if (first.startsWith(":")) io.stdout.write(`${first.slice(1)}\n`);
  else if (first === "$-1") io.stdout.write("\n");
  else if (first.startsWith("$")) io.stdout.write(`${reply.split("\r\n")[1] ?? ""}\n`);
  else if (first.startsWith("*")) {
    // An array without a terminal: one element a line.
    const lines = reply.split("\r\n");
    for (let i = 1; i < lines.length - 1; i += 2) io.stdout.write(`${lines[i + 1]}\n`);
  }
  return 0;
};

export const redisServer: Program = function* (argv, io, sh, ctx) {
  const version = versionOf(ctx, "7.4.1", { "7": "7.4.1", "7.4": "7.4.1", "7.2": "7.2.6", "7.0": "7.0.15", "6": "6.2.16", "6.2": "6.2.16", "8": "8.0.2" });
  const stamp = () => formatDate(wallNow(sh), "%d %b %Y %H:%M:%S.%N").replace(/\.(\d{3})\d{6}/, ".$1");
  // The first argument not an option is the config file; options after it (`--key value`) override it.
  const file = argv[1] !== undefined && !argv[1].startsWith("-") ? argv[1] : undefined;
  const text = file === undefined ? "" : sh.host.fs.read(normalizePath(file, sh.cwd), sh.host.clock.nowMs);
  if (text === undefined) {
    io.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nFatal error, can't open config file '${normalizePath(file ?? "", sh.cwd)}': No such file or directory\n`);
    return 1;
  }
  const options = argv.slice(file === undefined ? 1 : 2).join(" ").split(/\s*--/).filter(Boolean).join("\n");
  const config = { ...REDIS_DEFAULTS, ...redisConfig(text), ...redisConfig(options) };
  const port = Number(config.port);
  yield* pause(5);
  io.stdout.write(`1:C ${stamp()} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n`);
  io.stdout.write(`1:C ${stamp()} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started\n`);
  if (file !== undefined) io.stdout.write(`1:C ${stamp()} * Configuration loaded\n`);
  else if (argv.length <= 1) io.stdout.write(`1:C ${stamp()} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n`);
  yield* pause(3);
  io.stdout.write(`1:M ${stamp()} * monotonic clock: POSIX clock_gettime\n`);
  io.stdout.write(`1:M ${stamp()} * Running mode=standalone, port=${port}.\n`);
  io.stdout.write(`1:M ${stamp()} * Server initialized\n`);
  io.stdout.write(`1:M ${stamp()} * Ready to accept connections tcp\n`);
  sh.host.listen(port, sh.host.clock.nowMs, redisServe(stamp, config));
  return yield* forever();
};

