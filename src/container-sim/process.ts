// A container's main process: the image's entrypoint and command (or the pod's overrides) run as a program over
// virtual time. Output, files, listening ports and the exit are computed lazily and memoised, so the process is a
// pure function of (spec, start time) however it is queried.

import { resolveIdentity, type Accounts, type Identity } from "./accounts";
import { findProfile, imageUserOf, type ImageProfile } from "./catalog";
import { findProgram, IGNORES_SIGTERM } from "./programs/index";
import { parseImageReference, type ImageReference } from "./reference";
import { BUILTINS } from "./shell/commands";
import { runProgram } from "./shell/interpreter";
import { parseScript } from "./shell/parser";
import { VirtualRun } from "./shell/run";
import { defaultNetwork, type ConnectRequest, type ContainerNetwork, type NetworkAnswer } from "./network";
import { genericServer } from "./programs/generic";
import { oomKillAtMs, RUNC_INIT_BYTES } from "./programs/usage";
import { ShellState, type Connection, type Io, type Serve, type ShellHost } from "./shell/state";
import { StreamStdin } from "./shell/stdin";
import { interactiveShell, type InteractiveShellKind } from "./shell/interactive";
import { TerminalSession, type Terminal } from "./terminal/session";
import { TerminalRun } from "./terminal/main-run";
import { normalizePath, VirtualFs } from "./shell/vfs";
import { noInput } from "./streams";
import type { InputStream } from "./streams";
import { resolveArgv } from "./argv";
import { peerProcess, ROOT_ONLY } from "./peer-process";
import { RUNC_INIT_OOM, startErrorMessage } from "./runtime-messages";
import type { ExecOptions, ExecResult, HttpAnswer, IncomingConnection, OutputLine, PeerProcess, ProcessExit, ProcessSpec, RecordedExec, Served, SimulatedProcess } from "./types";

/** Work allowed when deciding whether a process exits by itself; longer scripts count as long-running. */
const EXIT_SCAN_STEPS = 2_000;
const SHELLS = new Set(["sh", "bash", "ash", "dash"]);
const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/** The pod IP a container without one believes it has (its /etc/hosts entry). */
const DEFAULT_POD_IP = "10.244.0.2";
/** The first connection number of an exec'd process (the main process numbers from 0). */
const EXEC_SEQ_BASE = 1_000_000;
/** The accounts of an image the catalog does not know: root only. */
/** Where the kubelet's probes come from, as a program sees them. */
const PROBE_CLIENT_IP = "10.244.0.1";

interface Listener {
  port: number;
  fromMs: number;
  serve?: Serve;
}

