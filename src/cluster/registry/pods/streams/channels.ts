// The v5.channel.k8s.io framing of exec and attach streams (kubectl-wire.md §10.1): each binary WebSocket message is
// one channel byte followed by its payload.

import { encodeBytes } from "../../../../container-sim/index";

export const channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

const encoder = new TextEncoder();

/** One message on `ch`: the channel byte, then the payload (a string's bytes as the simulator's strings carry them). */
export function frame(ch: number, payload: Uint8Array | string): Uint8Array {
  const bytes = typeof payload === "string" ? encodeBytes(payload) : payload;
  const out = new Uint8Array(bytes.length + 1);
  out[0] = ch;
  out.set(bytes, 1);
  return out;
}

/** A client message split into its channel and payload; undefined for an empty (or text) message. */
export function parseFrame(message: Uint8Array | string): { ch: number; payload: Uint8Array } | undefined {
  const bytes = typeof message === "string" ? encoder.encode(message) : message;
  if (bytes.length === 0) return undefined;
  return { ch: bytes[0]!, payload: bytes.subarray(1) };
}

/** The one Status of the error channel: Success for exit code 0, NonZeroExitCode with the code otherwise. */
export function exitStatus(exitCode: number, command: string[]): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: "Success" };
  return {
    metadata: {},
    status: "Failure",
    message: `command terminated with non-zero exit code: error executing command [${command.join(" ")}], exit code ${exitCode}`,
    reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(exitCode) }] },
  };
}

/** A failure Status of the error channel (kubectl prints it as an API error). */
export function errorStatus(code: number, reason: string, message: string): Record<string, unknown> {
  return { metadata: {}, status: "Failure", message, reason, code };
}
