// Programs answering connections: their answers and the access-log lines they print for each (kept by the caller),
// and the generic server of images the simulator does not know.
import { describe, expect, it } from "vitest";
import { evaluateProbe, GENERIC_STARTUP_MS, startProcess, type HttpRequest, type ProcessSpec } from "../../src/container-sim/index";

const T0 = Date.UTC(2026, 11, 1, 21, 40, 0);
const AT = 60_000; // a minute after the server started: 21:41:00
const start = (image: string, extra: Partial<ProcessSpec> = {}) => startProcess({ image, env: {}, hostname: "srv-1", podIP: "10.244.2.7", ...extra }, T0);
const get = (path: string, headers: Record<string, string> = {}, method = "GET"): HttpRequest => ({ method, path, headers: { host: "web", "user-agent": "Wget", ...headers } });
const logText = (served: ReturnType<ReturnType<typeof start>["accept"]>) => served?.log.map((l) => `${l.stream}: ${l.text}`);

describe("web servers", () => {
  it("nginx answers with its page and headers and logs the `main` format with the bytes sent", () => {
    const nginx = start("nginx:1.27");
    const ok = nginx.accept(80, { clientIP: "10.244.1.5", http: get("/") }, AT);
    expect(ok?.answer).toMatchObject({ status: 200, headers: { server: "nginx/1.27.3", "content-type": "text/html", "content-length": "615" } });
    expect(logText(ok)).toEqual(['stdout: 10.244.1.5 - - [01/Dec/2026:21:41:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"']);
    expect(logText(nginx.accept(80, { clientIP: "10.244.1.5", http: get("/nope", { "user-agent": "curl/8.5.0", referer: "http://x/" }) }, AT))).toEqual([
      expect.stringMatching(/^stderr: 2026\/12\/01 21:41:00 \[error\] 29#29: \*\d+ open\(\) "\/usr\/share\/nginx\/html\/nope" failed \(2: No such file or directory\), client: 10\.244\.1\.5, server: localhost, request: "GET \/nope HTTP\/1\.1", host: "web"$/),
      'stdout: 10.244.1.5 - - [01/Dec/2026:21:41:00 +0000] "GET /nope HTTP/1.1" 404 153 "http://x/" "curl/8.5.0" "-"',
    ]);
    const head = nginx.accept(80, { clientIP: "10.244.1.5", http: get("/", {}, "HEAD") }, AT);
    expect(head?.answer.body).toBe("");
    expect(head?.answer.headers?.["content-length"]).toBe("615");
    expect(head?.log[0].text).toContain('"HEAD / HTTP/1.1" 200 0 ');
    expect(nginx.accept(80, { clientIP: "10.244.1.5", http: get("/") }, 10)).toBeUndefined(); // not listening yet
  });

  it("the process's own output stays a function of its start: access logs are only in what accept returns", () => {
    const nginx = start("nginx:1.27");
    nginx.accept(80, { clientIP: "10.244.1.5", http: get("/") }, AT);
    expect(nginx.output(0, 1e9).some((l) => l.text.includes("GET /"))).toBe(false);
  });

  it("an exec's requests to the container itself come back with the server's log lines (kubectl exec web -- curl localhost)", () => {
    const nginx = start("nginx:1.27");
    const r = nginx.exec(["curl", "-s", "-o", "/dev/null", "http://localhost/"], AT);
    expect(r).toMatchObject({ exitCode: 0, stdout: "", served: [{ atMs: AT, stream: "stdout", text: '127.0.0.1 - - [01/Dec/2026:21:41:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"' }] });
    expect(nginx.exec(["true"], AT).served).toBeUndefined();
  });

  it("httpd answers \"It works!\" and logs the common log format", () => {
    const httpd = start("httpd:2.4");
    const ok = httpd.accept(80, { clientIP: "10.244.1.5", http: get("/") }, AT);
    expect(ok?.answer).toMatchObject({ status: 200, body: "<html><body><h1>It works!</h1></body></html>\n", headers: { server: "Apache/2.4.62 (Unix)" } });
    expect(logText(ok)).toEqual(['stdout: 10.244.1.5 - - [01/Dec/2026:21:41:00 +0000] "GET / HTTP/1.1" 200 45']);
    expect(httpd.accept(80, { clientIP: "10.244.1.5", http: get("/x", {}, "HEAD") }, AT)?.log[0].text).toBe('10.244.1.5 - - [01/Dec/2026:21:41:00 +0000] "HEAD /x HTTP/1.1" 404 -');
  });

  it("http-echo answers its text with its headers and logs each request but /health", () => {
    const echo = start("hashicorp/http-echo:1.0", { args: ["-text=hello", "-listen=:5678"] });
    const served = echo.accept(5678, { clientIP: "10.244.1.5", http: get("/any", { host: "echo:5678" }) }, AT);
    expect(served?.answer).toMatchObject({ status: 200, body: "hello\n", headers: { "x-app-name": "http-echo", "x-app-version": "1.0.0" } });
    expect(served?.log[0].stream).toBe("stdout");
    expect(served?.log[0].text).toMatch(/^2026\/12\/01 21:41:00 echo:5678 10\.244\.1\.5:\d{5} "GET \/any HTTP\/1\.1" 200 6 "Wget" \d+(\.\d+)?µs$/);
    expect(echo.accept(5678, { clientIP: "10.244.1.5", http: get("/health") }, AT)).toEqual({ answer: expect.objectContaining({ body: '{"status":"ok"}\n' }), log: [] });
  });
});

describe("test images", () => {
  it("agnhost netexec: /hostname, /clientip, /echo, with `GET ...` lines in klog format", () => {
    const agnhost = start("registry.k8s.io/e2e-test-images/agnhost:2.53", { args: ["netexec", "--http-port=8080"] });
    const at = (path: string) => agnhost.accept(8080, { clientIP: "10.244.1.5", http: get(path) }, AT);
    expect(at("/hostname")?.answer.body).toBe("srv-1");
    expect(at("/hostname")?.log).toEqual([{ stream: "stderr", text: "I1201 21:41:00.000000       1 log.go:245] GET /hostname" }]);
    expect(at("/clientip")?.answer.body).toMatch(/^10\.244\.1\.5:\d{5}$/);
    expect(at("/echo?msg=hi%20there")?.answer.body).toBe("hi there");
    expect(at("/echo?msg=hi")?.log[0].text).toBe("I1201 21:41:00.000000       1 log.go:245] GET /echo?msg=hi&code=");
    expect(at("/healthz")).toMatchObject({ answer: { status: 200 }, log: [] });
  });

  it("echoserver dumps the request it got and logs it", () => {
    const echo = start("registry.k8s.io/echoserver:1.10");
    const served = echo.accept(8080, { clientIP: "10.244.1.5", http: get("/path?q=1", { host: "echo:8080", "user-agent": "curl/8.5.0", accept: "*/*" }) }, AT);
    expect(served?.answer.body).toContain("Hostname: srv-1\n");
    expect(served?.answer.body).toContain("\tclient_address=10.244.1.5\n\tmethod=GET\n\treal path=/path\n\tquery=q=1\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://echo:8080/path?q=1\n\nRequest Headers:\n\taccept=*/*\n\thost=echo:8080\n\tuser-agent=curl/8.5.0\n");
    expect(served?.log[0].text).toMatch(/^10\.244\.1\.5 - - \[01\/Dec\/2026:21:41:00 \+0000\] "GET \/path\?q=1 HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0"$/);
    const old = start("k8s.gcr.io/echoserver:1.4").accept(8080, { clientIP: "10.244.1.5", http: get("/") }, AT);
    expect(old?.answer.body).toMatch(/^CLIENT VALUES:\nclient_address=10\.244\.1\.5\ncommand=GET\nreal path=\/\nquery=nil\n/);
  });

  it("redis answers PING over TCP; postgres accepts a bare connection", () => {
    const redis = start("redis:7");
    expect(redis.accept(6379, { clientIP: "10.244.1.5", send: "PING\r\n" }, AT)).toEqual({ answer: { status: 0, body: "+PONG\r\n" }, log: [] });
    expect(redis.accept(6379, { clientIP: "10.244.1.5", send: "*1\r\n$4\r\nPING\r\n" }, AT)?.answer.body).toBe("+PONG\r\n");
    const pg = start("postgres:16", { env: { POSTGRES_PASSWORD: "x" } });
    expect(pg.accept(5432, { clientIP: "10.244.1.5" }, AT)).toEqual({ answer: { status: 0, body: "" }, log: [] });
  });
});

describe("images the simulator does not know", () => {
  it("listen on their declared ports from their start, answer 200 anywhere, accept TCP, and log", () => {
    const app = start("ghcr.io/acme/shop:2.1", { ports: [8080, 9090] });
    expect(app.output(0, 1e9).map((l) => [l.atMs, l.text])).toEqual([[GENERIC_STARTUP_MS, "kube-sandbox: ghcr.io/acme/shop:2.1 is not simulated; serving HTTP 200 and TCP on :8080, :9090"]]);
    expect(app.accept(8080, { clientIP: "10.244.1.5", http: get("/") }, 0)?.answer.status).toBe(200);
    const served = app.accept(9090, { clientIP: "10.244.1.5", http: get("/api/items?x=1") }, AT);
    expect(served?.answer).toMatchObject({ status: 200, body: "Hello from srv-1 (ghcr.io/acme/shop:2.1)\n" });
    expect(logText(served)).toEqual(['stdout: 10.244.1.5 - - [01/Dec/2026:21:41:00 +0000] "GET /api/items?x=1 HTTP/1.1" 200 41 "Wget"']);
    expect(app.accept(8080, { clientIP: "10.244.1.5", send: "hello" }, AT)?.answer.status).toBe(0);
    expect(app.accept(7000, { clientIP: "10.244.1.5", http: get("/") }, AT)).toBeUndefined();
  });

  it("pass HTTP and TCP probes on their ports, so the pod becomes Ready", () => {
    const app = start("ghcr.io/acme/shop:2.1", { ports: [8080] });
    const target = { podIP: "10.244.2.7", containerPorts: [{ name: "http", containerPort: 8080 }] };
    expect(evaluateProbe({ httpGet: { path: "/healthz", port: "http" } }, app, 2000, target)).toEqual({ success: true });
    expect(evaluateProbe({ tcpSocket: { port: 8080 } }, app, 2000, target)).toEqual({ success: true });
    // From the first probe, which runs as the container starts.
    expect(evaluateProbe({ tcpSocket: { port: 8080 } }, app, 0, target)).toEqual({ success: true });
    expect(evaluateProbe({ tcpSocket: { port: 9999 } }, app, 0, target).success).toBe(false);
  });
});
