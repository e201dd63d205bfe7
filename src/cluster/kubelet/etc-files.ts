// A pod's network identity as its containers read it: the hostname, the /etc/hosts the kubelet writes (its managed
// hosts file, or the node's for a hostNetwork pod), and the /etc/resolv.conf the container runtime writes from the DNS
// settings the kubelet gives it per dnsPolicy (pkg/kubelet/kubelet_pods.go, pkg/kubelet/network/dns/dns.go;
// containerd's resolv.conf rendering). Pure.
import { nodeNetworkGateway } from "../../api/ip";
import type { Container, Pod, PodSpec } from "../../api/schemas";

/** What a pod's /etc files are made from besides the pod: the kubelet's DNS settings and the node's own files. */
export interface PodNetworkSettings {
  /** kubelet --cluster-dns: the nameservers of ClusterFirst pods. */
  clusterDNS: string[];
  /** kubelet --cluster-domain. */
  clusterDomain: string;
  /** The node's hostname and address (what a hostNetwork pod has). */
  nodeName: string;
  nodeIP: string;
  /** The node's /etc/hosts, which a hostNetwork pod's is made from. */
  nodeHosts: string;
  /** The node's resolv.conf (kubelet --resolv-conf): the base of every policy but None. */
  nodeResolvConf: string;
}

/** The files a kind node has (Docker writes them into the node's container): its hosts file and resolv.conf. */
export function nodeFiles(nodeName: string, nodeIP: string): { nodeHosts: string; nodeResolvConf: string } {
  const hosts = [
    "127.0.0.1\tlocalhost",
    "::1\tlocalhost ip6-localhost ip6-loopback",
    "fe00::0\tip6-localnet",
    "ff00::0\tip6-mcastprefix",
    "ff02::1\tip6-allnodes",
    "ff02::2\tip6-allrouters",
    ...(nodeIP ? [`${nodeIP}\t${nodeName}`] : []),
  ];
  // The node network's gateway answers the node's DNS queries.
  return { nodeHosts: hosts.join("\n") + "\n", nodeResolvConf: `nameserver ${nodeNetworkGateway(nodeIP)}\noptions edns0 trust-ad ndots:0\n` };
}

/** The pod's hostname and domain as the kubelet makes them: spec.hostname or the pod name, and the subdomain's FQDN part. */
export function podHostnameAndDomain(pod: Pod, clusterDomain: string): { hostname: string; domain: string } {
  const spec: Partial<PodSpec> = pod.spec ?? {};
  let hostname = spec.hostname || pod.metadata?.name || "";
  // The kernel's limit: 63 characters, without a trailing dash or dot.
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, "");
  const domain = spec.subdomain ? `${spec.subdomain}.${pod.metadata?.namespace ?? ""}.svc.${clusterDomain}` : "";
  return { hostname, domain };
}

/** The hostname the container's kernel has (`hostname`, $HOSTNAME): the node's in the host network, the FQDN with setHostnameAsFQDN. */
export function containerHostname(pod: Pod, settings: PodNetworkSettings): string {
  if (pod.spec?.hostNetwork) return settings.nodeName;
  const { hostname, domain } = podHostnameAndDomain(pod, settings.clusterDomain);
  return pod.spec?.setHostnameAsFQDN && domain ? `${hostname}.${domain}` : hostname;
}

type HostAliases = NonNullable<PodSpec["hostAliases"]>;

function hostAliasLines(aliases: HostAliases | undefined): string {
  if (!aliases?.length) return "";
  return "\n# Entries added by HostAliases.\n" + aliases.map((a) => `${a.ip}\t${(a.hostnames ?? []).join("\t")}\n`).join("");
}

/** The kubelet's managed hosts file of a pod on the pod network. */
export function managedHostsFile(podIPs: string[], hostname: string, domain: string, aliases?: HostAliases): string {
  let text = "# Kubernetes-managed hosts file.\n";
  text += "127.0.0.1\tlocalhost\n";
  text += "::1\tlocalhost ip6-localhost ip6-loopback\n";
  // The kubelet writes fe00:: for all four (where Docker writes ff00::0, ff02::1 and ff02::2).
  text += "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n";
  for (const ip of podIPs) text += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  return text + hostAliasLines(aliases);
}

/** A hostNetwork pod's hosts file: the node's, under the kubelet's header, with the pod's hostAliases. */
export function hostNetworkHostsFile(nodeHosts: string, aliases?: HostAliases): string {
  return "# Kubernetes-managed hosts file (host network).\n" + nodeHosts + hostAliasLines(aliases);
}

/** A resolver configuration: what the kubelet hands the runtime (CRI DNSConfig). */
export interface DNSConfig {
  servers: string[];
  searches: string[];
  options: string[];
}

