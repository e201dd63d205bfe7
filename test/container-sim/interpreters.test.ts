// The language runtimes' one-liners: python -c, perl -e (the docs' pi Job), node -e.
import { describe, expect, it } from "vitest";
import { pullImage, startProcess } from "../../src/container-sim/index";
import { piDigits } from "../../src/container-sim/programs/interpreters";
import { SCRIPT_RUN_MS } from "../../src/container-sim/programs/program";
import { directory } from "./directories";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const run = (image: string, command: string[]) => startProcess({ image, command, env: {}, hostname: "p" }, T0);
const texts = (image: string, command: string[], stream = "stdout") =>
  run(image, command)
    .output(0, 1e9)
    .filter((l) => l.stream === stream)
    .map((l) => l.text);

describe("python -c", () => {
  it("prints literals and expressions, and exits 0", () => {
    expect(texts("python:3.12", ["python", "-c", "print('hello'); print(1 + 2, 7 / 2, 4 / 2, 7 // 2, 2 ** 10); print(\"a\" + \"b\", True, None)"])).toEqual(["hello", "3 3.5 2.0 3 1024", "ab True None"]);
    expect(run("python:3.12", ["python3", "-c", "print('x')"]).exit).toMatchObject({ code: 0, reason: "Completed" });
  });

  it("sys.exit(N) exits N; time.sleep takes its time", () => {
    expect(run("python:3.12", ["python", "-c", "import sys; sys.exit(1)"]).exit).toMatchObject({ atMs: 0, code: 1, reason: "Error" });
    expect(run("python:3.12", ["python", "-c", "import time; time.sleep(5); print('done')"]).exit).toMatchObject({ atMs: 5000, code: 0 });
  });

  it("raise prints a traceback and exits 1", () => {
    const p = run("python:3.12", ["python", "-c", "raise ValueError('boom')"]);
    expect(p.exit).toMatchObject({ code: 1 });
    expect(p.output(0, 1e9).map((l) => l.text)).toEqual(["Traceback (most recent call last):", '  File "<string>", line 1, in <module>', "    raise ValueError('boom')", "ValueError: boom"]);
  });
});

describe("perl -e", () => {
  it("π to 2000 digits by Machin's formula", () => {
    const pi = piDigits(2000);
    expect(pi.length).toBe(2001);
    expect(pi.slice(0, 12)).toBe("3.1415926535");
    expect(pi.slice(-20)).toBe("59958133904780275901");
  });

  it("the docs' pi Job prints 2000 digits and completes", () => {
    expect(pullImage("perl:5.34.0").ok).toBe(true);
    const p = run("perl:5.34.0", ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]);
    expect(p.exit).toMatchObject({ code: 0, reason: "Completed" });
    expect(p.exit!.atMs).toBeGreaterThan(1000);
    const out = p.output(0, 1e9).map((l) => l.text);
    expect(out).toEqual([piDigits(2000)]);
  });

  it("print and exit", () => {
    expect(texts("perl:5.40", ["perl", "-le", 'print "hi"; print 6 * 7'])).toEqual(["hi", "42"]);
    expect(run("perl:5.40", ["perl", "-e", "exit 3"]).exit).toMatchObject({ code: 3 });
  });
});

describe("node -e", () => {
  it("console.log of literals and expressions; process.exit", () => {
    expect(texts("node:22", ["node", "-e", "console.log('hi', 1 + 2); console.log(`t`)"])).toEqual(["hi 3", "t"]);
    expect(run("node:22", ["node", "-e", "console.log('x'); process.exit(4)"]).exit).toMatchObject({ code: 4, reason: "Error" });
    expect(texts("node:22", ["node", "-p", "6 * 7"])).toEqual(["42"]);
  });
});

describe("scripts the simulator cannot read", () => {
  const scripts = { mounts: [{ mountPath: "/scripts", source: directory({ "job.py": "import os\nprint(os.cpu_count())\n", "app.js": "require('http')\n", "pi.pl": "print 1;\n" }) }] };
  const start = (image: string, command: string[], restartPolicy?: string) =>
    startProcess({ image, command, env: {}, hostname: "p", ...scripts, ...(restartPolicy ? { restartPolicy } : {}) }, T0);

  it("in a Job's pod (restartPolicy Never or OnFailure) they finish after the default run time, exit 0", () => {
    expect(start("python:3.12", ["python", "/scripts/job.py"], "Never").exit).toEqual({ atMs: SCRIPT_RUN_MS, code: 0, reason: "Completed" });
    expect(start("node:22", ["node", "/scripts/app.js"], "OnFailure").exit).toEqual({ atMs: SCRIPT_RUN_MS, code: 0, reason: "Completed" });
    expect(start("perl:5.40", ["perl", "/scripts/pi.pl"], "Never").exit).toEqual({ atMs: SCRIPT_RUN_MS, code: 0, reason: "Completed" });
    // An image the simulator does not know, its interpreter given a script.
    expect(start("ruby:3.3", ["ruby", "/app/job.rb"], "Never").exit).toEqual({ atMs: SCRIPT_RUN_MS, code: 0, reason: "Completed" });
  });

  it("in a Deployment's pod (restartPolicy Always) they keep running, as servers do", () => {
    expect(start("python:3.12", ["python", "/scripts/job.py"], "Always").exit).toBeUndefined();
    expect(start("node:22", ["node", "/scripts/app.js"]).exit).toBeUndefined();
    expect(start("ruby:3.3", ["ruby", "/app/server.rb"], "Always").exit).toBeUndefined();
  });

  it("one-liners keep their own exit in a Job's pod", () => {
    expect(start("python:3.12", ["python", "-c", "import sys; sys.exit(3)"], "Never").exit).toMatchObject({ atMs: 0, code: 3 });
    expect(start("perl:5.40", ["perl", "-e", "print 1"], "Never").exit).toMatchObject({ atMs: 0, code: 0 });
  });
});
