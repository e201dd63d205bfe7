import { describe, expect, it } from "vitest";
import { startProcess, type ProcessSpec } from "../../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const shell = (stdin: ProcessSpec["stdin"], extra: Partial<ProcessSpec> = {}) =>
  startProcess({ image: "busybox:1.36", command: ["sh"], env: {}, hostname: "bb", stdin, ...extra }, T0);

describe("a container's main shell reading its stdin (stdin: true)", () => {
  it("with stdin open and nothing written, it waits: it keeps running", () => {
    expect(shell({ chunks: [] }).exit).toBeUndefined();
    expect(shell({ chunks: [] }, { tty: true }).exit).toBeUndefined();
  });

  it("on a terminal (tty: true) it prompts, runs the keys typed at their moments and exits with `exit`'s code", () => {
    const p = shell({ chunks: [{ atWallMs: T0 + 1000, text: "echo hi\r" }, { atWallMs: T0 + 2000, text: "exit 3\r" }] }, { tty: true });
    expect(p.exit).toEqual({ atMs: 2000, code: 3, reason: "Error" });
    expect(p.screen!(0, 1500)).toBe("/ # echo hi\r\nhi\r\n/ # ");
    expect(p.output(0, 5000).map((l) => [l.atMs, l.text])).toEqual([[1000, "/ # echo hi"], [1000, "hi"], [2000, "/ # exit 3"]]);
  });

  it("input written before this run started is its predecessor's; a closed stdin hangs the terminal up", () => {
    const p = shell({ chunks: [{ atWallMs: T0 - 5000, text: "exit 4\r" }], closedAtWallMs: T0 + 3000 }, { tty: true });
    expect(p.exit).toEqual({ atMs: 3000, code: 0, reason: "Completed" });
  });

  it("without a terminal, it reads the script to the end of its stdin, then runs it", () => {
    const p = shell({ chunks: [{ atWallMs: T0 + 1000, text: "echo piped\nexit 2\n" }], closedAtWallMs: T0 + 4000 });
    expect(p.exit).toEqual({ atMs: 4000, code: 2, reason: "Error" });
    expect(p.output(0, 5000).map((l) => l.text)).toEqual(["piped"]);
  });
});