/** A resolv.conf read as the kubelet reads it: nameservers accumulate, the last search and options lines win. */
export function parseResolvConf(text: string): DNSConfig {
  const config: DNSConfig = { servers: [], searches: [], options: [] };
  for (const line of text.split("\n")) {
    const fields = line.trim().startsWith("#") ? [] : line.trim().split(/\s+/).filter(Boolean);
    if (fields[0] === "nameserver" && fields[1]) config.servers.push(fields[1]);
    if (fields[0] === "search") config.searches = fields.slice(1).map((s) => s.replace(/\.$/, ""));
    if (fields[0] === "options") config.options = fields.slice(1);
  }
  return config;
}

const unique = (list: string[]) => [...new Set(list)];

/** Resolver limits the kubelet applies (validation's MaxDNSNameservers, and the expanded search limits of 1.28+). */
const maxNameservers = 3;
const maxSearchPaths = 32;
const maxSearchChars = 2048;
const maxDomainChars = 253;

function fitSearches(searches: string[]): string[] {
  const out = searches.slice(0, maxSearchPaths).filter((s) => s.length <= maxDomainChars);
  while (out.length && out.join(" ").length > maxSearchChars) out.pop();
  return out;
}

/** dnsConfig options merged into the base: one entry per name, a later value replacing an earlier one in place. */
function mergeOptions(base: string[], extra: NonNullable<PodSpec["dnsConfig"]>["options"]): string[] {
  const merged = new Map<string, string>();
  for (const option of base) {
    const colon = option.indexOf(":");
    if (colon < 0) merged.set(option, "");
    else merged.set(option.slice(0, colon), option.slice(colon + 1));
  }
  for (const option of extra ?? []) merged.set(option.name, option.value ?? "");
  return [...merged].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/**
 * The pod's resolver configuration per dnsPolicy: ClusterFirst (and ClusterFirstWithHostNet) names the cluster DNS
 * with the cluster's search domains before the node's and `ndots:5`; Default, and ClusterFirst in the host network,
 * is the node's; None starts empty. spec.dnsConfig is then appended.
 */
export function podDNSConfig(pod: Pod, settings: PodNetworkSettings): DNSConfig {
  const spec: Partial<PodSpec> = pod.spec ?? {};
  const policy = spec.dnsPolicy || "ClusterFirst";
  const node = parseResolvConf(settings.nodeResolvConf);
  const host = policy === "Default" || (policy === "ClusterFirst" && !!spec.hostNetwork);
  let config: DNSConfig;
  if (policy === "None") config = { servers: [], searches: [], options: [] };
  else if (!host && settings.clusterDNS.length) {
    const namespace = pod.metadata?.namespace ?? "";
    const domain = settings.clusterDomain;
    const searches = domain ? unique([`${namespace}.svc.${domain}`, `svc.${domain}`, domain, ...node.searches]) : node.searches;
    config = { servers: [...settings.clusterDNS], searches, options: ["ndots:5"] };
  } else config = node;
  const extra = spec.dnsConfig;
  if (extra) {
    config = {
      servers: unique([...config.servers, ...(extra.nameservers ?? [])]),
      searches: unique([...config.searches, ...(extra.searches ?? [])]),
      options: mergeOptions(config.options, extra.options),
    };
  }
  return { servers: config.servers.slice(0, maxNameservers), searches: fitSearches(config.searches), options: config.options };
}

/** resolv.conf as the container runtime writes it from a DNSConfig: search, nameserver lines, options. */
export function resolvConfText(config: DNSConfig): string {
  let text = "";
  if (config.searches.length) text += `search ${config.searches.join(" ")}\n`;
  for (const server of config.servers) text += `nameserver ${server}\n`;
  if (config.options.length) text += `options ${config.options.join(" ")}\n`;
  return text;
}

const etcHosts = "/etc/hosts";
const etcResolvConf = "/etc/resolv.conf";

/**
 * The /etc files the kubelet and the runtime give `container` of `pod`: the hosts file and resolv.conf, each unless
 * the container mounts a volume at that path. A pod on the pod network gets its hosts file once it has an IP.
 */
export function etcFiles(pod: Pod, container: Container, settings: PodNetworkSettings): Record<string, string> {
  const mounted = new Set((container.volumeMounts ?? []).map((m) => m.mountPath));
  const spec: Partial<PodSpec> = pod.spec ?? {};
  const files: Record<string, string> = {};
  if (!mounted.has(etcHosts)) {
    const podIPs = (pod.status?.podIPs ?? []).map((p) => p.ip).filter(Boolean);
    if (!podIPs.length && pod.status?.podIP) podIPs.push(pod.status.podIP);
    if (spec.hostNetwork) files[etcHosts] = hostNetworkHostsFile(settings.nodeHosts, spec.hostAliases);
    else if (podIPs.length) {
      const { hostname, domain } = podHostnameAndDomain(pod, settings.clusterDomain);
      files[etcHosts] = managedHostsFile(podIPs, hostname, domain, spec.hostAliases);
    }
  }
  if (!mounted.has(etcResolvConf)) {
    // The runtime copies the node's file when the configuration renders to nothing.
    files[etcResolvConf] = resolvConfText(podDNSConfig(pod, settings)) || settings.nodeResolvConf;
  }
  return files;
}
