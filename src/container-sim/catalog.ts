// The well-known images the simulation knows: what their tags look like, how big they are, their entrypoint and
// command, which userland they ship (for shell scripts and error wording), which programs they provide, and the user
// they run as (their config's USER) with the accounts of their /etc/passwd and /etc/group.

import { parseImageReference } from "./reference";
import { ALPINE_ACCOUNTS, BUSYBOX_ACCOUNTS, debianAccounts, DISTROLESS_ACCOUNTS, type Accounts } from "./accounts";

export type ImageSize = "small" | "medium" | "large";

export interface ImageProfile {
  /** Repository, e.g. "docker.io/library/nginx". */
  repository: string;
  size: ImageSize;
  /** ENTRYPOINT and CMD of the image (Kubernetes `command` replaces the first, `args` the second). */
  entrypoint: string[];
  cmd: string[];
  /** The userland: shell utilities with busybox or GNU wording, or none (distroless/scratch). */
  userland: "busybox" | "gnu" | "none";
  /** Whether /bin/bash exists. */
  bash: boolean;
  /** Image programs by name (see programs.ts), besides the shell and its utilities. */
  programs: string[];
  /** Tags that exist: major → highest minor of version tags, plus named tags. */
  versions: Record<number, number>;
  namedTags: string[];
  /** Versions of the tools it ships, by name (`curl`, `busybox`, `bind`); `tag:<latest>` when the image's tag is the version. */
  tools?: Record<string, string>;
  /** Files the image ships, for `cat` and web servers. */
  files?: Record<string, string>;
  /** The image config's USER (`101`, `curl_user`, `65535:65535`); root when absent, as for most images. */
  user?: string;
  /** Its /etc/passwd and /etc/group: Debian's for GNU userlands, Alpine's for busybox ones, distroless' for none. */
  accounts: Accounts;
}

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const osRelease = (pretty: string, id: string, version: string) =>
  `PRETTY_NAME="${pretty}"\nNAME="${pretty.split(" ")[0]}"\nVERSION_ID="${version}"\nID=${id}\n`;
const DEBIAN = { "/etc/os-release": osRelease("Debian GNU/Linux 12 (bookworm)", "debian", "12") };
const ALPINE = { "/etc/os-release": osRelease("Alpine Linux v3.20", "alpine", "3.20.3") };

const DEBIAN_ACCOUNTS = debianAccounts();

function profile(repository: string, p: Partial<ImageProfile> & Pick<ImageProfile, "size" | "versions">): ImageProfile {
  const userland = p.userland ?? "gnu";
  const accounts = userland === "gnu" ? DEBIAN_ACCOUNTS : userland === "busybox" ? ALPINE_ACCOUNTS : DISTROLESS_ACCOUNTS;
  return { repository, entrypoint: [], cmd: [], userland, bash: true, programs: [], namedTags: ["latest"], accounts, ...p };
}

/** Tag suffix words that combine with versions (`1.25-alpine`, `3.12-slim-bookworm`). */
export const TAG_VARIANT_WORDS = new Set([
  "alpine", "slim", "bookworm", "bullseye", "buster", "trixie", "stretch", "jammy", "focal", "noble", "bionic", "perl",
  "otel", "musl", "glibc", "uclibc", "management", "jdk", "jre", "fpm", "apache", "cli", "oracle", "debian", "lts",
  "windowsservercore", "nanoserver", "ltsc2022", "ltsc2019", "1809", "linux", "amd64", "arm64",
]);

