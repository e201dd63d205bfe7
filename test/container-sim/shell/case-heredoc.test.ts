import { describe, expect, it } from "vitest";
import { startProcess } from "../../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const out = (script: string, image = "busybox:1.36", shell = "sh") =>
  startProcess({ image, command: [shell, "-c", script], env: {}, hostname: "pod-a" }, T0)
    .output(0, 1e9)
    .map((l) => l.text);

describe("case", () => {
  it("matches globs and alternatives in order; a quoted pattern matches literally", () => {
    const script = `for x in start app.log stop '*' other; do
  case "$x" in
    start|up) echo "starting" ;;
    *.log) echo "log $x";;
    (stop) echo stopping
      ;;
    "*") echo star ;;
    *) echo "unknown $x" ;;
  esac
done`;
    expect(out(script)).toEqual(["starting", "log app.log", "stopping", "star", "unknown other"]);
    expect(out(`case x in y) echo no;; esac; echo "[$?]"`, "debian:12")).toEqual(["[0]"]);
  });
});

describe("here-documents", () => {
  it("feed a command's stdin, expanding parameters unless the delimiter is quoted; <<- strips tabs", () => {
    const script = "NAME=web\ncat <<EOF > /tmp/page.html\n<h1>$NAME on $(hostname)</h1>\ncost: \\$5\nEOF\ncat /tmp/page.html\ncat <<'END'\nliteral $NAME\nEND\n\tcat <<-X\n\t\tindented\n\tX\necho done";
    expect(out(script)).toEqual(["<h1>web on pod-a</h1>", "cost: $5", "literal $NAME", "indented", "done"]);
  });

  it("work in bash too, with a pipeline after the redirection", () => {
    expect(out("cat <<EOF | wc -l\na\nb\nEOF", "ubuntu:24.04", "bash")).toEqual(["2"]);
  });
});
