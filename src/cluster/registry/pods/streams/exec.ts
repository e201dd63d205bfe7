// pods/<name>/exec over v5.channel.k8s.io: the apiserver's checks (command, container, host), the kubelet's (a
// running container), then the command runs in the container through the node connection; its output goes out on
// channels 1 and 2 and exactly one Status on channel 3 ends the stream. With stdin, the command is run again as
// input arrives until it no longer waits for more (the process is deterministic, so a rerun reads the same prefix).
import { badRequest } from "../../../../api/status";
import type { Container, Pod } from "../../../../api/schemas";
import { ByteStreamDecoder } from "../../../../container-sim/index";
import type { MessageSocket } from "../../../../runtime/web-socket";
import type { ExecOutcome, NodeConnection } from "../node-connection";
import { channel, errorStatus, exitStatus, frame, parseFrame } from "./channels";
import type { PodStreamHandler } from "./handlers";
import { serveSession } from "./session";
import { after, type Cancel } from "../../../../runtime/timers";

/** Stdin messages after which the command is only run again at end of input. */
const maxReruns = 64;

const isTrue = (query: URLSearchParams, name: string) => ["true", "1"].includes((query.get(name) ?? "").toLowerCase());

/** The container an exec names, with the apiserver's messages (an unnamed one must be the only one). */
export function execContainer(pod: Pod, name: string | undefined): Container {
  const app = pod.spec?.containers ?? [];
  const init = pod.spec?.initContainers ?? [];
  const ephemeral = pod.spec?.ephemeralContainers ?? [];
  const podName = pod.metadata?.name;
  if (!name) {
    if (app.length === 1) return app[0]!;
    const inits = init.length ? ` or one of the init containers: [${init.map((c) => c.name).join(" ")}]` : "";
    const ephemerals = ephemeral.length ? ` or one of the ephemeral containers: [${ephemeral.map((c) => c.name).join(" ")}]` : "";
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${app.map((c) => c.name).join(" ")}]${inits}${ephemerals}`);
  }
  const found = [...app, ...init, ...ephemeral].find((c) => c.name === name);
  if (!found) throw badRequest(`container ${name} is not valid for pod ${podName}`);
  return found;
}

/** The options of a PodExecOptions query, checked as the apiserver checks them. */
export function execOptions(pod: Pod, query: URLSearchParams) {
  const command = query.getAll("command");
  if (command.length === 0) throw badRequest("you must specify at least 1 command");
  const options = { command, stdin: isTrue(query, "stdin"), stdout: isTrue(query, "stdout"), stderr: isTrue(query, "stderr"), tty: isTrue(query, "tty") };
  if (!options.stdin && !options.stdout && !options.stderr) throw badRequest("you must specify at least 1 of stdin, stdout, stderr");
  const container = execContainer(pod, query.get("container") ?? undefined);
  if (!pod.spec?.nodeName) throw badRequest(`pod ${pod.metadata?.name} does not have a host assigned`);
  return { ...options, container: container.name };
}

/** The Status of a command the runtime could not start (its executable is missing), as containerd reports it. */
function startFailure(message: string): Record<string, unknown> {
  const why = `error executing command in container: failed to exec in container: failed to start exec: ${message}`;
  return { ...errorStatus(500, "InternalError", `Internal error occurred: ${why}`), details: { causes: [{ message: why }] } };
}

export const execStream: PodStreamHandler = {
  protocols: ["v5.channel.k8s.io"],
  prepare(req) {
    const options = execOptions(req.pod, req.query);
    const nodes: NodeConnection = req.nodes;
    if (!nodes.exec) throw badRequest("this sandbox's nodes do not run exec");
    nodes.execTarget?.(req.pod, options.container);
    if (options.tty && nodes.execTerminal) return (socket) => runTerminal(socket, nodes, req.pod, options);
    return (socket) => runExec(socket, nodes, req.pod, options);
  },
};

/** `exec -t`: the command on a terminal; its screen (stderr included) goes out on stdout as time reaches it. */
function runTerminal(socket: MessageSocket, nodes: NodeConnection, pod: Pod, options: ReturnType<typeof execOptions>): void {
  let started: ReturnType<NonNullable<NodeConnection["execTerminal"]>>;
  try {
    started = nodes.execTerminal!({ pod, container: options.container, command: options.command });
  } catch (error) {
    socket.send(frame(channel.error, JSON.stringify(errorStatus(500, "InternalError", error instanceof Error ? error.message : String(error)))));
    socket.close();
    return;
  }
  if ("exitCode" in started) {
    socket.send(frame(channel.error, JSON.stringify(startFailure(started.startError ?? `exit code ${started.exitCode}`))));
    socket.close();
    return;
  }
  serveSession(socket, started, { stdout: true, stderr: false, stdin: options.stdin, exitStatus: (code) => exitStatus(code, options.command) });
}

function runExec(socket: MessageSocket, nodes: NodeConnection, pod: Pod, options: ReturnType<typeof execOptions>): void {
  // Stdin's bytes kept whole (a tar stream, a PNG): decoded as the simulator's strings carry bytes.
  const decoder = new ByteStreamDecoder();
  const chunks: { atWallMs: number; text: string }[] = [];
  let closed = !options.stdin;
  let done = false;
  let reruns = 0;
  const timers: Cancel[] = [];
  socket.onClose(() => timers.splice(0).forEach((cancel) => cancel()));
  const finish = (outcome: ExecOutcome) => {
    done = true;
    if (outcome.startError) {
      socket.send(frame(channel.error, JSON.stringify(startFailure(outcome.startError))));
      socket.close();
      return;
    }
    const end = () => {
      // A command that runs on (a server, `sleep`) keeps the stream open until the client goes.
      if (outcome.running) return;
      socket.send(frame(channel.error, JSON.stringify(exitStatus(outcome.exitCode, options.command))));
      socket.close();
    };
    const send = (stream: "stdout" | "stderr", text: string) => {
      if (text && options[stream]) socket.send(frame(stream === "stdout" ? channel.stdout : channel.stderr, text));
    };
    const timeline = outcome.timeline;
    if (!timeline || !(outcome.durationMs! > 0)) {
      // In the order written: `kubectl cp` from a pod prints tar's error only when it comes before the archive's end.
      if (timeline) for (const line of timeline) send(line.stream, line.text);
      else {
        send("stdout", outcome.stdout);
        send("stderr", outcome.stderr);
      }
      end();
      return;
    }
    // Paced: each line when the command wrote it (its virtual time is the wall clock's), the Status at its end.
    for (const line of timeline.filter((l) => l.afterMs === 0)) send(line.stream, line.text);
    const later = new Map<number, typeof timeline>();
    for (const line of timeline.filter((l) => l.afterMs > 0)) later.set(line.afterMs, [...(later.get(line.afterMs) ?? []), line]);
    for (const [afterMs, lines] of later) timers.push(after(afterMs, () => lines.forEach((l) => send(l.stream, l.text))));
    if (!outcome.running) timers.push(after(outcome.durationMs!, end));
  };
  const attempt = () => {
    if (done) return;
    let outcome: ExecOutcome;
    try {
      // Every chunk counts as arrived when the command started: a rerun sees the whole input so far at once.
      outcome = nodes.exec!({ pod, container: options.container, command: options.command, stdin: { chunks, ...(closed ? { closedAtWallMs: Number.NEGATIVE_INFINITY } : {}) } });
    } catch (error) {
      done = true;
      socket.send(frame(channel.error, JSON.stringify(errorStatus(500, "InternalError", error instanceof Error ? error.message : String(error)))));
      socket.close();
      return;
    }
    if (outcome.running && !closed) return; // waits for more input
    finish(outcome);
  };
  socket.onMessage((message) => {
    const parsed = parseFrame(message);
    if (!parsed || done) return;
    if (parsed.ch === channel.stdin && !closed) {
      if (parsed.payload.length === 0) return;
      chunks.push({ atWallMs: Number.NEGATIVE_INFINITY, text: decoder.decode(parsed.payload) });
      if (++reruns <= maxReruns) attempt();
    } else if (parsed.ch === channel.close && parsed.payload[0] === channel.stdin && !closed) {
      closed = true;
      const held = decoder.decode(new Uint8Array(0), true);
      if (held) chunks.push({ atWallMs: Number.NEGATIVE_INFINITY, text: held });
      attempt();
    }
  });
  attempt();
}