export const CATALOG: ImageProfile[] = [
  profile("docker.io/library/nginx", { accounts: debianAccounts([["nginx", 101, 101]]),
    size: "medium", versions: { 1: 29 }, entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"],
    programs: ["/docker-entrypoint.sh", "nginx"], namedTags: ["latest", "stable", "mainline", "alpine", "perl", "alpine-slim", "bookworm", "stable-alpine", "mainline-alpine", "alpine-perl"],
    files: { ...DEBIAN, "/usr/share/nginx/html/index.html": NGINX_INDEX, "/usr/share/nginx/html/50x.html": "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n" },
  }),
  profile("docker.io/library/httpd", {
    size: "medium", versions: { 2: 4 }, cmd: ["httpd-foreground"], programs: ["httpd-foreground", "httpd"],
    namedTags: ["latest", "alpine", "bookworm"], files: { ...DEBIAN, "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n" },
  }),
  // The HorizontalPodAutoscaler walkthrough's php-apache: php:5-apache with an index.php that burns CPU, then says OK!.
  profile("registry.k8s.io/hpa-example", { size: "medium", versions: {}, cmd: ["apache2-foreground"], programs: ["apache2-foreground"], namedTags: ["latest"], files: DEBIAN }),
  profile("docker.io/library/redis", { accounts: debianAccounts([["redis", 999, 999]]),
    size: "medium", versions: { 2: 8, 3: 2, 4: 0, 5: 0, 6: 2, 7: 4, 8: 2 }, entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"],
    programs: ["docker-entrypoint.sh", "redis-server", "redis-cli"], namedTags: ["latest", "alpine", "bookworm"], files: DEBIAN,
  }),
  profile("docker.io/library/busybox", { accounts: BUSYBOX_ACCOUNTS,
    size: "small", versions: { 1: 37 }, cmd: ["sh"], userland: "busybox", bash: false,
    namedTags: ["latest", "stable", "musl", "glibc", "uclibc"], files: { "/etc/os-release": "" }, tools: { busybox: "tag:1.37.0" },
  }),
  profile("docker.io/library/alpine", { size: "small", versions: { 3: 22 }, cmd: ["/bin/sh"], userland: "busybox", bash: false, namedTags: ["latest", "edge"], files: ALPINE, tools: { busybox: "1.36.1" } }),
  // DNS debugging images: BIND's nslookup, host and dig (ubuntu and debian images have none of them).
  profile("registry.k8s.io/e2e-test-images/jessie-dnsutils", {
    size: "medium", versions: { 1: 7 }, cmd: ["bash"], programs: ["nslookup", "dig", "host"], namedTags: [],
    files: { "/etc/os-release": osRelease("Debian GNU/Linux 8 (jessie)", "debian", "8") }, tools: { bind: "9.9.5-9+deb8u19-Debian" },
  }),
  profile("docker.io/tutum/dnsutils", {
    size: "medium", versions: {}, cmd: ["bash"], programs: ["nslookup", "dig", "host"], namedTags: ["latest"],
    files: { "/etc/os-release": osRelease("Ubuntu 14.04.1 LTS", "ubuntu", "14.04") }, tools: { bind: "9.9.5-3ubuntu0.1-Ubuntu" },
  }),
  profile("docker.io/infoblox/dnstools", {
    size: "small", versions: {}, cmd: ["/bin/sh"], userland: "busybox", bash: true, programs: ["nslookup", "dig", "host"], namedTags: ["latest"],
    files: ALPINE, tools: { bind: "9.11.3", busybox: "1.28.4", curl: "7.61.1" },
  }),
  profile("docker.io/nicolaka/netshoot", {
    size: "large", versions: { 0: 13 }, cmd: ["bash"], userland: "busybox", bash: true, programs: ["nslookup", "dig", "host"], namedTags: ["latest"],
    files: ALPINE, tools: { bind: "9.18.31", busybox: "1.36.1", curl: "8.11.1" },
  }),
  profile("docker.io/curlimages/curl", { user: "curl_user", accounts: { users: { ...ALPINE_ACCOUNTS.users, 100: { name: "curl_user", gid: 101 } }, groups: { ...ALPINE_ACCOUNTS.groups, 101: "curl_group" } },
    size: "small", versions: { 7: 88, 8: 17 }, entrypoint: ["/entrypoint.sh"], cmd: ["curl"], userland: "busybox", bash: false, programs: ["/entrypoint.sh"],
    namedTags: ["latest"], files: ALPINE, tools: { curl: "tag:8.17.0", busybox: "1.37.0" },
  }),
  profile("docker.io/radial/busyboxplus", { accounts: BUSYBOX_ACCOUNTS,
    size: "small", versions: {}, cmd: ["/bin/sh"], userland: "busybox", bash: false, namedTags: ["latest", "curl", "git"], files: { "/etc/os-release": "" },
    tools: { busybox: "1.22.1", curl: "7.40.0" },
  }),
  profile("docker.io/library/ubuntu", { accounts: debianAccounts([["ubuntu", 1000, 1000]]),
    size: "medium", versions: { 12: 10, 14: 10, 16: 10, 18: 10, 20: 10, 22: 10, 23: 10, 24: 10, 25: 10 }, cmd: ["/bin/bash"],
    namedTags: ["latest", "rolling", "devel", "noble", "jammy", "focal", "bionic", "xenial", "oracular", "plucky"],
    files: { "/etc/os-release": osRelease("Ubuntu 24.04.1 LTS", "ubuntu", "24.04") },
  }),
  profile("docker.io/library/debian", {
    size: "medium", versions: { 7: 11, 8: 11, 9: 13, 10: 13, 11: 11, 12: 11, 13: 2 }, cmd: ["bash"],
    namedTags: ["latest", "stable", "testing", "unstable", "sid", "bookworm", "bullseye", "buster", "trixie", "stable-slim", "bookworm-slim", "bullseye-slim"], files: DEBIAN,
  }),
  profile("docker.io/library/postgres", { accounts: debianAccounts([["postgres", 999, 999]]),
    size: "large", versions: { 9: 6, 10: 23, 11: 22, 12: 22, 13: 21, 14: 18, 15: 13, 16: 9, 17: 5, 18: 1 }, entrypoint: ["docker-entrypoint.sh"], cmd: ["postgres"],
    programs: ["docker-entrypoint.sh", "postgres"], namedTags: ["latest", "alpine", "bookworm"], files: DEBIAN,
  }),
  profile("docker.io/library/mysql", {
    size: "large", versions: { 5: 7, 8: 4, 9: 3 }, entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"],
    programs: ["docker-entrypoint.sh", "mysqld"], namedTags: ["latest", "lts", "innovation", "oracle", "debian"],
  }),
  profile("docker.io/library/mongo", {
    size: "large", versions: { 3: 6, 4: 4, 5: 0, 6: 0, 7: 0, 8: 0 }, entrypoint: ["docker-entrypoint.sh"], cmd: ["mongod"],
    programs: ["docker-entrypoint.sh", "mongod"], namedTags: ["latest", "jammy", "noble"],
  }),
  profile("docker.io/library/node", { accounts: debianAccounts([["node", 1000, 1000]]),
    size: "large", versions: { 4: 9, 6: 17, 8: 17, 10: 24, 12: 22, 14: 21, 16: 20, 18: 20, 19: 9, 20: 19, 21: 7, 22: 21, 23: 11, 24: 11 },
    entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], programs: ["docker-entrypoint.sh", "node"],
    namedTags: ["latest", "lts", "current", "alpine", "slim", "bookworm", "bullseye", "iron", "hydrogen", "jod", "lts-alpine", "lts-slim", "current-alpine"], files: DEBIAN,
  }),
  profile("docker.io/library/python", {
    size: "large", versions: { 2: 7, 3: 14 }, cmd: ["python3"], programs: ["python", "python3"],
    namedTags: ["latest", "alpine", "slim", "bookworm", "bullseye", "slim-bookworm"], files: DEBIAN,
  }),
  profile("docker.io/library/perl", { size: "large", versions: { 5: 42 }, cmd: ["perl", "-de0"], programs: ["perl"], namedTags: ["latest", "slim", "bookworm", "threaded"], files: DEBIAN }),
  profile("docker.io/library/golang", { size: "large", versions: { 1: 25 }, cmd: ["bash"], programs: ["go"], namedTags: ["latest", "alpine", "bookworm", "bullseye"], files: DEBIAN }),
  profile("docker.io/library/hello-world", { size: "small", versions: {}, cmd: ["/hello"], userland: "none", bash: false, programs: ["/hello"], namedTags: ["latest", "linux", "nanoserver"] }),
  profile("registry.k8s.io/etcd", { size: "medium", versions: { 3: 6 }, userland: "none", bash: false, programs: ["etcd"], namedTags: [] }),
  profile("registry.k8s.io/kube-apiserver", { size: "medium", versions: { 1: 34 }, userland: "none", bash: false, programs: ["kube-apiserver"], namedTags: [] }),
  profile("registry.k8s.io/kube-controller-manager", { size: "medium", versions: { 1: 34 }, userland: "none", bash: false, programs: ["kube-controller-manager"], namedTags: [] }),
  profile("registry.k8s.io/kube-scheduler", { size: "small", versions: { 1: 34 }, userland: "none", bash: false, programs: ["kube-scheduler"], namedTags: [] }),
  profile("registry.k8s.io/kube-proxy", { size: "medium", versions: { 1: 34 }, userland: "none", bash: false, programs: ["kube-proxy", "/usr/local/bin/kube-proxy"], namedTags: [] }),
  profile("registry.k8s.io/coredns/coredns", { user: "nonroot:nonroot", size: "small", versions: { 1: 12 }, entrypoint: ["/coredns"], userland: "none", bash: false, programs: ["/coredns"], namedTags: ["latest"] }),
  profile("registry.k8s.io/metrics-server/metrics-server", { user: "65534", size: "small", versions: { 0: 8 }, entrypoint: ["/metrics-server"], userland: "none", bash: false, programs: ["/metrics-server"], namedTags: [] }),
  profile("registry.k8s.io/pause", { user: "65535:65535", size: "small", versions: { 3: 10 }, entrypoint: ["/pause"], userland: "none", bash: false, programs: ["/pause"], namedTags: ["latest"] }),
  profile("registry.k8s.io/e2e-test-images/agnhost", { size: "medium", versions: { 2: 56 }, entrypoint: ["/agnhost"], userland: "busybox", bash: false, programs: ["/agnhost", "agnhost"], namedTags: [] }),
  profile("docker.io/hashicorp/http-echo", { size: "small", versions: { 0: 2, 1: 0 }, entrypoint: ["/http-echo"], userland: "none", bash: false, programs: ["/http-echo"], namedTags: ["latest", "alpine"] }),
  profile("docker.io/kennethreitz/httpbin", { size: "large", versions: {}, cmd: ["gunicorn", "-b", "0.0.0.0:80", "httpbin:app", "-k", "gevent"], programs: ["gunicorn"], namedTags: ["latest"] }),
  profile("registry.k8s.io/echoserver", { size: "medium", versions: { 1: 10 }, cmd: ["/usr/local/bin/run.sh"], programs: ["/usr/local/bin/run.sh"], namedTags: [] }),
  profile("docker.io/polinux/stress", { size: "small", versions: { 1: 0 }, cmd: ["stress"], userland: "busybox", bash: false, programs: ["stress"], namedTags: ["latest"] }),
  // vish/stress (the "Assign CPU Resources" task): a Go program with flags of its own, as its ENTRYPOINT.
  profile("docker.io/vish/stress", { size: "small", versions: {}, entrypoint: ["/stress"], userland: "none", bash: false, programs: ["/stress"], namedTags: ["latest"] }),
  // progrium/stress: ENTRYPOINT ["/usr/bin/stress", "--verbose"], so `args: ["--cpu", "2"]` are stress's.
  profile("docker.io/progrium/stress", { size: "small", versions: {}, entrypoint: ["/usr/bin/stress", "--verbose"], bash: false, programs: ["/usr/bin/stress", "stress"], namedTags: ["latest"] }),
];

