import { describe, expect, it } from "vitest";
import { directory } from "./directories";
import { evaluateProbe, invalidImageNameMessage, parseImageReference, probeFailedEventMessage, pullImage, startProcess } from "../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1);
const start = (image: string, extra: object = {}) => startProcess({ image, env: {}, hostname: "web-1", ...extra }, T0);

describe("image references and pulls", () => {
  it("normalises references", () => {
    const r = parseImageReference("nginx");
    expect(r.ok && r.ref.canonical).toBe("docker.io/library/nginx:latest");
    const k = parseImageReference("registry.k8s.io/e2e-test-images/agnhost:2.40");
    expect(k.ok && [k.ref.domain, k.ref.path, k.ref.tag]).toEqual(["registry.k8s.io", "e2e-test-images/agnhost", "2.40"]);
    const l = parseImageReference("localhost:5000/app@sha256:" + "a".repeat(64));
    expect(l.ok && [l.ref.domain, l.ref.tag, l.ref.digest]).toEqual(["localhost:5000", undefined, "sha256:" + "a".repeat(64)]);
  });

  it("reports InvalidImageName wording for unparsable names", () => {
    expect(invalidImageNameMessage("NGINX")).toBe('Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name must be lowercase');
    expect(invalidImageNameMessage("my image")).toContain("invalid reference format");
    expect(invalidImageNameMessage("nginx:1.25")).toBeUndefined();
  });

  it("fails unknown tags of well-known images with containerd's NotFound", () => {
    expect(pullImage("nginx:1.2345")).toEqual({ ok: false, message: 'Failed to pull image "nginx:1.2345": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.2345": failed to resolve reference "docker.io/library/nginx:1.2345": docker.io/library/nginx:1.2345: not found' });
    expect(pullImage("nginx:lates").ok).toBe(false);
    for (const ok of ["nginx", "nginx:1.25", "nginx:1.25.3-alpine", "nginx:alpine", "redis:7.2", "busybox:1.36", "ubuntu:22.04", "python:3.12-slim"]) expect(pullImage(ok).ok, ok).toBe(true);
  });

  it("fails obvious misspellings and unknown registries, pulls everything else", () => {
    for (const typo of ["ngnix", "nignx", "busyboxx"]) expect(pullImage(typo)).toMatchObject({ ok: false, message: expect.stringContaining("pull access denied, repository does not exist") });
    expect(pullImage("myregistry.invalid/app:1")).toMatchObject({ ok: false, message: expect.stringContaining("no such host") });
    expect(pullImage("mono").ok).toBe(true);
    expect(pullImage("someuser/someapp:v3")).toMatchObject({ ok: true, size: "medium" });
  });

  it("gives sizes and stable digests", () => {
    const a = pullImage("busybox");
    expect(a).toMatchObject({ ok: true, size: "small" });
    expect(a.ok && a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(pullImage("busybox")).toEqual(a);
    expect(pullImage("postgres:16")).toMatchObject({ size: "large" });
  });
});

describe("image behaviour", () => {
  it("nginx prints its startup lines and serves its welcome page", () => {
    const p = start("nginx:1.25");
    const text = p.output(0, 10_000).map((l) => l.text);
    expect(text[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(text).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up");
    expect(text.some((t) => /^2024\/01\/01 00:00:00 \[notice\] 1#1: start worker processes$/.test(t))).toBe(true);
    expect(text.some((t) => t.endsWith("nginx/1.25.5"))).toBe(true);
    expect(p.exit).toBeUndefined();
    expect(p.ports).toEqual([80]);
    expect(p.stopsOnSigterm).toBe(true);
    expect(p.httpGet(80, "/", 1000)).toMatchObject({ status: 200, body: expect.stringContaining("Welcome to nginx!") });
    expect(p.httpGet(80, "/missing", 1000)?.status).toBe(404);
    expect(p.httpGet(8080, "/", 1000)).toBeUndefined();
  });

  it("nginx serves mounted files", () => {
    const p = start("nginx", { mounts: [{ mountPath: "/usr/share/nginx/html", source: directory({ "index.html": "hello from configmap\n" }) }] });
    expect(p.httpGet(80, "/", 1000)?.body).toBe("hello from configmap\n");
  });

  it("httpd says It works! and redis is ready for connections", () => {
    expect(start("httpd:2.4").httpGet(80, "/", 1000)?.body).toContain("It works!");
    const redis = start("redis:7");
    expect(redis.output(0, 5000).map((l) => l.text).some((t) => t.endsWith("* Ready to accept connections tcp"))).toBe(true);
    expect(redis.listening(6379, 1000)).toBe(true);
  });

  it("shell images with no tty exit 0 at once", () => {
    for (const image of ["busybox", "alpine:3.20", "ubuntu:24.04", "debian"]) expect(start(image).exit, image).toEqual({ atMs: 0, code: 0, reason: "Completed" });
  });

  it("postgres without POSTGRES_PASSWORD prints the real error and exits 1", () => {
    const p = start("postgres:16");
    expect(p.output(0, 1000)[0]).toMatchObject({ stream: "stderr", text: "Error: Database is uninitialized and superuser password is not specified." });
    expect(p.exit).toMatchObject({ code: 1, reason: "Error" });
    const ok = start("postgres:16", { env: { POSTGRES_PASSWORD: "pw" } });
    expect(ok.exit).toBeUndefined();
    expect(ok.listening(5432, 10_000)).toBe(true);
  });

  it("bare commands run that program; missing executables are a StartError", () => {
    expect(start("busybox", { command: ["echo", "hi"] }).output(0, 1000).map((l) => l.text)).toEqual(["hi"]);
    const sleeper = start("busybox", { command: ["sleep", "3600"] });
    expect(sleeper.exit).toEqual({ atMs: 3_600_000, code: 0, reason: "Completed" });
    expect(sleeper.stopsOnSigterm).toBe(false);
    expect(start("alpine", { command: ["bash", "-c", "echo hi"] }).exit).toMatchObject({ code: 128, reason: "StartError", message: expect.stringContaining('exec: "bash": executable file not found in $PATH') });
    expect(start("nginx", { command: ["/app/run.sh"] }).exit).toMatchObject({ reason: "StartError", message: expect.stringContaining("stat /app/run.sh: no such file or directory") });
  });

  it("http-echo answers its -text, the generic fallback runs forever quietly", () => {
    const echo = start("hashicorp/http-echo", { args: ["-text=hello"] });
    expect(echo.httpGet(5678, "/anything", 100)?.body).toBe("hello\n");
    const generic = start("example/app:1.0");
    expect(generic.exit).toBeUndefined();
    expect(generic.output(0, 1e9)).toEqual([]);
  });

  it("stress above the memory limit is OOMKilled; below it keeps running", () => {
    const args = ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"];
    const oom = start("polinux/stress", { command: ["stress"], args, memoryLimitBytes: 100 * 1024 ** 2 });
    expect(oom.exit).toMatchObject({ code: 137, reason: "OOMKilled" });
    const fits = start("polinux/stress", { command: ["stress"], args, memoryLimitBytes: 300 * 1024 ** 2 });
    expect(fits.exit).toBeUndefined();
  });
});

describe("probes", () => {
  const target = { podIP: "10.244.1.5", containerPorts: [{ name: "http", containerPort: 80 }] };

  it("httpGet by number and by name, with the kubelet's messages", () => {
    const p = start("nginx");
    expect(evaluateProbe({ httpGet: { path: "/", port: "http" } }, p, 2000, target)).toEqual({ success: true });
    const r404 = evaluateProbe({ httpGet: { path: "/healthz", port: 80 } }, p, 2000, target);
    expect(probeFailedEventMessage("Liveness", r404)).toBe("Liveness probe failed: HTTP probe failed with statuscode: 404");
    const refused = evaluateProbe({ httpGet: { path: "/", port: 8080 } }, p, 2000, target);
    expect(refused.message).toBe('Get "http://10.244.1.5:8080/": dial tcp 10.244.1.5:8080: connect: connection refused');
  });

  it("tcpSocket and the agnhost liveness example", () => {
    const redis = start("redis");
    expect(evaluateProbe({ tcpSocket: { port: 6379 } }, redis, 1000, target).success).toBe(true);
    expect(probeFailedEventMessage("Readiness", evaluateProbe({ tcpSocket: { port: 8080 } }, redis, 1000, target))).toBe("Readiness probe failed: dial tcp 10.244.1.5:8080: connect: connection refused");
    const live = start("registry.k8s.io/e2e-test-images/agnhost:2.40", { args: ["liveness"] });
    expect(evaluateProbe({ httpGet: { path: "/healthz", port: 8080 } }, live, 5000, target).success).toBe(true);
    expect(evaluateProbe({ httpGet: { path: "/healthz", port: 8080 } }, live, 12_000, target).message).toBe("HTTP probe failed with statuscode: 500");
  });

  it("exec probes follow the container's files", () => {
    const p = start("busybox", { args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"] });
    const probe = { exec: { command: ["cat", "/tmp/healthy"] } };
    expect(evaluateProbe(probe, p, 10_000, target).success).toBe(true);
    const failed = evaluateProbe(probe, p, 35_000, target);
    expect(probeFailedEventMessage("Liveness", failed)).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
  });
});
