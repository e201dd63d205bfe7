// The state a running shell shares with the commands it runs: variables, the virtual clock and filesystem, and the
// hooks through which the surrounding process answers what a script cannot know by itself (network, listening).

import type { Accounts, Identity } from "../accounts";
import type { ConnectRequest, ContainerNetwork, NetworkAnswer } from "../network";
import type { IncomingConnection, Served } from "../types";
import type { Command, Dialect } from "./ast";
import type { VirtualFs } from "./vfs";

/** What a command does while it runs: advance virtual time, or just count one unit of work. */
export type Effect = { type: "sleep"; ms: number } | { type: "step" };
export type Run<T> = Generator<Effect, T, void>;

/** How a listening program answers one connection: its answer and the lines it prints for it (an access log). */
export type Serve = (connection: IncomingConnection, atMs: number) => Served;

/** A connection a command makes: to an address (names resolved by the command), with an HTTP request or bytes to send. */
export type Connection = Pick<ConnectRequest, "ip" | "port" | "http" | "send">;

export interface Sink {
  write(text: string): void;
}

export interface Stdin {
  /** What can be read now; a reader assigns what it leaves unread. */
  data: string;
  /** Virtual ms until more input may arrive, undefined at end of file (a pipe or a file: always). */
  more?(): number | undefined;
}

export interface Io {
  stdin: Stdin;
  stdout: Sink;
  stderr: Sink;
}

/** Which userland the image has: error messages differ between busybox (alpine, busybox) and GNU (debian, ubuntu). */
export type Flavor = "busybox" | "gnu";

export interface ShellHost {
  hostname: string;
  /** Wall-clock ms at the process start (virtual time 0), for `date`. */
  startedAtWallMs: number;
  fs: VirtualFs;
  clock: { nowMs: number };
  /** Commands run so far (the driver bounds it); shared by everything that runs in this process. */
  work: { steps: number };
  flavor: Flavor;
  /** `sh` or `bash`: the name in error messages. */
  shellName: "sh" | "bash";
  /** Connect to an address at `atMs` (the container's network, its own listeners through the loopback). */
  connect(connection: Connection, atMs: number): NetworkAnswer;
  /** The container's DNS: ask a server (the nameserver of /etc/resolv.conf, or "" without one). */
  dns: ContainerNetwork["dns"];
  /** The program started listening on a TCP port (nc -l, a server); `serve` answers connections (none: accepts TCP only). */
  listen(port: number, atMs: number, serve?: Serve): void;
  /** The version of a tool the image ships (e.g. curl's), when its catalog entry says. */
  toolVersion?(name: string): string | undefined;
  /** Who the process is (root when absent) and the image's account names (`id`, `whoami`, `ls -l`). */
  identity?: Identity;
  accounts?: Accounts;
  /** The container's command line (PID 1 in `ps`, unless it shares a PID namespace with `peers`). */
  mainCommand?: string[];
  /** The other processes of a shared PID namespace, PID 1 first, shown before the container's own. */
  peers?: { command: string; user: string }[];
  /** The container's volume mounts (`df`, `mount`). */
  mounts?: { mountPath: string; readOnly?: boolean }[];
  /** A program provided by the image rather than the shell (e.g. `stress`); undefined when there is none. */
  external?(argv: string[], io: Io, sh: ShellState): Run<number> | undefined;
}

export class ExitSignal {
  constructor(readonly code: number) {}
}

/** The kernel killed the process for exceeding its memory limit. */
export class OomKillSignal {}

/** `return` from a function. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** A bash array: indexed (keys are decimal indices) or associative. */
export interface ShellArray {
  assoc: boolean;
  items: Map<string, string>;
}

/** What `local` saved of a variable, to put back when the function returns. */
interface SavedVariable {
  value?: string;
  array?: ShellArray;
  exported: boolean;
}

const copyArray = (a: ShellArray): ShellArray => ({ assoc: a.assoc, items: new Map(a.items) });