/** Other registries or names under which a catalog image is published. */
const ALIASES: Record<string, string> = {
  "k8s.gcr.io/pause": "registry.k8s.io/pause",
  "gcr.io/google_containers/pause": "registry.k8s.io/pause",
  "k8s.gcr.io/echoserver": "registry.k8s.io/echoserver",
  "gcr.io/google_containers/echoserver": "registry.k8s.io/echoserver",
  "k8s.gcr.io/e2e-test-images/agnhost": "registry.k8s.io/e2e-test-images/agnhost",
  "k8s.gcr.io/e2e-test-images/jessie-dnsutils": "registry.k8s.io/e2e-test-images/jessie-dnsutils",
  "gcr.io/kubernetes-e2e-test-images/dnsutils": "registry.k8s.io/e2e-test-images/jessie-dnsutils",
  "mirror.gcr.io/library/nginx": "docker.io/library/nginx",
  "public.ecr.aws/nginx/nginx": "docker.io/library/nginx",
  "public.ecr.aws/docker/library/nginx": "docker.io/library/nginx",
  "public.ecr.aws/docker/library/busybox": "docker.io/library/busybox",
  "quay.io/prometheus/busybox": "docker.io/library/busybox",
};

const BY_REPOSITORY = new Map(CATALOG.map((p) => [p.repository, p]));

