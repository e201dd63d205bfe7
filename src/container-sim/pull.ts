// Whether an image can be pulled. THE RULE (what learners see as ErrImagePull, then ImagePullBackOff):
//
//   1. An unparsable reference never reaches the pull: the kubelet reports InvalidImageName
//      (see `invalidImageNameMessage` in reference.ts). `pullImage` answers it with the same message.
//   2. A registry host that is not a known public registry (docker.io, registry.k8s.io, k8s.gcr.io, gcr.io,
//      *.gcr.io, *-docker.pkg.dev, ghcr.io, quay.io, public.ecr.aws, *.amazonaws.com, *.azurecr.io,
//      mcr.microsoft.com, docker.elastic.co, nvcr.io, registry.gitlab.com, cgr.dev, registry.access.redhat.com,
//      registry.redhat.io) cannot be reached: "no such host" (localhost and IPs: "connection refused").
//   3. A well-known (catalog) image with a tag that does not exist (nginx:1.2345, nginx:lates, redis:99) is
//      NotFound. Tags are checked against the catalog's version ranges, named tags and variant suffixes.
//   4. An official Docker Hub name (docker.io/library/x) that is not a catalog image, not another official image
//      we list, and within edit distance 1 (names of up to 5 letters) or 2 (longer names) of a catalog name
//      (ngnix, nignx, busyboxx, reddis) does not exist: "pull access denied, repository does not exist".
//   5. Everything else pulls (unknown images become the generic "runs forever quietly" container), including any
//      reference pinned by a well-formed digest.
//
// Messages follow containerd 1.7 behind the kubelet's `Failed to pull image "<image>": ` prefix.

import { CATALOG, findProfile, tagExists, type ImageSize } from "./catalog";
import { parseImageReference, invalidImageNameMessage } from "./reference";
import type { PullResult } from "./types";

const KNOWN_REGISTRIES = [
  /^docker\.io$/, /^registry\.k8s\.io$/, /^k8s\.gcr\.io$/, /^(?:[a-z0-9-]+\.)?gcr\.io$/, /^[a-z0-9-]+-docker\.pkg\.dev$/,
  /^ghcr\.io$/, /^quay\.io$/, /^public\.ecr\.aws$/, /\.amazonaws\.com$/, /\.azurecr\.io$/, /^mcr\.microsoft\.com$/,
  /^docker\.elastic\.co$/, /^nvcr\.io$/, /^registry\.gitlab\.com$/, /^cgr\.dev$/, /^registry\.access\.redhat\.com$/,
  /^registry\.redhat\.io$/, /^mirror\.gcr\.io$/,
];

/** Official Docker Hub images that exist although the catalog does not simulate them specially. */
const OTHER_OFFICIAL = new Set([
  "mono", "memcached", "rabbitmq", "traefik", "caddy", "haproxy", "elasticsearch", "wordpress", "php", "ruby",
  "openjdk", "eclipse-temurin", "perl", "rust", "centos", "fedora", "amazonlinux", "consul", "vault", "bash", "nats",
  "tomcat", "jenkins", "ghost", "drupal", "joomla", "mariadb", "influxdb", "couchdb", "cassandra", "neo4j",
  "sonarqube", "nextcloud", "registry", "docker", "kong", "zookeeper", "solr", "gradle", "maven", "erlang", "elixir",
  "julia", "swift", "haskell", "clojure", "groovy", "kibana", "logstash", "telegraf", "chronograf", "postgis",
  "adminer", "phpmyadmin", "percona", "redmine", "odoo", "matomo", "flink", "spark", "storm", "busybox", "node",
  "nginx", "httpd", "redis", "alpine", "ubuntu", "debian", "postgres", "mysql", "mongo", "python", "golang", "rockylinux",
  "almalinux", "oraclelinux", "archlinux", "photon", "clearlinux", "gcc", "buildpack-deps", "hello-world", "hylang",
  "pypy", "dart", "bonita", "express-gateway", "mongo-express", "nats-streaming", "varnish", "unit", "irssi", "xwiki",
]);

/** Optimal-string-alignment distance (transpositions count as one edit), capped early. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const CATALOG_LIBRARY_NAMES = CATALOG.filter((p) => p.repository.startsWith("docker.io/library/")).map((p) => p.repository.slice("docker.io/library/".length));

/** The catalog image a Docker Hub official name looks like a typo of, if any. */
export function misspellingOf(name: string): string | undefined {
  if (OTHER_OFFICIAL.has(name)) return undefined;
  return CATALOG_LIBRARY_NAMES.find((known) => {
    const distance = editDistance(name, known);
    return distance > 0 && distance <= (known.length <= 5 ? 1 : 2);
  });
}

/** A stable fake sha256 digest for a reference (not cryptographic: eight seeded 32-bit FNV-1a lanes, mixed). */
export function fakeDigest(text: string): string {
  let hex = "";
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h ^= h >>> 12;
    hex += (h >>> 0).toString(16).padStart(8, "0");
  }
  return `sha256:${hex}`;
}

function failed(image: string, code: string, desc: string): PullResult {
  return { ok: false, message: `Failed to pull image "${image}": rpc error: code = ${code} desc = ${desc}` };
}

/** Apply THE RULE above to `image` (as written in the pod spec). */
export function pullImage(image: string): PullResult {
  const invalid = invalidImageNameMessage(image);
  const parsed = parseImageReference(image);
  if (invalid || !parsed.ok) return { ok: false, message: invalid ?? "invalid reference format" };
  const ref = parsed.ref;
  const fq = ref.canonical;
  const host = ref.domain.replace(/:\d+$/, "");
  if (!KNOWN_REGISTRIES.some((r) => r.test(host))) {
    const tagOrDigest = ref.digest ?? ref.tag ?? "latest";
    const url = `https://${ref.domain}/v2/${ref.path}/manifests/${tagOrDigest}`;
    const cause = host === "localhost" || /^\d+\.\d+\.\d+\.\d+$/.test(host)
      ? `dial tcp ${host === "localhost" ? "127.0.0.1" : host}:${ref.domain.includes(":") ? ref.domain.split(":")[1] : "443"}: connect: connection refused`
      : `dial tcp: lookup ${host}: no such host`;
    return failed(image, "Unknown", `failed to pull and unpack image "${fq}": failed to resolve reference "${fq}": failed to do request: Head "${url}": ${cause}`);
  }
  const profile = findProfile(ref.repository);
  if (profile && ref.tag && !ref.digest && !tagExists(profile, ref.tag)) {
    return failed(image, "NotFound", `failed to pull and unpack image "${fq}": failed to resolve reference "${fq}": ${fq}: not found`);
  }
  if (!profile && ref.domain === "docker.io" && ref.path.startsWith("library/") && misspellingOf(ref.path.slice(8))) {
    return failed(image, "Unknown", `failed to pull and unpack image "${fq}": failed to resolve reference "${fq}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`);
  }
  const size: ImageSize = profile?.size ?? "medium";
  return { ok: true, size, digest: ref.digest ?? fakeDigest(fq) };
}