export class LoopSignal {
  constructor(readonly kind: "break" | "continue", readonly levels: number) {}
}

export class ShellState {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  readonly traps = new Map<string, string>();
  readonly arrays = new Map<string, ShellArray>();
  readonly functions = new Map<string, Command>();
  /** One frame per running function: the variables its `local` shadows. */
  readonly localFrames: Map<string, SavedVariable>[] = [];
  /** Which shell reads the scripts: bash, busybox ash or dash (for its syntax and its messages). */
  dialect: Dialect;
  positional: string[] = [];
  scriptName = "sh";
  status = 0;
  cwd = "/";
  errexit = false;
  /** > 0 while evaluating an if/while condition or the left of && / || (where set -e does not apply). */
  conditionDepth = 0;

  constructor(readonly host: ShellHost, env: Record<string, string>) {
    this.dialect = host.shellName === "bash" ? "bash" : host.flavor === "busybox" ? "ash" : "dash";
    for (const [k, v] of Object.entries(env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
  }

  get(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.status);
      case "$":
        return "1";
      case "#":
        return String(this.positional.length);
      case "@":
      case "*":
        return this.positional.join(" ");
      case "!":
        return "";
      case "-":
        return this.errexit ? "e" : "";
      case "0":
        return this.scriptName;
      case "RANDOM":
        return String((this.host.clock.nowMs * 7919 + 12345) % 32768);
      case "SECONDS":
        return String(Math.floor(this.host.clock.nowMs / 1000));
    }
    if (/^[1-9]$/.test(name)) return this.positional[Number(name) - 1];
    const array = this.arrays.get(name);
    if (array) return array.items.get("0");
    return this.vars.get(name);
  }

  set(name: string, value: string): void {
    const array = this.arrays.get(name);
    if (array) array.items.set("0", value);
    else this.vars.set(name, value);
  }

  /** Make `name` an array (an existing scalar becomes its element 0). */
  array(name: string, assoc = false): ShellArray {
    let array = this.arrays.get(name);
    if (!array) {
      array = { assoc, items: new Map() };
      const scalar = this.vars.get(name);
      if (scalar !== undefined) array.items.set("0", scalar);
      this.vars.delete(name);
      this.arrays.set(name, array);
    }
    return array;
  }

  unsetVariable(name: string): void {
    this.vars.delete(name);
    this.arrays.delete(name);
    this.exported.delete(name);
  }

  /** `local name`: remember the variable as it is, to restore when the current function returns (false: already local). */
  makeLocal(name: string): boolean {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame || frame.has(name)) return false;
    const array = this.arrays.get(name);
    frame.set(name, { value: this.vars.get(name), array: array && copyArray(array), exported: this.exported.has(name) });
    return true;
  }

  /** Leave a function: its locals get back their outer values. */
  popLocals(): void {
    const frame = this.localFrames.pop();
    for (const [name, saved] of frame ?? []) {
      this.unsetVariable(name);
      if (saved.value !== undefined) this.vars.set(name, saved.value);
      if (saved.array) this.arrays.set(name, saved.array);
      if (saved.exported) this.exported.add(name);
    }
  }

  /** The variables and functions, to restore after a subshell or a child script. */
  snapshot(): () => void {
    const vars = new Map(this.vars);
    const arrays = new Map([...this.arrays].map(([k, v]) => [k, copyArray(v)]));
    const functions = new Map(this.functions);
    return () => {
      this.vars.clear();
      for (const [k, v] of vars) this.vars.set(k, v);
      this.arrays.clear();
      for (const [k, v] of arrays) this.arrays.set(k, v);
      this.functions.clear();
      for (const [k, v] of functions) this.functions.set(k, v);
    };
  }

  /** The environment a child command sees. */
  environment(): [string, string][] {
    return [...this.exported].filter((k) => this.vars.has(k)).map((k) => [k, this.vars.get(k) as string]);
  }
}