export function findProfile(repository: string): ImageProfile | undefined {
  return BY_REPOSITORY.get(ALIASES[repository] ?? repository);
}

/** Images outside the catalog whose publishers set a non-root USER. */
const PUBLISHER_USERS: { prefix: string; tag?: RegExp; user: string }[] = [
  { prefix: "docker.io/bitnami/", user: "1001" },
  { prefix: "docker.io/nginxinc/nginx-unprivileged", user: "101" },
  { prefix: "gcr.io/distroless/", tag: /nonroot/, user: "65532" },
];

/** The USER an image runs as: its catalog entry's, else a well-known publisher's; undefined for root. */
export function imageUserOf(repository: string, tag: string | undefined): string | undefined {
  const known = findProfile(repository);
  if (known) return known.user;
  return PUBLISHER_USERS.find((p) => repository.startsWith(p.prefix) && (!p.tag || p.tag.test(tag ?? "")))?.user;
}

/** The USER of `image` (a reference as a pod names it), undefined for root and for references that do not parse. */
export function imageUser(image: string): string | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? imageUserOf(parsed.ref.repository, parsed.ref.tag) : undefined;
}

/** Does `tag` exist for a catalog image? Versions within the known ranges, named tags, and variant suffixes. */
export function tagExists(profile: ImageProfile, tag: string): boolean {
  if (profile.namedTags.includes(tag)) return true;
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.\d+)?((?:-[a-z0-9.]+)*)$/.exec(tag);
  if (m) {
    const max = profile.versions[Number(m[1])];
    if (max === undefined) return false;
    if (m[2] !== undefined && Number(m[2]) > max) return false;
    if (m[3] !== undefined && Number(m[3]) > 40) return false;
    return variantOk(m[4]);
  }
  const dash = tag.indexOf("-");
  return dash > 0 && profile.namedTags.includes(tag.slice(0, dash)) && variantOk(tag.slice(dash));
}

function variantOk(suffix: string): boolean {
  if (!suffix) return true;
  return suffix.slice(1).split("-").every((word) => TAG_VARIANT_WORDS.has(word.replace(/[\d.]+$/, "")) || /^\d+$/.test(word));
}
