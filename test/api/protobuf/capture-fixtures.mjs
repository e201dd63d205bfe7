// Throwaway capture tool (NOT run by the test suite): starts a minimal fake apiserver over https, runs real
// `kubectl` commands against it, and writes each protobuf request body kubectl sends to fixtures/<name>.bin.
//
//   node test/api/protobuf/capture-fixtures.mjs [path/to/kubectl.1.33]
//
// Needs `openssl` on PATH. The default kubectl is the gcloud-installed kubectl.1.33 next to the `kubectl` dispatcher.

import { execFileSync, execFile } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, realpathSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = join(here, "fixtures");
const kubectl =
  process.argv[2] ?? join(dirname(realpathSync(execFileSync("which", ["kubectl"]).toString().trim())), "kubectl.1.33");

// --- self-signed certificate and kubeconfig --------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), "k8s-proto-capture-"));
execFileSync("openssl", [
  "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
  "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
  "-keyout", join(work, "key.pem"), "-out", join(work, "cert.pem"),
], { stdio: "ignore" });

// --- discovery -------------------------------------------------------------------------------------------------
const allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const r = (resource, kind, scope, extra = {}) => ({ resource, kind, scope, ...extra });
const groups = {
  "": { v1: [
    r("namespaces", "Namespace", "Cluster", { shortNames: ["ns"] }),
    r("nodes", "Node", "Cluster", { shortNames: ["no"] }),
    r("pods", "Pod", "Namespaced", { shortNames: ["po"], categories: ["all"] }),
    r("configmaps", "ConfigMap", "Namespaced", { shortNames: ["cm"] }),
    r("secrets", "Secret", "Namespaced"),
    r("services", "Service", "Namespaced", { shortNames: ["svc"], categories: ["all"] }),
    r("serviceaccounts", "ServiceAccount", "Namespaced", { shortNames: ["sa"] }),
    r("resourcequotas", "ResourceQuota", "Namespaced", { shortNames: ["quota"] }),
    r("limitranges", "LimitRange", "Namespaced", { shortNames: ["limits"] }),
  ] },
  apps: { v1: [r("deployments", "Deployment", "Namespaced", { shortNames: ["deploy"], categories: ["all"] })] },
  batch: { v1: [
    r("jobs", "Job", "Namespaced", { categories: ["all"] }),
    r("cronjobs", "CronJob", "Namespaced", { shortNames: ["cj"], categories: ["all"] }),
  ] },
  policy: { v1: [r("poddisruptionbudgets", "PodDisruptionBudget", "Namespaced", { shortNames: ["pdb"] })] },
  autoscaling: { v1: [r("horizontalpodautoscalers", "HorizontalPodAutoscaler", "Namespaced", { shortNames: ["hpa"], categories: ["all"] })] },
  "authorization.k8s.io": { v1: [
    r("selfsubjectaccessreviews", "SelfSubjectAccessReview", "Cluster", { verbs: ["create"] }),
    r("selfsubjectrulesreviews", "SelfSubjectRulesReview", "Cluster", { verbs: ["create"] }),
  ] },
  "scheduling.k8s.io": { v1: [r("priorityclasses", "PriorityClass", "Cluster", { shortNames: ["pc"] })] },
  "rbac.authorization.k8s.io": { v1: [
    r("roles", "Role", "Namespaced"),
    r("rolebindings", "RoleBinding", "Namespaced"),
    r("clusterroles", "ClusterRole", "Cluster"),
    r("clusterrolebindings", "ClusterRoleBinding", "Cluster"),
  ] },
};

function aggregated(version, names) {
  return {
    kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {},
    items: names.map((group) => ({
      metadata: { name: group },
      versions: Object.entries(groups[group]).map(([v, resources]) => ({
        version: v, freshness: "Current",
        resources: resources.map((x) => ({
          resource: x.resource, responseKind: { group, version: v, kind: x.kind }, scope: x.scope,
          singularResource: x.kind.toLowerCase(), verbs: x.verbs ?? allVerbs,
          ...(x.shortNames ? { shortNames: x.shortNames } : {}), ...(x.categories ? { categories: x.categories } : {}),
          ...(x.resource === "deployments" ? { subresources: [{ subresource: "scale", responseKind: { group: "autoscaling", version: "v1", kind: "Scale" }, verbs: ["get", "patch", "update"] }] } : {}),
        })),
      })),
    })),
  };
}

