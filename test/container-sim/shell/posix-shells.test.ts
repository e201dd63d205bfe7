import { describe, expect, it } from "vitest";
import { startProcess } from "../../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const sh = (image: string, script: string, shell = "sh") => {
  const p = startProcess({ image, command: [shell, "-c", script], env: {}, hostname: "pod-a" }, T0);
  const lines = p.output(0, 1e9);
  return { out: lines.filter((l) => l.stream === "stdout").map((l) => l.text), err: lines.filter((l) => l.stream === "stderr").map((l) => l.text), exit: p.exit?.code };
};

describe("busybox ash refuses bash's arrays but has its compatible extensions", () => {
  it("an array literal is a syntax error", () => {
    expect(sh("busybox", "a=(1 2); echo after")).toEqual({ out: [], err: ['sh: syntax error: unexpected "("'], exit: 2 });
  });

  it("a subscripted assignment is a command that is not found; a subscript in ${} is a bad substitution", () => {
    expect(sh("busybox", "a[1]=x")).toMatchObject({ err: ["sh: a[1]=x: not found"], exit: 127 });
    expect(sh("alpine", 'echo "${a[0]}"')).toMatchObject({ err: ["sh: syntax error: bad substitution"], exit: 2 });
  });

  it("[[ is test with ]] (&& and || read as -a and -o)", () => {
    expect(sh("busybox", '[[ 1 == 1 ]] && echo yes; [[ a = b ]] || echo no; [[ -n x && -z "" ]] && echo both').out).toEqual(["yes", "no", "both"]);
  });

  it("${v//p/r}, ${v:o:l}, function and local work", () => {
    expect(sh("busybox", 's=banana; echo ${s//a/o} ${s:1:3}; function f { local v=in; echo $v; }; f; echo "[$v]"').out).toEqual(["bonono ana", "in", "[]"]);
  });
});

describe("dash (Debian's /bin/sh) refuses bash-only syntax", () => {
  it("an array literal: Syntax error", () => {
    expect(sh("debian:12", "a=(1 2)")).toEqual({ out: [], err: ['sh: 1: Syntax error: "(" unexpected'], exit: 2 });
  });

  it("[[ is not found", () => {
    expect(sh("debian:12", "[[ 1 == 1 ]] && echo yes; echo $?")).toEqual({ out: ["127"], err: ["sh: 1: [[: not found"], exit: 0 });
  });

  it("bash's substitutions are bad substitutions; POSIX ones work", () => {
    expect(sh("ubuntu:24.04", "s=banana; echo ${s//a/o}")).toMatchObject({ err: ["sh: 1: Bad substitution"], exit: 2 });
    expect(sh("ubuntu:24.04", "p=/a/b.txt; echo ${p##*/} ${p%.txt} ${#p}").out).toEqual(["b.txt /a/b 8"]);
  });

  it("the function keyword is not one", () => {
    expect(sh("debian:12", "function f { echo hi; }")).toMatchObject({ err: ['sh: 1: Syntax error: "}" unexpected'], exit: 2 });
  });

  it("the same image's bash has them", () => {
    expect(sh("debian:12", "a=(1 2); [[ ${a[1]} == 2 ]] && echo two", "bash").out).toEqual(["two"]);
    expect(sh("debian:12", `bash -c 'a=(x y); echo \${a[1]}'`).out).toEqual(["y"]);
  });
});
