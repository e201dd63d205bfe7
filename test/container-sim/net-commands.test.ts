// wget, curl and nc inside a pod: what they send, and what they print for an answer, a refused connection, a name
// that does not resolve, and a connection nobody answers (dropped by a NetworkPolicy), in virtual time.
import { describe, expect, it } from "vitest";
import { startProcess, type ConnectRequest, type ProcessSpec } from "../../src/container-sim/index";
import { fakeCluster, POD_FILES } from "./fake-cluster";

const T0 = Date.UTC(2026, 11, 1, 21, 40, 0);
const SERVER_START = T0 - 60_000;
const nginx = startProcess({ image: "nginx:1.27", env: {}, hostname: "web-1" }, SERVER_START);
const redis = startProcess({ image: "redis:7", env: {}, hostname: "redis-1" }, SERVER_START);
const routes = { "10.96.0.12:80": { process: nginx, startedAtWallMs: SERVER_START, port: 80 }, "10.96.0.20:6379": { process: redis, startedAtWallMs: SERVER_START, port: 6379 } };

function pod(script: string, image = "busybox:1.36", extra: Partial<ProcessSpec> = {}) {
  const seen: ConnectRequest[] = [];
  const p = startProcess({ image, command: ["sh", "-c", script], env: {}, hostname: "client", podIP: "10.244.1.5", files: POD_FILES, network: fakeCluster(routes, { seen }), ...extra }, T0);
  const lines = p.output(0, 1e9);
  return { seen, exit: p.exit, lines: lines.map((l) => `${l.stream === "stderr" ? "! " : ""}${l.text}`), timed: lines.map((l) => [l.atMs, l.text]) };
}

describe("busybox wget", () => {
  it("prints its progress around the body, and sends Host and User-Agent: Wget", () => {
    const r = pod("wget -O- http://web");
    expect(r.lines.filter((l) => l.startsWith("!"))).toEqual(["! Connecting to web (10.96.0.12:80)", "! writing to stdout", "! -                    100% |********************************|   615  0:00:00 ETA", "! written to stdout"]);
    expect(r.lines).toContain("<title>Welcome to nginx!</title>");
    expect(r.seen[0]).toMatchObject({ ip: "10.96.0.12", port: 80, http: { method: "GET", path: "/", headers: { host: "web", "user-agent": "Wget" } } });
  });

  it("saves to a file, shows server headers with -S, checks with --spider", () => {
    expect(pod("wget http://web/index.html && wc -c index.html").lines).toEqual(["! Connecting to web (10.96.0.12:80)", "! saving to 'index.html'", "! index.html           100% |********************************|   615  0:00:00 ETA", "! 'index.html' saved", "615 index.html"]);
    const spider = pod("wget -S --spider http://web:80/").lines;
    expect(spider.slice(0, 3)).toEqual(["! Connecting to web:80 (10.96.0.12:80)", "!   HTTP/1.1 200 OK", "!   Server: nginx/1.27.3"]);
    expect(spider).toContain("!   Content-Length: 615");
    expect(spider[spider.length - 1]).toBe("! remote file exists");
  });

  it("runs helm create's test: `wget web:80` saves index.html, naming the host as written", () => {
    const r = pod("wget 'web:80'");
    expect(r.lines).toEqual(["! Connecting to web:80 (10.96.0.12:80)", "! saving to 'index.html'", "! index.html           100% |********************************|   615  0:00:00 ETA", "! 'index.html' saved"]);
    expect(r.seen[0].http?.headers.host).toBe("web:80");
    expect(r.exit).toMatchObject({ code: 0 });
  });

  it("fails with the real messages: bad address, refused, HTTP errors", () => {
    expect(pod("wget -qO- http://nowhere").lines).toEqual(["! wget: bad address 'nowhere'"]);
    expect(pod("wget -qO- http://web:8080/").lines).toEqual(["! wget: can't connect to remote host (10.96.0.12): Connection refused"]);
    expect(pod("wget -qO- http://web/missing").lines).toEqual(["! wget: server returned error: HTTP/1.1 404 Not Found"]);
  });

  it("times out after -T seconds when the connection is dropped, or after the kernel's ~127 s without -T", () => {
    const r = pod("wget -T 5 -qO- http://blocked; echo $?");
    expect(r.timed).toEqual([[5000, "wget: download timed out"], [5000, "1"]]);
    expect(pod("wget --timeout=2 -O- http://blocked").timed).toEqual([[0, "Connecting to blocked (10.96.0.99:80)"], [2000, "wget: download timed out"]]);
    expect(pod("wget -qO- http://blocked").timed).toEqual([[127_000, "wget: can't connect to remote host (10.96.0.99): Connection timed out"]]);
  });

  it("waits out the resolver's timeouts when DNS does not answer, then reports a bad address", () => {
    const p = startProcess({ image: "busybox", command: ["wget", "-qO-", "http://web"], env: {}, hostname: "c", files: POD_FILES, network: fakeCluster(routes, { dnsDown: true }) }, T0);
    expect(p.output(0, 1e9).map((l) => [l.atMs, l.text])).toEqual([[10_000, "wget: bad address 'web'"]]);
  });
});

