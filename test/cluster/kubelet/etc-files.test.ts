// A pod's /etc/hosts and /etc/resolv.conf, byte for byte as the kubelet (and containerd, for resolv.conf) writes them.
import { describe, expect, it } from "vitest";
import type { Container, Pod } from "../../../src/api/schemas";
import { containerHostname, etcFiles, parseResolvConf, podDNSConfig, resolvConfText, type PodNetworkSettings } from "../../../src/cluster/kubelet/etc-files";
import { nodeNetworkSettings } from "../../../src/cluster/kubelet/pod-sources";
import { workerNode } from "./stand-in-sources";

const settings = nodeNetworkSettings(workerNode);
const app: Container = { name: "app", image: "busybox:1.36" };

function pod(spec: Partial<Pod["spec"]> = {}, name = "web"): Pod {
  return {
    metadata: { name, namespace: "shop", uid: "u-1" },
    spec: { nodeName: "worker-1", containers: [app], ...spec },
    status: { podIP: "10.244.1.5", podIPs: [{ ip: "10.244.1.5" }] },
  } as Pod;
}

const hosts = (p: Pod, container = app) => etcFiles(p, container, settings)["/etc/hosts"];
const resolv = (p: Pod, s: PodNetworkSettings = settings) => etcFiles(p, app, s)["/etc/resolv.conf"];

const managedHeader = [
  "# Kubernetes-managed hosts file.",
  "127.0.0.1\tlocalhost",
  "::1\tlocalhost ip6-localhost ip6-loopback",
  "fe00::0\tip6-localnet",
  "fe00::0\tip6-mcastprefix",
  "fe00::1\tip6-allnodes",
  "fe00::2\tip6-allrouters",
].join("\n");

describe("/etc/hosts", () => {
  it("is the kubelet's managed file with the pod's IP and hostname", () => {
    expect(hosts(pod())).toBe(`${managedHeader}\n10.244.1.5\tweb\n`);
  });

  it("names the pod's FQDN first when it has a subdomain, and uses spec.hostname", () => {
    const p = pod({ hostname: "busybox-1", subdomain: "busybox-subdomain" });
    expect(hosts(p)).toBe(`${managedHeader}\n10.244.1.5\tbusybox-1.busybox-subdomain.shop.svc.cluster.local\tbusybox-1\n`);
  });

  it("appends the hostAliases after a blank line and their header, one tab-separated line per IP", () => {
    const p = pod({
      hostAliases: [
        { ip: "127.0.0.1", hostnames: ["foo.local", "bar.local"] },
        { ip: "10.1.2.3", hostnames: ["foo.remote", "bar.remote"] },
      ],
    });
    expect(hosts(p)).toBe(
      `${managedHeader}\n10.244.1.5\tweb\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n10.1.2.3\tfoo.remote\tbar.remote\n`,
    );
  });

  it("is the node's hosts file under the host-network header for a hostNetwork pod, with its hostAliases", () => {
    const p = pod({ hostNetwork: true, hostAliases: [{ ip: "10.1.2.3", hostnames: ["db"] }] });
    expect(hosts(p)).toBe(
      [
        "# Kubernetes-managed hosts file (host network).",
        "127.0.0.1\tlocalhost",
        "::1\tlocalhost ip6-localhost ip6-loopback",
        "fe00::0\tip6-localnet",
        "ff00::0\tip6-mcastprefix",
        "ff02::1\tip6-allnodes",
        "ff02::2\tip6-allrouters",
        "172.18.0.3\tworker-1",
        "",
        "# Entries added by HostAliases.",
        "10.1.2.3\tdb",
        "",
      ].join("\n"),
    );
  });

  it("is not written over a volume the container mounts at /etc/hosts, nor before the pod has an IP", () => {
    const mounting = { ...app, volumeMounts: [{ name: "h", mountPath: "/etc/hosts" }] };
    expect(hosts(pod(), mounting)).toBeUndefined();
    expect(etcFiles(pod(), mounting, settings)["/etc/resolv.conf"]).toBeDefined();
    expect(hosts({ ...pod(), status: {} })).toBeUndefined();
  });

  it("cuts a hostname at 63 characters without a trailing dash", () => {
    const name = `${"a".repeat(62)}-b`;
    expect(hosts(pod({}, name))).toBe(`${managedHeader}\n10.244.1.5\t${"a".repeat(62)}\n`);
  });
});