const coreResourceList = {
  kind: "APIResourceList", apiVersion: "v1", groupVersion: "v1",
  resources: [
    ...groups[""].v1.map((x) => ({
      name: x.resource, singularName: x.kind.toLowerCase(), namespaced: x.scope === "Namespaced", kind: x.kind,
      verbs: allVerbs, ...(x.shortNames ? { shortNames: x.shortNames } : {}),
    })),
    { name: "pods/eviction", singularName: "", namespaced: true, group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] },
  ],
};

// --- objects served on GET (for autoscale, debug --copy-to, drain) ----------------------------------------------
const meta = (name, namespace) => ({
  name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: "7", creationTimestamp: "2025-01-01T00:00:00Z",
});
const richPod = {
  apiVersion: "v1", kind: "Pod", metadata: { ...meta("rich", "default"), labels: { app: "rich" }, annotations: { note: "hello" } },
  spec: {
    serviceAccountName: "bot", terminationGracePeriodSeconds: 0, restartPolicy: "Always", dnsPolicy: "ClusterFirst",
    nodeSelector: { disk: "ssd" }, hostname: "h1", subdomain: "sub", priority: 0, enableServiceLinks: false,
    securityContext: { runAsUser: 1000, runAsNonRoot: true, fsGroup: 2000 },
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }] } },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 50, podAffinityTerm: { labelSelector: { matchLabels: { app: "rich" } }, topologyKey: "kubernetes.io/hostname" } }] } },
    tolerations: [
      { key: "dedicated", operator: "Equal", value: "x", effect: "NoSchedule" },
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ],
    volumes: [
      { name: "cfg", configMap: { name: "c", items: [{ key: "a", path: "a.txt" }], defaultMode: 420 } },
      { name: "sec", secret: { secretName: "s", optional: true } },
      { name: "tmp", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } },
      { name: "host", hostPath: { path: "/var/log", type: "Directory" } },
      { name: "data", persistentVolumeClaim: { claimName: "pvc1", readOnly: false } },
    ],
    initContainers: [{ name: "init", image: "busybox", command: ["sh", "-c", "true"] }],
    containers: [{
      name: "app", image: "nginx:1.25", imagePullPolicy: "IfNotPresent", args: ["-g", "daemon off;"], workingDir: "/srv",
      ports: [{ name: "http", containerPort: 80, protocol: "TCP" }, { containerPort: 53, protocol: "UDP", hostPort: 5353 }],
      env: [
        { name: "PLAIN", value: "v" },
        { name: "EMPTY", value: "" },
        { name: "FROM_CM", valueFrom: { configMapKeyRef: { name: "c", key: "a" } } },
        { name: "FROM_SECRET", valueFrom: { secretKeyRef: { name: "s", key: "p", optional: false } } },
        { name: "POD_IP", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "status.podIP" } } },
        { name: "MEM", valueFrom: { resourceFieldRef: { containerName: "app", resource: "limits.memory", divisor: "1Mi" } } },
      ],
      envFrom: [{ configMapRef: { name: "c" } }, { prefix: "S_", secretRef: { name: "s", optional: true } }],
      resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
      volumeMounts: [{ name: "cfg", mountPath: "/etc/cfg", readOnly: true }, { name: "tmp", mountPath: "/tmp", subPath: "x" }],
      livenessProbe: { httpGet: { path: "/healthz", port: 80, scheme: "HTTP" }, initialDelaySeconds: 3, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { tcpSocket: { port: "http" }, periodSeconds: 5 },
      startupProbe: { exec: { command: ["cat", "/tmp/ready"] }, failureThreshold: 30 },
      lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } },
      securityContext: { privileged: false, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
      terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", stdin: false, tty: false,
    }],
  },
  status: { phase: "Running" },
};
const victim = {
  apiVersion: "v1", kind: "Pod",
  metadata: { ...meta("victim", "default"), ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1", uid: "uid-rs", controller: true }] },
  spec: { nodeName: "node-1", containers: [{ name: "c", image: "busybox" }] }, status: { phase: "Running" },
};
const objects = {
  "/apis/apps/v1/namespaces/default/deployments/web": {
    apiVersion: "apps/v1", kind: "Deployment", metadata: meta("web", "default"),
    spec: { replicas: 3, selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } } },
  },
  "/api/v1/namespaces/default/pods/rich": richPod,
  "/api/v1/nodes/node-1": { apiVersion: "v1", kind: "Node", metadata: meta("node-1"), spec: {}, status: {} },
};

