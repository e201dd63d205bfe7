// What a container gets from whoever runs it: mounts over the image's files, a network, and stdin over time.
import { describe, expect, it } from "vitest";
import { defaultNetwork, PUBLIC_SITE_IP, startProcess, type ConnectRequest, type ContainerNetwork, type InputStream, type ProcessSpec } from "../../src/container-sim/index";
import { directory } from "./directories";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const sh = (script: string, extra: Partial<ProcessSpec> = {}, image = "busybox:1.36") =>
  startProcess({ image, command: ["sh", "-c", script], env: {}, hostname: "pod-a", ...extra }, T0);
const texts = (p: ReturnType<typeof sh>, until = 1e9) => p.output(0, until).map((l) => l.text);

describe("filesystem: mounts", () => {
  it("hide what the image has at their path and show the source's tree", () => {
    const p = startProcess({ image: "nginx:1.25", env: {}, hostname: "web", mounts: [{ mountPath: "/usr/share/nginx/html", source: directory({ "index.html": "mine\n", "sub/page.html": "page\n" }) }] }, T0);
    expect(p.httpGet(80, "/", 1000)?.body).toBe("mine\n");
    expect(p.httpGet(80, "/sub/page.html", 1000)?.body).toBe("page\n");
    expect(p.httpGet(80, "/50x.html", 1000)?.status).toBe(404);
    expect(p.exec(["ls", "/usr/share/nginx/html"], 1000).stdout).toBe("index.html\nsub\n");
  });

  it("mount one file by subPath, with its parent directories made", () => {
    const p = sh("cat /etc/app/app.conf; ls /etc/app", { mounts: [{ mountPath: "/etc/app/app.conf", source: directory({ a: "1\n", b: "2\n" }), subPath: "b" }] });
    expect(texts(p)).toEqual(["2", "app.conf"]);
  });

  it("nginx listens on the ports of a mounted configuration", () => {
    const conf = "server {\n  listen 8080;\n}\n";
    const p = startProcess({ image: "nginx:1.25", env: {}, hostname: "web", mounts: [{ mountPath: "/etc/nginx/conf.d", source: directory({ "default.conf": conf }) }] }, T0);
    expect(p.ports).toEqual([8080]);
  });

  it("keep a read-only source's files; the container's writes over them stay in its own layer", () => {
    const source = directory({ a: "1\n" });
    const p = sh("echo changed > /cfg/a; cat /cfg/a; rm /cfg/a; ls /cfg; echo done", { mounts: [{ mountPath: "/cfg", source }] });
    expect(texts(p)).toEqual(["changed", "done"]);
    expect(source.read("a", T0)).toBe("1\n");
    expect(texts(sh("cat /cfg/a", { mounts: [{ mountPath: "/cfg", source }] }))).toEqual(["1"]);
  });

  it("write through a writable source at the wall-clock moment, from the main process and from exec", () => {
    const writes: string[] = [];
    const p = sh("sleep 2; echo hi > /data/out; mkdir /data/d; sleep 3600", { mounts: [{ mountPath: "/data", source: directory({}, writes) }] });
    expect(p.fileExists("/data/out", 3000)).toBe(true);
    expect(p.exec(["rm", "/data/out"], 5000).exitCode).toBe(0);
    expect(writes).toEqual([`${T0 + 2000} write out`, `${T0 + 2000} write out`, `${T0 + 2000} mkdir d`, `${T0 + 5000} remove out`]);
  });

  it("refuse writes under a read-only mount with the kernel's EROFS, in busybox's and bash's words", () => {
    const writes: string[] = [];
    const mounts = [{ mountPath: "/data", source: directory({ a: "1\n" }, writes), readOnly: true }];
    const script = "echo x > /data/x; echo $?; touch /data/t; mkdir /data/d; rm /data/a; cp /data/a /data/b; echo y | tee /data/y; cat /data/a; ls /data";
    const p = sh(script, { mounts });
    expect(texts(p)).toEqual([
      "sh: can't create /data/x: Read-only file system",
      "1",
      "touch: /data/t: Read-only file system",
      "mkdir: can't create directory '/data/d': Read-only file system",
      "rm: can't remove '/data/a': Read-only file system",
      "cp: can't create '/data/b': Read-only file system",
      "tee: /data/y: Read-only file system",
      "y",
      "1",
      "a",
    ]);
    expect(writes).toEqual([]);
    const bash = startProcess({ image: "ubuntu:22.04", command: ["bash", "-c", "echo x > /data/x; mkdir /data/d"], env: {}, hostname: "pod-a", mounts }, T0);
    expect(texts(bash)).toEqual(["bash: /data/x: Read-only file system", "mkdir: cannot create directory '/data/d': Read-only file system"]);
  });

  it("tell a full source's refusal: the file is created, the write fails with ENOSPC", () => {
    const full = { ...directory({}, []), writes: { write: (_p: string, content: string) => (content ? ("ENOSPC" as const) : true), remove: () => true, mkdir: () => true } };
    const p = sh("echo big > /data/f", { mounts: [{ mountPath: "/data", source: full }] });
    expect(texts(p)).toEqual(["sh: write error: No space left on device"]);
  });
});

