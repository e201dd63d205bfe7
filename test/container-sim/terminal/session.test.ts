import { describe, expect, it } from "vitest";
import { startProcess, type ProcessSpec, type Terminal } from "../../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const container = (extra: Partial<ProcessSpec> = {}) =>
  startProcess({ image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"], env: {}, hostname: "bb", ...extra }, T0);

function open(command: string[], extra: Partial<ProcessSpec> = {}, atMs = 1000): Terminal {
  const t = container(extra).terminal!(command, atMs);
  if (!("type" in t)) throw new Error(`refused: ${t.stderr}`);
  return t;
}

describe("a shell on a terminal (exec -it)", () => {
  it("busybox sh prompts `/ # `, runs each line with its state kept, and echoes as a terminal does", () => {
    const t = open(["sh"]);
    expect(t.read(1000)).toBe("/ # ");
    t.type("echo $HOSTNAME\r", 1100);
    expect(t.read(1100)).toBe("echo $HOSTNAME\r\nbb\r\n/ # ");
    t.type("cd /tmp; X=7; export X\r", 1200);
    t.type("pwd; echo $X\r", 1300);
    expect(t.read(1300)).toBe("cd /tmp; X=7; export X\r\n/tmp # pwd; echo $X\r\n/tmp\r\n7\r\n/tmp # ");
  });

  it("a line corrected with backspace runs as corrected", () => {
    const t = open(["sh"]);
    t.read(1000);
    t.type("ecoh\x7f\x7fho fixed\r", 1100);
    expect(t.read(1100)).toBe("ecoh\b \b\b \bho fixed\r\nfixed\r\n/ # ");
  });

  it("sleep holds the prompt for its virtual time; its output comes when it is written", () => {
    const t = open(["sh"]);
    t.read(1000);
    t.type("sleep 2; echo done\r", 1000);
    expect(t.read(1000)).toBe("sleep 2; echo done\r\n");
    expect(t.nextAtMs).toBe(3000);
    expect(t.read(2999)).toBe("");
    expect(t.read(3000)).toBe("done\r\n/ # ");
  });

  it("Ctrl-C interrupts a running sleep (^C, a fresh prompt, $? 130) and clears a half-typed line", () => {
    const t = open(["sh"]);
    t.read(1000);
    t.type("sleep 100; echo never\r", 1000);
    t.type("\x03", 1500);
    expect(t.read(1500)).toBe("sleep 100; echo never\r\n^C\r\n/ # ");
    t.type("echo $?\r", 1600);
    expect(t.read(1600)).toBe("echo $?\r\n130\r\n/ # ");
    t.type("half\x03", 1700);
    expect(t.read(1700)).toBe("half^C\r\n/ # ");
    expect(t.read(200_000)).toBe("");
  });

  it("`exit 3` ends the session with 3; Ctrl-D on an empty line ends it with the last status", () => {
    const t = open(["sh"]);
    t.type("exit 3\r", 1100);
    expect(t.exit).toEqual({ atMs: 1100, code: 3 });
    const d = open(["sh"]);
    d.type("true\r\x04", 1100);
    expect(d.read(1100)).toBe("/ # true\r\n/ # \r\n");
    expect(d.exit).toEqual({ atMs: 1100, code: 0 });
  });

  it("a line left open (an if without fi) asks for more with PS2", () => {
    const t = open(["sh"]);
    t.type("if true; then\r", 1100);
    t.type("echo yes\r", 1200);
    t.type("fi\r", 1300);
    expect(t.read(1300)).toBe("/ # if true; then\r\n> echo yes\r\n> fi\r\nyes\r\n/ # ");
  });

  it("stderr reaches the one terminal; a busy loop is stopped by Ctrl-C", () => {
    const t = open(["sh"]);
    t.type("nosuch\r", 1100);
    expect(t.read(1100)).toBe("/ # nosuch\r\nsh: nosuch: not found\r\n/ # ");
    t.type("while true; do :; done\r", 1200);
    expect(t.read(5000)).toBe("while true; do :; done\r\n");
    t.type("\x03", 5000);
    expect(t.read(5000)).toBe("^C\r\n/ # ");
  });

  it("bash in a Debian image prompts root@host:/# ; a non-root ash user gets `~ $` in its home", () => {
    const bash = open(["bash"], { image: "nginx:1.27", command: undefined });
    expect(bash.read(1000)).toBe("root@bb:/# ");
    bash.type("cd /etc\r", 1000);
    expect(bash.read(1000)).toBe("cd /etc\r\nroot@bb:/etc# ");
    bash.type("exit\r", 1000);
    expect(bash.read(1000)).toBe("exit\r\nexit\r\n");
    const user = open(["sh"], { user: { uid: 65534 } });
    expect(user.read(1000)).toBe("~ $ ");
  });

  it("a command that is not a shell runs once on the terminal; a missing one is refused as exec refuses it", () => {
    const t = open(["cat"]);
    t.type("hi\r", 1100);
    t.type("\x04", 1200);
    expect(t.read(1200)).toBe("hi\r\nhi\r\n");
    expect(t.exit).toEqual({ atMs: 1200, code: 0 });
    const refused = container().terminal!(["nosuch"], 1000);
    expect(refused).toMatchObject({ exitCode: 126 });
  });
});
