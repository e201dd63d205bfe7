import { describe, expect, it } from "vitest";
import { LineDiscipline, onlcr } from "../../../src/container-sim/terminal/line-discipline";

describe("a pty's line discipline (canonical mode)", () => {
  it("echoes what is typed and hands over a line at Enter (CR), echoed as CRLF", () => {
    const t = new LineDiscipline();
    expect(t.type("ls")).toEqual({ echo: "ls", lines: [], interrupt: false, endOfFile: false });
    expect(t.type("\r")).toEqual({ echo: "\r\n", lines: ["ls\n"], interrupt: false, endOfFile: false });
  });

  it("DEL and backspace erase one character on screen (\\b \\b); nothing to erase echoes nothing", () => {
    const t = new LineDiscipline();
    const typed = t.type("ecjo\x7f\x7fho\x08\x08ho x\r");
    expect(typed.lines).toEqual(["echo x\n"]);
    expect(typed.echo).toBe("ecjo\b \b\b \bho\b \b\b \bho x\r\n");
    expect(t.type("\x7f").echo).toBe("");
  });

  it("Ctrl-U erases the whole line, Ctrl-W the last word", () => {
    const t = new LineDiscipline();
    expect(t.type("rm -rf /\x15").echo).toBe("rm -rf /" + "\b \b".repeat(8));
    expect(t.line).toBe("");
    t.type("echo one two");
    expect(t.type("\x17").echo).toBe("\b \b".repeat(3));
    expect(t.line).toBe("echo one ");
  });

  it("Ctrl-C echoes ^C, drops the line and interrupts", () => {
    const t = new LineDiscipline();
    const typed = t.type("sleep 5\x03");
    expect(typed).toMatchObject({ echo: "sleep 5^C", interrupt: true, lines: [] });
    expect(t.line).toBe("");
  });

  it("Ctrl-D is end of file on an empty line only", () => {
    const t = new LineDiscipline();
    expect(t.type("ab\x04").endOfFile).toBe(false);
    expect(t.type("\x15\x04").endOfFile).toBe(true);
  });

  it("arrow keys and other escape sequences are not echoed or inserted", () => {
    const t = new LineDiscipline();
    expect(t.type("a\x1b[A\x1b[1;5Cb\x1bOHc").echo).toBe("abc");
    expect(t.line).toBe("abc");
  });

  it("output gets CRLF line ends (onlcr)", () => {
    expect(onlcr("a\nb\r\nc")).toBe("a\r\nb\r\nc");
  });
});