describe("network", () => {
  it("by default reaches the container's own ports by loopback names, hostname and pod IP", () => {
    const p = sh("sleep 1; nc -l -p 8080", { podIP: "10.244.1.9" });
    const get = (url: string, at: number) => p.exec(["wget", "-qO-", url], at).exitCode;
    expect([get("http://localhost:8080/", 2000), get("http://pod-a:8080/", 2000), get("http://10.244.1.9:8080/", 2000)]).toEqual([0, 0, 0]);
    expect(get("http://localhost:8080/", 500)).toBe(1);
    expect(p.exec(["wget", "-qO-", "http://10.244.1.10:8080/"], 2000).stderr).toBe("wget: can't connect to remote host (10.244.1.10): Connection refused\n");
    expect(defaultNetwork({ hostname: "pod-a" }).dns("10.96.0.10", { name: "web.default.svc", type: "A", atWallMs: T0 })).toEqual({ rcode: "NXDOMAIN", answers: [] });
    const publicSite = { ip: PUBLIC_SITE_IP, port: 80, http: { method: "GET", path: "/", headers: { host: "example.com" } }, atWallMs: T0, seq: 0 };
    expect(defaultNetwork({ hostname: "pod-a" }).connect(publicSite, () => ({ kind: "refused" }))).toMatchObject({ kind: "answer", answer: { status: 200 } });
  });

  it("is the caller's when given: it resolves names, sees each connection at its wall-clock moment, and can answer from the loopback", () => {
    const seen: ConnectRequest[] = [];
    const network: ContainerNetwork = {
      dns: (_server, question) => (question.name === "web" ? { rcode: "NOERROR", answers: [{ name: "web", type: "A", ttl: 30, data: "10.96.0.12" }] } : { rcode: "NXDOMAIN", answers: [] }),
      connect(request, loopback) {
        seen.push(request);
        if (request.ip === "10.96.0.12") return { kind: "answer", answer: { status: 200, body: "from web\n" } };
        if (request.ip === "127.0.0.1") return loopback(request.port, request);
        return { kind: "refused" };
      },
    };
    const p = sh("sleep 1; wget -qO- http://web/x; wget -qO- http://127.0.0.1:81/ || echo no; nc -z nowhere 80 || echo unresolved", { network });
    expect(texts(p)).toEqual(["from web", "wget: can't connect to remote host (127.0.0.1): Connection refused", "no", "nc: bad address 'nowhere'", "unresolved"]);
    expect(seen.map((r) => [r.ip, r.port, r.http?.path, r.atWallMs, r.seq])).toEqual([
      ["10.96.0.12", 80, "/x", T0 + 1000, 0],
      ["127.0.0.1", 81, "/", T0 + 1000, 1],
    ]);
  });
});

describe("streams: stdin over time", () => {
  const input: InputStream = { chunks: [{ atWallMs: T0 + 2000, text: "one\ntw" }, { atWallMs: T0 + 5000, text: "o\n" }], closedAtWallMs: T0 + 9000 };

  it("read waits for each whole line, then sees the end of file", () => {
    const p = sh("while read line; do echo got $line; done; echo eof", { stdin: input });
    expect(p.output(0, 1e9).map((l) => [l.atMs, l.text])).toEqual([[2000, "got one"], [5000, "got two"], [9000, "eof"]]);
    expect(p.exit).toEqual({ atMs: 9000, code: 0, reason: "Completed" });
  });

  it("cat copies stdin as it arrives and runs while the stream is open", () => {
    const open: InputStream = { chunks: input.chunks };
    const p = sh("cat", { stdin: open });
    expect(p.output(0, 1e9).map((l) => [l.atMs, l.text])).toEqual([[2000, "one"], [5000, "two"]]);
    expect(p.exit).toBeUndefined();
  });

  it("without stdin, reads see the end of file at once (as before)", () => {
    expect(sh("cat; read x || echo none").exit).toMatchObject({ atMs: 0, code: 0 });
    expect(texts(sh("cat; read x || echo none"))).toEqual(["none"]);
  });

  it("a second process (exec) gets its own stdin and shares the container's files", () => {
    const p = sh("echo shared > /tmp/f; sleep 3600");
    const r = p.exec(["sh", "-c", "read a; cat /tmp/f; echo $a"], 1000, { stdin: { chunks: [{ atWallMs: T0 + 1500, text: "typed\n" }] }, timeoutMs: 10_000 });
    expect(r).toMatchObject({ exitCode: 0, stdout: "shared\ntyped\n", stderr: "" });
  });
});