// --- minimal protobuf peek, only to give the POST echo its name -------------------------------------------------
function fields(buf) {
  const out = [];
  let i = 0;
  const varint = () => { let v = 0, s = 0, b; do { b = buf[i++]; v += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return v; };
  while (i < buf.length) {
    const key = varint(), no = Math.floor(key / 8), wt = key & 7;
    if (wt === 0) out.push([no, varint()]);
    else if (wt === 2) { const n = varint(); out.push([no, buf.subarray(i, i + n)]); i += n; }
    else if (wt === 1) i += 8; else if (wt === 5) i += 4; else break;
  }
  return out;
}
const field = (buf, no) => fields(buf).find(([n]) => n === no)?.[1];
function peek(body) {
  try {
    const unknown = body.subarray(4);
    const typeMeta = field(unknown, 1), raw = field(unknown, 2);
    const dec = (b) => (b ? Buffer.from(b).toString() : "");
    const metadata = raw && field(raw, 1);
    return { apiVersion: dec(field(typeMeta, 1)), kind: dec(field(typeMeta, 2)), name: dec(metadata && field(metadata, 1)) };
  } catch { return { apiVersion: "", kind: "", name: "" }; }
}

// --- the server ------------------------------------------------------------------------------------------------
let captureName = "unnamed";
let captureCount = 0;
const log = [];
const send = (res, code, body, type = "application/json") => {
  res.writeHead(code, { "Content-Type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};
const notFound = (res) => send(res, 404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404, message: "not found" });

const server = createServer({ key: readFileSync(join(work, "key.pem")), cert: readFileSync(join(work, "cert.pem")) }, (req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const path = new URL(req.url, "https://x").pathname;
    log.push(`${req.method} ${req.url} ${req.headers["content-type"] ?? ""}`);
    const accept = req.headers.accept ?? "";
    if (req.method === "GET") {
      if (path === "/version") return send(res, 200, { major: "1", minor: "33", gitVersion: "v1.33.0-capture", gitCommit: "0", gitTreeState: "clean", buildDate: "2025-01-01T00:00:00Z", goVersion: "go1.24", compiler: "gc", platform: "linux/amd64" });
      if ((path === "/api" || path === "/apis") && accept.includes("v=v2;as=APIGroupDiscoveryList")) {
        const names = path === "/api" ? [""] : Object.keys(groups).filter((g) => g !== "");
        return send(res, 200, aggregated("v2", names), "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
      }
      if (path === "/api/v1") return send(res, 200, coreResourceList);
      if (path === "/openapi/v2") return send(res, 200, "", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
      if (objects[path]) return send(res, 200, objects[path]);
      if (path === "/api/v1/pods") return send(res, 200, { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "9" }, items: [victim] });
      return notFound(res);
    }
    if (req.method === "POST" || req.method === "PUT" || req.method === "DELETE") {
      if (body.length > 0 && (req.headers["content-type"] ?? "").includes("protobuf")) {
        const file = captureCount === 0 ? `${captureName}.bin` : `${captureName}-${captureCount + 1}.bin`;
        captureCount++;
        writeFileSync(join(fixturesDir, file), body);
      }
      const { apiVersion, kind, name } = peek(body);
      const echo = { apiVersion, kind, metadata: { name: name || "x", uid: "capture-uid", resourceVersion: "1", creationTimestamp: "2025-01-01T00:00:00Z" } };
      if (kind === "SelfSubjectAccessReview") Object.assign(echo, { status: { allowed: true } });
      if (kind === "SelfSubjectRulesReview") Object.assign(echo, { status: { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], nonResourceRules: [], incomplete: false } });
      if (req.method === "DELETE") return send(res, 200, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 200 });
      return send(res, 201, echo);
    }
    if (req.method === "PATCH" && objects[path]) return send(res, 200, objects[path]);
    return notFound(res);
  });
});