describe("the container's hostname", () => {
  it("is the pod's, the node's in the host network, and the FQDN with setHostnameAsFQDN", () => {
    expect(containerHostname(pod(), settings)).toBe("web");
    expect(containerHostname(pod({ hostname: "h1" }), settings)).toBe("h1");
    expect(containerHostname(pod({ hostNetwork: true }), settings)).toBe("worker-1");
    expect(containerHostname(pod({ hostname: "h1", subdomain: "s", setHostnameAsFQDN: true }), settings)).toBe("h1.s.shop.svc.cluster.local");
  });
});

describe("/etc/resolv.conf", () => {
  const clusterFile = "search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n";
  const nodeFile = "nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n";

  it("ClusterFirst (the default) names the cluster DNS, the namespace's search domains and ndots:5", () => {
    expect(resolv(pod())).toBe(clusterFile);
    expect(resolv(pod({ dnsPolicy: "ClusterFirst" }))).toBe(clusterFile);
  });

  it("Default is the node's resolver configuration", () => {
    expect(resolv(pod({ dnsPolicy: "Default" }))).toBe(nodeFile);
  });

  it("ClusterFirst in the host network falls back to Default; ClusterFirstWithHostNet keeps the cluster DNS", () => {
    expect(resolv(pod({ hostNetwork: true }))).toBe(nodeFile);
    expect(resolv(pod({ hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet" }))).toBe(clusterFile);
    expect(resolv(pod({ dnsPolicy: "ClusterFirstWithHostNet" }))).toBe(clusterFile);
  });

  it("None is dnsConfig alone", () => {
    const p = pod({
      dnsPolicy: "None",
      dnsConfig: {
        nameservers: ["192.0.2.1"],
        searches: ["ns1.svc.cluster-domain.example", "my.dns.search.suffix"],
        options: [{ name: "ndots", value: "2" }, { name: "edns0" }],
      },
    });
    expect(resolv(p)).toBe("search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n");
  });

  it("merges dnsConfig into the policy's: servers and searches appended once, an option replaced in place", () => {
    const p = pod({
      dnsConfig: {
        nameservers: ["10.96.0.10", "1.1.1.1"],
        searches: ["cluster.local", "example.com"],
        options: [{ name: "ndots", value: "2" }, { name: "single-request-reopen" }],
      },
    });
    expect(podDNSConfig(p, settings)).toEqual({
      servers: ["10.96.0.10", "1.1.1.1"],
      searches: ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local", "example.com"],
      options: ["ndots:2", "single-request-reopen"],
    });
  });

  it("keeps the node's search domains after the cluster's, and at most three nameservers", () => {
    const node = { ...settings, nodeResolvConf: "# comment\nnameserver 172.18.0.1\nsearch corp.example. lab.example\noptions rotate\n" };
    expect(resolv(pod(), node)).toBe(
      "search shop.svc.cluster.local svc.cluster.local cluster.local corp.example lab.example\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
    expect(resolv(pod({ dnsPolicy: "Default" }), node)).toBe("search corp.example lab.example\nnameserver 172.18.0.1\noptions rotate\n");
    const many = pod({ dnsPolicy: "None", dnsConfig: { nameservers: ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"] } });
    expect(podDNSConfig(many, settings).servers).toEqual(["1.1.1.1", "2.2.2.2", "3.3.3.3"]);
  });

  it("reads a resolv.conf as the kubelet does: nameservers accumulate, the last search and options lines win", () => {
    expect(parseResolvConf("nameserver 1.1.1.1\nsearch a b\nnameserver 8.8.8.8\nsearch c\noptions x\noptions y z\n")).toEqual({
      servers: ["1.1.1.1", "8.8.8.8"],
      searches: ["c"],
      options: ["y", "z"],
    });
    expect(resolvConfText({ servers: [], searches: [], options: [] })).toBe("");
  });
});