const baseName = (name: string) => name.replace(/^\/(?:usr\/)?(?:local\/)?s?bin\//, "");


class ContainerProcess implements SimulatedProcess {
  private readonly profile: ImageProfile | undefined;
  private readonly ref: ImageReference | undefined;
  private readonly argv: string[];
  private readonly fs: VirtualFs;
  private readonly net: ContainerNetwork;
  private readonly listeners: Listener[] = [];
  private readonly run: VirtualRun | TerminalRun | undefined;
  private readonly startError: ProcessExit | undefined;
  private readonly identity: Identity;
  /** The spec's recorded execs by time, and how many of them were made so far. */
  private readonly execs: readonly RecordedExec[];
  private execsMade = 0;
  private exitScanned = false;
  private scannedExit: ProcessExit | undefined;
  readonly stopsOnSigterm: boolean;

  constructor(private readonly spec: ProcessSpec, private readonly startedAtWallMs: number) {
    const parsed = parseImageReference(spec.image);
    this.ref = parsed.ok ? parsed.ref : undefined;
    this.profile = this.ref ? findProfile(this.ref.repository) : undefined;
    this.argv = resolveArgv(spec, this.profile);
    this.identity = resolveIdentity(this.ref ? imageUserOf(this.ref.repository, this.ref.tag) : undefined, spec.user, this.accounts);
    this.fs = new VirtualFs(
      {
        "/etc/hostname": `${spec.hostname}\n`,
        "/etc/hosts": `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${spec.podIP ?? DEFAULT_POD_IP}\t${spec.hostname}\n`,
        ...spec.files,
      },
      spec.workingDir ? [spec.workingDir] : [],
      this.profile?.files,
      { mounts: spec.mounts ?? [], wallOffsetMs: startedAtWallMs },
      { identity: this.identity, readOnlyRoot: !!spec.readOnlyRootFilesystem },
    );
    this.net = spec.network ?? defaultNetwork({ hostname: spec.hostname, podIP: spec.podIP ?? DEFAULT_POD_IP });
    this.execs = [...(spec.execs ?? [])].sort((a, b) => a.atMs - b.atMs);
    const missing = this.missingExecutable();
    if (missing !== undefined) {
      this.startError = { atMs: 0, code: 128, reason: "StartError", message: startErrorMessage(missing) };
      this.stopsOnSigterm = true;
      return;
    }
    if (spec.memoryLimitBytes !== undefined && spec.memoryLimitBytes < RUNC_INIT_BYTES) {
      this.startError = { atMs: 0, code: 128, reason: "StartError", message: RUNC_INIT_OOM };
      this.stopsOnSigterm = true;
      return;
    }
    this.stopsOnSigterm = this.decideStopsOnSigterm();
    const clock = { nowMs: 0 };
    const input = spec.stdin ? ownInput(spec.stdin, startedAtWallMs) : noInput;
    const kind = spec.tty && spec.stdin ? interactiveKind(this.argv, this.profile?.userland === "busybox") : undefined;
    if (kind) {
      const work = { steps: 0 };
      this.run = new TerminalRun((io) => interactiveShell(this.newShell(this.host(clock, work, this.fs, true)), io, kind), clock, work, input, startedAtWallMs);
      return;
    }
    const stdin = new StreamStdin(input, clock, startedAtWallMs);
    this.run = new VirtualRun(clock, (io, work) => this.main(this.host(clock, work, this.fs, true), io), stdin, () => this.makeExecsBefore(clock.nowMs), oomKillAtMs(spec));
  }

  /** Make the recorded execs of moments before `atMs` (the program's next step comes after them). */
  private makeExecsBefore(atMs: number): void {
    while (this.execsMade < this.execs.length && this.execs[this.execsMade]!.atMs < atMs) this.makeExec(this.execs[this.execsMade++]!);
  }

  /** The state at `atMs`: the program run up to each recorded exec of a moment up to it, then the exec made. */
  private catchUp(atMs: number): void {
    while (this.execsMade < this.execs.length && this.execs[this.execsMade]!.atMs <= atMs) {
      const next = this.execs[this.execsMade]!;
      this.run?.advance(next.atMs, true);
      if (this.execs[this.execsMade] === next) this.makeExec(this.execs[this.execsMade++]!);
    }
  }

  /** A recorded exec, made again on the container's own filesystem (its output was sent when it first ran). */
  private makeExec(exec: RecordedExec): void {
    const stdin: InputStream = { chunks: exec.stdin ? [{ atWallMs: Number.NEGATIVE_INFINITY, text: exec.stdin }] : [], ...(exec.stdinClosed ? { closedAtWallMs: Number.NEGATIVE_INFINITY } : {}) };
    this.runCommand([...exec.command], exec.atMs, this.fs, stdin, Infinity);
  }

  /** Run `command` beside the program from `atMs` on `fs`, for at most `timeoutMs` of virtual time. */
  private runCommand(command: string[], atMs: number, fs: VirtualFs, stdin: InputStream, timeoutMs: number, served?: NonNullable<ExecResult["served"]>): VirtualRun {
    const clock = { nowMs: atMs };
    const input = new StreamStdin(stdin, clock, this.startedAtWallMs);
    const run = new VirtualRun(clock, (io, work) => runProgram(command, this.newShell(this.host(clock, work, fs, false, served)), io), input);
    run.advance(atMs + timeoutMs, false, 20_000);
    return run;
  }

  /** What the main process's terminal showed in [fromMs, untilMs) (a `tty` container's attach); undefined without one. */
  screen(fromMs: number, untilMs: number): string | undefined {
    if (!(this.run instanceof TerminalRun)) return undefined;
    this.run.advance(untilMs);
    return this.run.screen
      .filter((w) => w.atMs >= fromMs && w.atMs < untilMs)
      .map((w) => w.text)
      .join("");
  }

  private get accounts(): Accounts {
    return this.profile?.accounts ?? ROOT_ONLY;
  }

  /** The first word of the command line when the image cannot run it; undefined when it can. */
  private missingExecutable(): string | undefined {
    const name = this.argv[0];
    if (name === undefined) return this.profile ? "" : undefined;
    if (!this.profile) return undefined; // unknown images: assume their program exists
    if (findProgram(this.profile, name) || findProgram(this.profile, baseName(name))) return undefined;
    const base = baseName(name);
    if (this.profile.userland !== "none") {
      if (SHELLS.has(base)) return base === "bash" && !this.profile.bash ? name : undefined;
      if (BUILTINS[base] && (base === name || !name.startsWith("./"))) return undefined;
    }
    if (name.includes("/") && this.fs.read(normalizePath(name, this.spec.workingDir ?? "/")) !== undefined && this.profile.userland !== "none") return undefined;
    return name;
  }

  private decideStopsOnSigterm(): boolean {
    const base = baseName(this.argv[0] ?? "");
    if (SHELLS.has(base)) {
      const script = this.argv[this.argv.indexOf("-c") + 1] ?? "";
      return /\btrap\b[^\n;]*\b(SIG)?TERM\b|\btrap\b[^\n;]*\s15\b/.test(script);
    }
    if (!this.profile) return true;
    if (BUILTINS[base] && !findProgram(this.profile, base)) return false;
    return !this.argv.some((a) => IGNORES_SIGTERM.has(baseName(a)));
  }

  /** `served`: where an exec keeps the log lines of its connections to the container itself. */
  private host(clock: { nowMs: number }, work: { steps: number }, fs: VirtualFs, live: boolean, served?: NonNullable<ExecResult["served"]>): ShellHost {
    const base = baseName(this.argv[0] ?? "");
    // Each process numbers its own connections, so the main process's numbers never depend on execs beside it;
    // an exec's start at EXEC_SEQ_BASE, apart from the main process's at the same moment.
    const seq = { next: live ? 0 : EXEC_SEQ_BASE };
    return {
      hostname: this.spec.hostname,
      startedAtWallMs: this.startedAtWallMs,
      fs,
      clock,
      work,
      flavor: this.profile?.userland === "busybox" ? "busybox" : "gnu",
      shellName: base === "bash" ? "bash" : "sh",
      identity: this.identity,
      accounts: this.accounts,
      mainCommand: this.argv,
      ...(this.spec.pidNamespace?.length ? { peers: this.spec.pidNamespace.map(peerProcess) } : {}),
      mounts: this.spec.mounts,
      connect: (connection, atMs) => this.connect(connection, atMs, seq.next++, served),
      dns: (server, question) => this.net.dns(server, question),
      toolVersion: (name) => {
        const version = this.profile?.tools?.[name];
        if (!version?.startsWith("tag:")) return version;
        return /^\d+(\.\d+)*/.exec(this.ref?.tag ?? "")?.[0] ?? version.slice(4);
      },
      listen: (port, atMs, serve) => {
        if (live) this.listeners.push({ port, fromMs: atMs, serve });
      },
      external: (argv, io, sh) => {
        const program = findProgram(this.profile, argv[0]);
        return program?.(argv, io, sh, { spec: this.spec, ref: this.ref, profile: this.profile });
      },
    };
  }

  private connect(connection: Connection, atMs: number, seq: number, keep?: NonNullable<ExecResult["served"]>): NetworkAnswer {
    const request: ConnectRequest = { ...connection, atWallMs: this.startedAtWallMs + atMs, seq };
    const loopback = (to: number, req: ConnectRequest): NetworkAnswer => {
      // Inside the run: the listeners so far are the ones there are (advancing the run again would re-enter it).
      const served = this.serveListener(to, { clientIP: "127.0.0.1", http: req.http, send: req.send }, atMs);
      if (served && keep) keep.push(...served.log.map((line) => ({ atMs, ...line })));
      return served ? { kind: "answer", answer: served.answer } : { kind: "refused" };
    };
    return this.net.connect(request, loopback);
  }

  private newShell(host: ShellHost): ShellState {
    const sh = new ShellState(host, { PATH: DEFAULT_PATH, HOSTNAME: this.spec.hostname, HOME: this.identity.uid === 0 ? "/root" : "/", ...this.spec.env });
    sh.cwd = this.spec.workingDir ? normalizePath(this.spec.workingDir) : "/";
    return sh;
  }

  private *main(host: ShellHost, io: Io) {
    const sh = this.newShell(host);
    if (!this.profile) {
      const base = baseName(this.argv[0] ?? "");
      const knowable = this.argv.length > 0 && (SHELLS.has(base) || BUILTINS[base] || this.fs.read(normalizePath(this.argv[0])) !== undefined);
      if (!knowable) return yield* genericServer(this.argv, io, sh, { spec: this.spec, ref: this.ref, profile: undefined });
    }
    if (this.argv.length === 0) {
      yield { type: "sleep" as const, ms: Infinity };
      return 0;
    }
    return yield* runProgram(this.argv, sh, io);
  }

  get exit(): ProcessExit | undefined {
    if (this.startError) return this.startError;
    if (!this.exitScanned && this.run) {
      this.run.advance(Infinity, true, EXIT_SCAN_STEPS);
      this.exitScanned = true;
      const e = this.run.exit;
      if (e) this.scannedExit = { atMs: e.atMs, code: e.code, reason: e.oomKilled ? "OOMKilled" : e.code === 0 ? "Completed" : "Error" };
    }
    return this.scannedExit;
  }

  get ports(): number[] {
    void this.exit;
    return [...new Set(this.listeners.map((l) => l.port))];
  }

  private runningAt(atMs: number): boolean {
    if (!this.run) return false;
    this.catchUp(atMs);
    this.run.advance(atMs, true);
    const exit = this.exit;
    return !exit || exit.atMs > atMs;
  }

  output(fromMs: number, untilMs: number, limit = 10_000): OutputLine[] {
    if (!this.run) return [];
    this.run.advance(untilMs, false);
    const lines = this.run.lines;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].atMs < fromMs) lo = mid + 1;
      else hi = mid;
    }
    const out: OutputLine[] = [];
    for (let i = lo; i < lines.length && lines[i].atMs < untilMs && out.length < limit; i++) out.push(lines[i]);
    return out;
  }

  fileExists(path: string, atMs: number): boolean {
    this.catchUp(atMs);
    this.run?.advance(atMs, true);
    return this.fs.kind(normalizePath(path, this.spec.workingDir ?? "/"), atMs) !== undefined;
  }

  listening(port: number, atMs: number): boolean {
    return this.runningAt(atMs) && this.listeners.some((l) => l.port === port && l.fromMs <= atMs);
  }

  accept(port: number, connection: IncomingConnection, atMs: number): Served | undefined {
    return this.listening(port, atMs) ? this.serveListener(port, connection, atMs) : undefined;
  }

  private serveListener(port: number, connection: IncomingConnection, atMs: number): Served | undefined {
    const listener = this.listeners.find((l) => l.port === port && l.fromMs <= atMs);
    if (!listener) return undefined;
    // No `serve`: something listens but says nothing (nc -l): status 0, nothing written back.
    return listener.serve ? listener.serve(connection, atMs) : { answer: { status: 0, body: "" }, log: [] };
  }

  httpGet(port: number, path: string, atMs: number): HttpAnswer | undefined {
    if (!this.listening(port, atMs)) return undefined;
    const host = `${this.spec.podIP ?? DEFAULT_POD_IP}:${port}`;
    const http = { method: "GET", path, headers: { host, "user-agent": "kube-probe/1.33", accept: "*/*", connection: "close" } };
    // Probes print nothing in the program's log (this round): only the answer is kept.
    return this.serveListener(port, { clientIP: PROBE_CLIENT_IP, http }, atMs)?.answer;
  }

  /** The runtime's refusal to start `command` beside the main process at `atMs`; undefined when it can. */
  private execRefusal(command: string[], atMs: number): ExecResult | undefined {
    if (!this.runningAt(atMs)) {
      return { exitCode: 126, stdout: "", stderr: "OCI runtime exec failed: exec failed: cannot exec in a stopped container: unknown" };
    }
    const base = baseName(command[0] ?? "");
    const known = command.length > 0 && (findProgram(this.profile, command[0]) || (this.profile?.userland !== "none" && (SHELLS.has(base) || BUILTINS[base])));
    if (!known || (base === "bash" && this.profile && !this.profile.bash)) {
      return { exitCode: 126, stdout: "", stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0] ?? ""}": executable file not found in $PATH: unknown` };
    }
    return undefined;
  }

  terminal(command: string[], atMs: number): Terminal | ExecResult {
    const refused = this.execRefusal(command, atMs);
    if (refused) return refused;
    const clock = { nowMs: atMs };
    const work = { steps: 0 };
    const snapshot = this.fs.snapshot(atMs);
    const kind = interactiveKind(command, this.profile?.userland === "busybox");
    return new TerminalSession(
      (io) => {
        const sh = this.newShell(this.host(clock, work, snapshot, false));
        return kind ? interactiveShell(sh, io, kind) : runProgram(command, sh, io);
      },
      clock,
      work,
      atMs,
    );
  }

  exec(command: string[], atMs: number, options: ExecOptions = {}): ExecResult {
    const timeoutMs = options.timeoutMs ?? Infinity;
    const refused = this.execRefusal(command, atMs);
    if (refused) return refused;
    const snapshot = this.fs.snapshot(atMs);
    let stdout = "";
    let stderr = "";
    const served: NonNullable<ExecResult["served"]> = [];
    const run = this.runCommand(command, atMs, snapshot, options.stdin ?? noInput, timeoutMs, served);
    for (const line of run.lines) {
      const text = line.unterminated ? line.text : `${line.text}\n`;
      if (line.stream === "stdout") stdout += text;
      else stderr += text;
    }
    const log = { ...(served.length ? { served } : {}), ...(snapshot.layerChanges > 0 ? { wroteLayer: true } : {}), lines: run.lines };
    if (!run.exit) return { exitCode: -1, stdout, stderr, timedOut: true, endedAtMs: run.clock.nowMs, ...log };
    return { exitCode: run.exit.code, stdout, stderr, endedAtMs: run.exit.atMs, ...log };
  }
}

/** A run's own stdin: what was written since it started (a restarted container does not read its predecessor's input). */
function ownInput(stream: InputStream, startedAtWallMs: number): InputStream {
  return { chunks: stream.chunks.filter((c) => c.atWallMs >= startedAtWallMs), ...(stream.closedAtWallMs !== undefined ? { closedAtWallMs: stream.closedAtWallMs } : {}) };
}

/** The interactive shell `command` starts on a terminal (a shell given no script or command), else undefined. */
export function interactiveKind(command: string[], busybox: boolean): InteractiveShellKind | undefined {
  const base = baseName(command[0] ?? "");
  if (!SHELLS.has(base) || command.slice(1).some((a) => !/^-[il]+$/.test(a))) return undefined;
  if (base === "bash") return "bash";
  return busybox || base === "ash" ? "ash" : "dash";
}

/** Start a container's main process at wall-clock `startedAtWallMs`. */
export function startProcess(spec: ProcessSpec, startedAtWallMs: number): SimulatedProcess {
  return new ContainerProcess(spec, startedAtWallMs);
}

/** Parse-check a shell script without running it (for validation or tests): the syntax error message or undefined. */
export function shellSyntaxError(script: string): string | undefined {
  try {
    parseScript(script);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
