// Name resolution as a pod's C library does it: /etc/hosts, then the search list of /etc/resolv.conf with ndots.
import { describe, expect, it } from "vitest";
import { startProcess, type ContainerNetwork, type DnsQuestion } from "../../src/container-sim/index";
import { candidateNames, hostsLookup, parseResolvConf, resolveName } from "../../src/container-sim/resolver";
import { coreDns, DNS_IP, RESOLV_CONF } from "./fake-cluster";

const T0 = Date.UTC(2026, 11, 1, 21, 40, 0);

/** CoreDNS behind DNS_IP, recording each question it is asked. */
function recording(asked: string[], down = false): ContainerNetwork {
  return {
    dns(server: string, question: DnsQuestion) {
      asked.push(`${server} ${question.type} ${question.name}`);
      return down || (server !== DNS_IP && server !== "") ? "timeout" : coreDns(question);
    },
    connect: () => ({ kind: "refused" }),
  };
}

describe("resolv.conf and hosts", () => {
  it("parses nameservers, the search list and options as the resolver does", () => {
    expect(parseResolvConf(`${RESOLV_CONF}# comment\n`)).toEqual({ nameservers: [DNS_IP], search: ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"], ndots: 5, timeoutMs: 5000, attempts: 2 });
    expect(parseResolvConf("domain corp.example.\noptions ndots:2 timeout:1 attempts:3\n")).toMatchObject({ search: ["corp.example"], ndots: 2, timeoutMs: 1000, attempts: 3 });
  });

  it("finds a name in /etc/hosts by any of its aliases, case-insensitively", () => {
    const hosts = "127.0.0.1\tlocalhost\n10.244.1.5\tweb-0.web.default.svc.cluster.local\tweb-0\n# Entries added by HostAliases.\n10.1.2.3\tfoo.local\tBar.local\n";
    expect([hostsLookup(hosts, "web-0"), hostsLookup(hosts, "bar.local"), hostsLookup(hosts, "foo.local."), hostsLookup(hosts, "nope")]).toEqual(["10.244.1.5", "10.1.2.3", "10.1.2.3", undefined]);
  });

  it("orders candidate names by ndots: short names under the search domains first, long ones as is first, absolute ones alone", () => {
    const conf = parseResolvConf(RESOLV_CONF);
    expect(candidateNames("web", conf)).toEqual(["web.default.svc.cluster.local", "web.svc.cluster.local", "web.cluster.local", "web"]);
    expect(candidateNames("a.b.c.d.e.f", conf)).toEqual(["a.b.c.d.e.f", "a.b.c.d.e.f.default.svc.cluster.local", "a.b.c.d.e.f.svc.cluster.local", "a.b.c.d.e.f.cluster.local"]);
    expect(candidateNames("a.b.c.d.e", conf)[0]).toBe("a.b.c.d.e.default.svc.cluster.local");
    expect(candidateNames("example.com.", conf)).toEqual(["example.com"]);
    expect(candidateNames("example.com", { search: ["corp"], ndots: 1 })).toEqual(["example.com", "example.com.corp"]);
  });
});

describe("resolveName", () => {
  const files = { hosts: "127.0.0.1\tlocalhost\n10.244.1.9\tpod-a\n", resolvConf: RESOLV_CONF };

  it("answers from /etc/hosts without asking DNS", () => {
    const asked: string[] = [];
    expect(resolveName("pod-a", files, recording(asked), T0)).toMatchObject({ kind: "address", ip: "10.244.1.9", elapsedMs: 0 });
    expect(asked).toEqual([]);
  });

  it("walks the search list until a name answers", () => {
    const asked: string[] = [];
    expect(resolveName("web.default", files, recording(asked), T0)).toMatchObject({ kind: "address", ip: "10.96.0.12", canonical: "web.default.svc.cluster.local" });
    expect(asked).toEqual([`${DNS_IP} A web.default.default.svc.cluster.local`, `${DNS_IP} A web.default.svc.cluster.local`]);
  });

  it("asks an absolute name alone, and reports NXDOMAIN after the whole list", () => {
    const asked: string[] = [];
    expect(resolveName("web.", files, recording(asked), T0)).toMatchObject({ kind: "nxdomain" });
    expect(asked).toEqual([`${DNS_IP} A web`]);
    const all: string[] = [];
    expect(resolveName("nope", files, recording(all), T0).kind).toBe("nxdomain");
    expect(all).toHaveLength(4);
  });

  it("follows a CNAME (an ExternalName Service) to its address", () => {
    expect(resolveName("ext", files, recording([]), T0)).toMatchObject({ kind: "address", ip: "93.184.215.14", canonical: "example.com" });
  });

  it("times out after timeout × attempts when no server answers, without walking the rest of the list", () => {
    const asked: string[] = [];
    expect(resolveName("web", files, recording(asked, true), T0)).toEqual({ kind: "timeout", elapsedMs: 10_000 });
    expect(asked).toHaveLength(1);
  });

  it("without /etc/resolv.conf asks the network's default server for the name as given", () => {
    const asked: string[] = [];
    expect(resolveName("example.com", { hosts: "" }, recording(asked), T0)).toMatchObject({ kind: "address", ip: "93.184.215.14" });
    expect(asked).toEqual([" A example.com"]);
  });
});

describe("ProcessSpec.files", () => {
  it("replace the simulator's /etc/hosts and the image's files, and the resolver reads them", () => {
    const hosts = "127.0.0.1\tlocalhost\n10.9.9.9\tbackend\n";
    const p = startProcess({ image: "nginx:1.27", command: ["sh", "-c", "cat /etc/hosts; cat /etc/os-release; cat /etc/resolv.conf"], env: {}, hostname: "web", files: { "/etc/hosts": hosts, "/etc/os-release": "ID=custom\n", "/etc/resolv.conf": RESOLV_CONF } }, T0);
    expect(p.output(0, 1e9).map((l) => l.text)).toEqual(["127.0.0.1\tlocalhost", "10.9.9.9\tbackend", "ID=custom", ...RESOLV_CONF.trimEnd().split("\n")]);
    const nc = startProcess({ image: "busybox", command: ["sh", "-c", "nc -z backend 80 || echo refused"], env: {}, hostname: "c", files: { "/etc/hosts": hosts } }, T0);
    expect(nc.output(0, 1e9).map((l) => l.text)).toEqual(["refused"]);
  });
});
