// Runs a command-line tool for the e2e tests and resolves {code, stdout, stderr}; never rejects on a non-zero exit.
import { spawn } from "node:child_process";

/**
 * `binary args` with `env` (and `cwd`); `input` is written to stdin; the process is killed after `timeoutMs`, which
 * `label` names in stderr.
 */
export function runProcess(binary, args, { env, cwd, input, timeoutMs, label }) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[e2e] ${label} timed out after ${timeoutMs}ms`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}