describe("curl", () => {
  it("sends curl/<version> of the image (curl/8.5.0 when the catalog does not say), -H headers, and prints the body", () => {
    const r = pod("curl -s -H 'Host: shop.example' -H 'X-Trace: 1' http://web/", "curlimages/curl:8.11.1");
    expect(r.seen[0].http?.headers).toEqual({ host: "shop.example", "user-agent": "curl/8.11.1", accept: "*/*", "x-trace": "1" });
    expect(r.lines).toContain("<h1>Welcome to nginx!</h1>");
    expect(pod("curl -s web -o /dev/null").seen[0].http?.headers["user-agent"]).toBe("curl/8.5.0");
  });

  it("-i prints the status line and headers, -w the status code, -X and -d make the request", () => {
    expect(pod("curl -si web/missing").lines.slice(0, 3)).toEqual(["HTTP/1.1 404 Not Found\r", "Server: nginx/1.27.3\r", `Date: ${new Date(T0).toUTCString()}\r`]);
    expect(pod("curl -s -o /dev/null -w '%{http_code}\\n' web").lines).toEqual(["200"]);
    const post = pod("curl -s -X PUT -d 'a=1' web");
    expect(post.seen[0].http).toMatchObject({ method: "PUT", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(post.lines).toContain("<center><h1>405 Not Allowed</h1></center>\r");
  });

  it("-v traces the exchange on stderr", () => {
    const lines = pod("curl -v web -o /dev/null").lines;
    expect(lines.slice(0, 7)).toEqual(["! *   Trying 10.96.0.12:80...", "! * Connected to web (10.96.0.12) port 80", "! > GET / HTTP/1.1", "! > Host: web", "! > User-Agent: curl/8.5.0", "! > Accept: */*", "! >"]);
    expect(lines).toContain("! < HTTP/1.1 200 OK");
    expect(lines[lines.length - 1]).toBe("! * Connection #0 to host web left intact");
  });

  it("fails with curl's codes and messages; -s hides them, -sS shows them, -w still prints 000", () => {
    expect(pod("curl http://nowhere; echo $?").lines).toEqual(["! curl: (6) Could not resolve host: nowhere", "6"]);
    expect(pod("curl web:81; echo $?").lines).toEqual(["! curl: (7) Failed to connect to web port 81 after 0 ms: Couldn't connect to server", "7"]);
    expect(pod("curl -s web:81 -w '%{http_code}'; echo; curl -sS nowhere").lines).toEqual(["000", "! curl: (6) Could not resolve host: nowhere"]);
    expect(pod("curl -sf web/missing; echo $?; curl -f web/missing").lines).toEqual(["22", "! curl: (22) The requested URL returned error: 404"]);
  });

  it("times out after --connect-timeout or -m, or the kernel's limit", () => {
    expect(pod("curl --connect-timeout 3 http://blocked; echo $?").timed).toEqual([[3000, "curl: (28) Failed to connect to blocked port 80 after 3001 ms: Timeout was reached"], [3000, "28"]]);
    expect(pod("curl -m 10 http://blocked").timed).toEqual([[10_000, "curl: (28) Failed to connect to blocked port 80 after 10001 ms: Timeout was reached"]]);
    expect(pod("curl http://blocked").timed).toEqual([[127_000, "curl: (28) Failed to connect to blocked port 80 after 127001 ms: Couldn't connect to server"]]);
  });

  it("older curls word connection errors as they did", () => {
    expect(pod("curl web:81; curl --connect-timeout 2 blocked", "radial/busyboxplus:curl").lines).toEqual(["! curl: (7) Failed to connect to web port 81: Connection refused", "! curl: (28) Connection timed out after 2001 milliseconds"]);
    expect(pod("curl web:81", "curlimages/curl:7.88.1").lines).toEqual(["! curl: (7) Failed to connect to web port 81 after 0 ms: Connection refused"]);
  });

  it("curlimages/curl's entrypoint treats a URL argument as curl's", () => {
    const p = startProcess({ image: "curlimages/curl:8.11.1", args: ["-s", "http://web/"], env: {}, hostname: "c", files: POD_FILES, network: fakeCluster(routes) }, T0);
    expect(p.output(0, 1e9).map((l) => l.text)).toContain("<title>Welcome to nginx!</title>");
    expect(p.exit).toMatchObject({ code: 0 });
  });
});

describe("connection numbers", () => {
  it("the main process numbers its connections from 0 whatever execs run beside it; an exec's from 1,000,000", () => {
    const seen: ConnectRequest[] = [];
    const p = startProcess({ image: "busybox", command: ["sh", "-c", "while true; do wget -qO- web >/dev/null; sleep 10; done"], env: {}, hostname: "c", files: POD_FILES, network: fakeCluster(routes, { seen }) }, T0);
    p.output(0, 5000);
    p.exec(["wget", "-qO-", "http://web/"], 5000);
    p.output(5000, 25_000);
    const main = seen.filter((r) => r.seq < 1_000_000);
    expect(main.slice(0, 3).map((r) => [r.atWallMs - T0, r.seq])).toEqual([[0, 0], [10_000, 1], [20_000, 2]]);
    expect(main.every((r) => r.seq === (r.atWallMs - T0) / 10_000)).toBe(true);
    expect(seen.filter((r) => r.seq >= 1_000_000).map((r) => [r.atWallMs - T0, r.seq])).toEqual([[5000, 1_000_000]]);
  });
});

describe("busybox nc", () => {
  it("sends piped stdin and prints the answer (redis PING)", () => {
    expect(pod("echo PING | nc redis 6379").lines).toEqual(["+PONG\r"]);
    expect(pod("printf 'GET / HTTP/1.1\\r\\nHost: web\\r\\n\\r\\n' | nc web 80 | head -1").lines).toEqual(["HTTP/1.1 200 OK\r"]);
  });

  it("-z only connects; -v reports open and refused", () => {
    expect(pod("nc -z web 80 && echo up; nc -z web 81 || echo down").lines).toEqual(["up", "down"]);
    expect(pod("nc -zv web 80; nc -zv web 81").lines).toEqual(["! web (10.96.0.12:80) open", "! nc: web (10.96.0.12:81): Connection refused"]);
    expect(pod("nc web 81").lines).toEqual(["! nc: can't connect to remote host (10.96.0.12): Connection refused"]);
    expect(pod("nc -zv nowhere 80").lines).toEqual(["! nc: bad address 'nowhere'"]);
  });

  it("-w bounds the wait for a dropped connection", () => {
    expect(pod("nc -zv -w 2 blocked 80; echo $?").timed).toEqual([[2000, "nc: blocked (10.96.0.99:80): Connection timed out"], [2000, "1"]]);
    expect(pod("nc -z -w 3 blocked 80 || echo closed").timed).toEqual([[3000, "closed"]]);
  });
});

describe("redis-cli", () => {
  it("asks redis and prints its reply, or why it could not connect", () => {
    const cli = (args: string[]) => {
      const p = startProcess({ image: "redis:7", command: ["redis-cli", ...args], env: {}, hostname: "c", files: POD_FILES, network: fakeCluster(routes) }, T0);
      return p.output(0, 1e9).map((l) => l.text);
    };
    expect(cli(["-h", "redis", "ping"])).toEqual(["PONG"]);
    expect(cli(["-h", "redis", "set", "k", "v"])).toEqual(["OK"]);
    expect(cli(["-h", "web", "-p", "6379", "ping"])).toEqual(["Could not connect to Redis at web:6379: Connection refused"]);
    expect(cli(["-h", "nowhere", "ping"])).toEqual(["Could not connect to Redis at nowhere:6379: Name or service not known"]);
  });
});
