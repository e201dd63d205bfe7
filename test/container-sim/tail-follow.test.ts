// `tail -F` / `tail -f` following a file another container writes (the kubernetes.io logging sidecar example).
import { describe, expect, it } from "vitest";
import { startProcess, type DirectorySource } from "../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

/** /var/log as the counter container writes it: 1.log appears at 3 s, one line a second from then on. */
const counterLog = (): DirectorySource => {
  const content = (at: number) => {
    const seconds = Math.floor((at - T0) / 1000);
    if (seconds < 3) return undefined;
    return Array.from({ length: seconds - 2 }, (_, i) => `${i}: line\n`).join("");
  };
  return {
    kind: (path, at) => (path === "" ? "dir" : path === "1.log" && content(at) !== undefined ? "file" : undefined),
    read: (path, at) => (path === "1.log" ? content(at) : undefined),
    list: (_path, at) => (content(at) === undefined ? [] : ["1.log"]),
  };
};

const run = (image: string, command: string[]) =>
  startProcess({ image, command, env: {}, hostname: "p", mounts: [{ mountPath: "/var/log", source: counterLog() }] }, T0);

describe("tail following a file", () => {
  it("busybox tail -n+1 -F waits for a missing file, then prints it and what is appended", () => {
    const p = run("busybox:1.36", ["/bin/sh", "-c", "tail -n+1 -F /var/log/1.log"]);
    const lines = p.output(0, 6500).map((l) => [l.atMs, l.stream, l.text]);
    expect(lines).toEqual([
      [0, "stderr", "tail: can't open '/var/log/1.log': No such file or directory"],
      [3000, "stdout", "0: line"],
      [4000, "stdout", "1: line"],
      [5000, "stdout", "2: line"],
      [6000, "stdout", "3: line"],
    ]);
    expect(p.exit).toBeUndefined();
  });

  it("tail -f of an existing file prints its end, then follows it", () => {
    const p = run("busybox:1.36", ["sh", "-c", "sleep 10; tail -n 2 -f /var/log/1.log"]);
    expect(p.output(0, 12_500).map((l) => [l.atMs, l.text])).toEqual([
      [10_000, "6: line"],
      [10_000, "7: line"],
      [11_000, "8: line"],
      [12_000, "9: line"],
    ]);
  });

  it("plain -f of a missing file gives up (busybox: no files; GNU: no files remaining)", () => {
    const bb = run("busybox:1.36", ["tail", "-f", "/tmp/none"]);
    expect(bb.exit).toMatchObject({ code: 1 });
    expect(bb.output(0, 1e9).map((l) => l.text)).toEqual(["tail: can't open '/tmp/none': No such file or directory", "tail: no files"]);
    const gnu = run("debian:12", ["tail", "-f", "/tmp/none"]);
    expect(gnu.output(0, 1e9).map((l) => l.text)).toEqual(["tail: cannot open '/tmp/none' for reading: No such file or directory", "tail: no files remaining"]);
  });

  it("GNU tail -F says when the file appears", () => {
    const p = run("debian:12", ["tail", "-F", "/var/log/1.log"]);
    expect(p.output(0, 3500).map((l) => l.text)).toEqual(["tail: cannot open '/var/log/1.log' for reading: No such file or directory", "tail: '/var/log/1.log' has appeared;  following new file", "0: line"]);
  });
});
