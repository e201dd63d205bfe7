// nslookup, host and dig against CoreDNS: busybox's nslookup (1.29+ and 1.28's), BIND's tools in the dnsutils images.
import { describe, expect, it } from "vitest";
import { startProcess } from "../../src/container-sim/index";
import { fakeCluster, POD_FILES } from "./fake-cluster";

const T0 = Date.UTC(2026, 11, 1, 21, 40, 0);

function run(image: string, script: string, options: { dnsDown?: boolean } = {}) {
  const p = startProcess({ image, command: ["sh", "-c", script], env: {}, hostname: "client", podIP: "10.244.1.5", files: POD_FILES, network: fakeCluster({}, options) }, T0);
  const lines = p.output(0, 1e9);
  return { text: lines.map((l) => `${l.text}\n`).join(""), timed: lines.map((l) => [l.atMs, l.text]), exit: p.exit };
}

describe("busybox nslookup (1.29 and later)", () => {
  it("asks a dotless name under each search domain, A then AAAA, and prints every reply", () => {
    expect(run("busybox:1.36", "nslookup web").text).toBe(
      [
        "Server:\t\t10.96.0.10",
        "Address:\t10.96.0.10:53",
        "",
        "Name:\tweb.default.svc.cluster.local",
        "Address: 10.96.0.12",
        "",
        "** server can't find web.svc.cluster.local: NXDOMAIN",
        "",
        "** server can't find web.cluster.local: NXDOMAIN",
        "",
        "",
        "** server can't find web.svc.cluster.local: NXDOMAIN",
        "",
        "** server can't find web.cluster.local: NXDOMAIN",
        "",
        "",
      ].join("\n"),
    );
  });

  it("asks a dotted name as is (no search), marks answers that are not CoreDNS's own, and exits 0 on NXDOMAIN", () => {
    expect(run("busybox", "nslookup web.default; echo $?").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: NXDOMAIN\n\n** server can't find web.default: NXDOMAIN\n\n0\n");
    expect(run("alpine:3.20", "nslookup example.com").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\nNon-authoritative answer:\n\n");
  });

  it("looks an address up by PTR, and prints the CNAME of an ExternalName Service", () => {
    expect(run("busybox", "nslookup 10.96.0.12").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n12.0.96.10.in-addr.arpa\tname = web.default.svc.cluster.local\n\n");
    expect(run("busybox", "nslookup -type=a ext.default.svc.cluster.local").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\next.default.svc.cluster.local\tcanonical name = example.com\nName:\texample.com\nAddress: 93.184.215.14\n\n");
  });

  it("gives up after its 5 s timeout when the server does not answer", () => {
    expect(run("busybox", "nslookup web; echo $?", { dnsDown: true }).timed).toEqual([[5000, ";; connection timed out; no servers could be reached"], [5000, ""], [5000, "1"]]);
  });
});

describe("busybox 1.28 nslookup (the C library's resolver)", () => {
  it("prints the server and each address with its reverse name", () => {
    expect(run("busybox:1.28", "nslookup web").text).toBe("Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: 10.96.0.12 web.default.svc.cluster.local\n");
    expect(run("busybox:1.28", "nslookup nope; echo $?").text).toBe("Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'nope'\n1\n");
  });
});

describe("BIND's nslookup, host and dig (dnsutils images)", () => {
  it("nslookup walks the search list with ndots and prints the name that answered", () => {
    expect(run("registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3", "nslookup web").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.12\n\n");
    expect(run("tutum/dnsutils", "nslookup ext").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\next.default.svc.cluster.local\tcanonical name = example.com.\nName:\texample.com\nAddress: 93.184.215.14\n\n");
    expect(run("tutum/dnsutils", "nslookup nope; echo $?").text).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n1\n");
    expect(run("tutum/dnsutils", "nslookup web", { dnsDown: true }).timed).toEqual([[10_000, ";; connection timed out; no servers could be reached"]]);
  });

  it("host prints addresses and aliases, and NXDOMAIN as `not found: 3(NXDOMAIN)`", () => {
    expect(run("tutum/dnsutils", "host web; host ext; host 10.96.0.12; host nope; echo $?").text).toBe(
      [
        "web.default.svc.cluster.local has address 10.96.0.12",
        "ext.default.svc.cluster.local is an alias for example.com.",
        "example.com has address 93.184.215.14",
        "12.0.96.10.in-addr.arpa domain name pointer web.default.svc.cluster.local.",
        "Host nope not found: 3(NXDOMAIN)",
        "1",
        "",
      ].join("\n"),
    );
  });

  it("dig prints its sections for the name as given; +short only the data; +search walks the list", () => {
    expect(run("nicolaka/netshoot:v0.13", "dig web.default.svc.cluster.local").text).toBe(
      [
        "",
        "; <<>> DiG 9.18.31 <<>> web.default.svc.cluster.local",
        ";; global options: +cmd",
        ";; Got answer:",
        ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4099",
        ";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1",
        ";; WARNING: recursion requested but not available",
        "",
        ";; OPT PSEUDOSECTION:",
        "; EDNS: version: 0, flags:; udp: 1232",
        "; COOKIE: 1003100310031003 (echoed)",
        ";; QUESTION SECTION:",
        ";web.default.svc.cluster.local.\tIN\tA",
        "",
        ";; ANSWER SECTION:",
        "web.default.svc.cluster.local. 30 IN\tA\t10.96.0.12",
        "",
        ";; Query time: 0 msec",
        ";; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)",
        ";; WHEN: Tue Dec 01 21:40:00 UTC 2026",
        ";; MSG SIZE  rcvd: 102",
        "",
        "",
      ].join("\n"),
    );
    expect(run("nicolaka/netshoot", "dig +short web; dig +short +search web; dig +short ext.default.svc.cluster.local").text).toBe("10.96.0.12\nexample.com.\n93.184.215.14\n");
    const nx = run("tutum/dnsutils", "dig nope.default.svc.cluster.local").text;
    expect(nx).toContain(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 4099");
    expect(nx).toContain(";; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. ");
  });

  it("dig reports each timed-out try (BIND 9.18) or one line (older), after 3 tries of 5 s", () => {
    expect(run("nicolaka/netshoot", "dig web.default.svc.cluster.local; echo $?", { dnsDown: true }).timed).toEqual([
      [15_000, ";; communications error to 10.96.0.10#53: timed out"],
      [15_000, ";; communications error to 10.96.0.10#53: timed out"],
      [15_000, ";; communications error to 10.96.0.10#53: timed out"],
      [15_000, ""],
      [15_000, "; <<>> DiG 9.18.31 <<>> web.default.svc.cluster.local"],
      [15_000, ";; global options: +cmd"],
      [15_000, ";; no servers could be reached"],
      [15_000, "9"],
    ]);
  });

  it("exist only in the images that ship them", () => {
    expect(run("ubuntu:24.04", "nslookup web; dig web").text).toBe("sh: nslookup: not found\nsh: dig: not found\n");
    expect(run("busybox", "dig web").text).toBe("sh: dig: not found\n");
  });
});