// --- the commands ----------------------------------------------------------------------------------------------
const commands = [
  ["namespace", ["create", "namespace", "demo"]],
  ["configmap", ["create", "configmap", "c", "--from-literal=a=1"]],
  ["secret", ["create", "secret", "generic", "s", "--from-literal=p=x"]],
  ["deployment", ["create", "deployment", "web", "--image=nginx:1.25", "--replicas=3", "--port=80"]],
  ["service", ["create", "service", "clusterip", "web", "--tcp=80:8080"]],
  ["serviceaccount", ["create", "serviceaccount", "bot"]],
  ["job", ["create", "job", "j", "--image=busybox", "--", "echo", "hi"]],
  ["cronjob", ["create", "cronjob", "c", "--image=busybox", "--schedule=*/1 * * * *", "--", "date"]],
  ["pdb", ["create", "pdb", "p", "--selector=app=web", "--min-available=1"]],
  ["ssar", ["auth", "can-i", "create", "pods"]],
  ["ssrr", ["auth", "can-i", "--list"]],
  ["quota", ["create", "quota", "q", "--hard=pods=3"]],
  ["hpa", ["autoscale", "deployment", "web", "--min=2", "--max=5", "--cpu-percent=80"]],
  ["role", ["create", "role", "r", "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=x"]],
  ["rolebinding", ["create", "rolebinding", "rb", "--role=r", "--serviceaccount=default:bot", "--user=alice"]],
  ["clusterrole", ["create", "clusterrole", "cr", "--verb=get", "--non-resource-url=/healthz"]],
  ["clusterrolebinding", ["create", "clusterrolebinding", "crb", "--clusterrole=cr", "--group=devs"]],
  ["eviction", ["drain", "node-1", "--timeout=5s"]],
  ["deleteoptions", ["drain", "node-1", "--disable-eviction", "--grace-period=7", "--timeout=5s"]],
  ["pod-debug-copy", ["debug", "rich", "--copy-to=rich-copy", "--container=debugger", "--image=busybox"]],
  ["priorityclass", ["create", "priorityclass", "high", "--value=1000", "--description=x"]],
  ["priorityclass-zero", ["create", "priorityclass", "zero", "--value=0", "--global-default", "--preemption-policy=Never"]],
];

mkdirSync(fixturesDir, { recursive: true });
server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  const kubeconfig = join(work, "kubeconfig");
  writeFileSync(kubeconfig, [
    "apiVersion: v1", "kind: Config", "current-context: c",
    "clusters:", "- name: c", "  cluster:", `    server: https://127.0.0.1:${port}`, `    certificate-authority: ${join(work, "cert.pem")}`,
    "users:", "- name: u", "  user:", "    token: capture",
    "contexts:", "- name: c", "  context:", "    cluster: c", "    user: u", "    namespace: default",
  ].join("\n"));
  const readme = ["# Protobuf request bodies captured from kubectl 1.33 by capture-fixtures.mjs", ""];
  for (const [name, args] of commands) {
    captureName = name;
    captureCount = 0;
    log.length = 0;
    const result = await new Promise((resolve) =>
      execFile(kubectl, ["--kubeconfig", kubeconfig, "--cache-dir", join(work, "cache"), ...args], (error, stdout, stderr) =>
        resolve({ code: error?.code ?? 0, out: (stdout + stderr).trim() })));
    console.log(`$ kubectl ${args.join(" ")}  -> rc ${result.code}, ${captureCount} protobuf body(ies)\n${result.out}`);
    if (captureCount === 0) console.log(log.join("\n"));
    const quoted = args.map((a) => (/[\s*]/.test(a) ? `"${a}"` : a)).join(" ");
    for (let n = 0; n < captureCount; n++) readme.push(`- \`${n === 0 ? name : `${name}-${n + 1}`}.bin\`: \`kubectl ${quoted}\``);
  }
  writeFileSync(join(fixturesDir, "README.md"), readme.join("\n") + "\n");
  server.close();
});
