// A live stream session over v5.channel.k8s.io (`exec -it`, `attach`; `debug -it` attaches the same way): stdin
// (channel 0), resize messages (channel 4) and the close of stdin (channel 255) go to the node's PodStreamSession;
// what the container writes goes out on channels 1 and 2 as the wall clock reaches it; when the process ends, exactly
// one Status on channel 3, then the socket closes. The node's clock says when; runtime/ timers wake the pump then.
import type { MessageSocket } from "../../../../runtime/web-socket";
import { after, type Cancel } from "../../../../runtime/timers";
import type { PodStreamSession } from "../node-connection";
import { channel, frame, parseFrame } from "./channels";

export interface SessionStreams {
  /** Send the container's stdout (channel 1) and stderr (channel 2): what the client asked for. */
  stdout: boolean;
  stderr: boolean;
  /** Take the client's stdin (channel 0). */
  stdin: boolean;
  /** The Status for the process's exit code (channels.ts `exitStatus` for exec). */
  exitStatus(code: number): Record<string, unknown>;
}

/** A resize message's size (`{"Width":80,"Height":24}`), or undefined when it does not parse. */
export function parseResize(payload: Uint8Array): { width: number; height: number } | undefined {
  try {
    const size = JSON.parse(new TextDecoder().decode(payload)) as { Width?: unknown; Height?: unknown };
    const width = Number(size.Width);
    const height = Number(size.Height);
    return Number.isFinite(width) && Number.isFinite(height) ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** Serve `session` on `socket` until the process ends or the client goes. */
export function serveSession(socket: MessageSocket, session: PodStreamSession, streams: SessionStreams): void {
  const decoder = new TextDecoder();
  let timer: Cancel | undefined;
  let done = false;
  let inputClosed = !streams.stdin;
  const schedule = (inMs: number | undefined) => {
    timer?.();
    timer = undefined;
    if (inMs === undefined || inMs === Number.POSITIVE_INFINITY) return;
    timer = after(Math.max(0, inMs), flush);
  };
  const flush = () => {
    if (done) return;
    const out = session.read();
    if (streams.stdout && out.stdout) socket.send(frame(channel.stdout, out.stdout));
    if (streams.stderr && out.stderr) socket.send(frame(channel.stderr, out.stderr));
    const exit = session.exit;
    if (exit) {
      done = true;
      timer?.();
      socket.send(frame(channel.error, JSON.stringify(streams.exitStatus(exit.code))));
      socket.close();
      session.close();
      return;
    }
    schedule(session.nextInMs());
  };
  socket.onMessage((message) => {
    const parsed = parseFrame(message);
    if (!parsed || done) return;
    if (parsed.ch === channel.stdin && !inputClosed) {
      const text = decoder.decode(parsed.payload, { stream: true });
      if (text) session.write(text);
    } else if (parsed.ch === channel.resize) {
      const size = parseResize(parsed.payload);
      if (size) session.resize(size.width, size.height);
    } else if (parsed.ch === channel.close && parsed.payload[0] === channel.stdin && !inputClosed) {
      inputClosed = true;
      session.closeInput();
    } else {
      return;
    }
    flush();
  });
  socket.onClose(() => {
    if (done) return;
    done = true;
    timer?.();
    session.close();
  });
  flush();
}
