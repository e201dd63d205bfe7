// Kind-level bad input for the bad-input corpus: every kind the sandbox serves gets the same systematic set (invalid
// names, labels, annotations, finalizers, owner references, wrong apiVersion/kind/namespace in the body, values of the
// wrong type), then each kind its own rules (ConfigMap and Secret keys and base64, pod resources, probes, ports,
// int32 ranges, workload selectors). Codes and messages are the apiserver's (pkg/apis/core/validation and
// apimachinery's decoder): 422 Invalid for validation, 400 BadRequest where the decoder refuses the body.
import type { BadInputCase } from "./case";

const ns = "default";

interface KindUnderTest {
  kind: string;
  /** `Kind` or `Kind.group`, as Invalid messages name it. */
  qualified: string;
  apiVersion: string;
  /** Collection path. */
  path: string;
  namespaced: boolean;
  /** A valid object of the kind, given a name. */
  valid: (name: string) => Record<string, unknown>;
  /** The name rule: most kinds take DNS-1123 subdomains. */
  names?: "subdomain" | "label" | "dns1035";
  /** A top-level field that must be an object (spec, template, ...), for a wrong-type case. */
  objectField?: string;
}

const container = { name: "app", image: "nginx:1.25" };
const podSpec = { containers: [container] };
const template = { metadata: { labels: { app: "web" } }, spec: podSpec };
const selector = { matchLabels: { app: "web" } };

const core = (resource: string) => `/api/v1/namespaces/${ns}/${resource}`;
const group = (gv: string, resource: string) => `/apis/${gv}/namespaces/${ns}/${resource}`;

const kinds: KindUnderTest[] = [
  { kind: "ConfigMap", qualified: "ConfigMap", apiVersion: "v1", path: core("configmaps"), namespaced: true, valid: (name) => ({ metadata: { name }, data: { a: "1" } }) },
  {
    kind: "Endpoints", qualified: "Endpoints", apiVersion: "v1", path: core("endpoints"), namespaced: true,
    valid: (name) => ({ metadata: { name }, subsets: [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80, protocol: "TCP" }] }] }),
  },
  {
    kind: "Event", qualified: "Event", apiVersion: "v1", path: core("events"), namespaced: true, objectField: "involvedObject",
    valid: (name) => ({
      metadata: { name },
      involvedObject: { kind: "Pod", name: "p", namespace: ns, apiVersion: "v1" },
      reason: "Tested", message: "m", type: "Normal", source: { component: "corpus" },
    }),
  },
  {
    kind: "LimitRange", qualified: "LimitRange", apiVersion: "v1", path: core("limitranges"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { limits: [{ type: "Container", max: { cpu: "2" } }] } }),
  },
  { kind: "Namespace", qualified: "Namespace", apiVersion: "v1", path: "/api/v1/namespaces", namespaced: false, names: "label", objectField: "spec", valid: (name) => ({ metadata: { name } }) },
  { kind: "Node", qualified: "Node", apiVersion: "v1", path: "/api/v1/nodes", namespaced: false, objectField: "spec", valid: (name) => ({ metadata: { name } }) },
  {
    kind: "PersistentVolumeClaim", qualified: "PersistentVolumeClaim", apiVersion: "v1", path: core("persistentvolumeclaims"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { accessModes: ["ReadWriteOnce"], storageClassName: "", resources: { requests: { storage: "1Gi" } } } }),
  },
  {
    kind: "PersistentVolume", qualified: "PersistentVolume", apiVersion: "v1", path: "/api/v1/persistentvolumes", namespaced: false, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/data" } } }),
  },
  { kind: "Pod", qualified: "Pod", apiVersion: "v1", path: core("pods"), namespaced: true, objectField: "spec", valid: (name) => ({ metadata: { name }, spec: podSpec }) },
  { kind: "PodTemplate", qualified: "PodTemplate", apiVersion: "v1", path: core("podtemplates"), namespaced: true, objectField: "template", valid: (name) => ({ metadata: { name }, template }) },
  {
    kind: "ReplicationController", qualified: "ReplicationController", apiVersion: "v1", path: core("replicationcontrollers"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { replicas: 0, selector: { app: "web" }, template } }),
  },
  {
    kind: "ResourceQuota", qualified: "ResourceQuota", apiVersion: "v1", path: core("resourcequotas"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { hard: { pods: "10" } } }),
  },
  { kind: "Secret", qualified: "Secret", apiVersion: "v1", path: core("secrets"), namespaced: true, valid: (name) => ({ metadata: { name }, data: { a: "MQ==" } }) },
  { kind: "ServiceAccount", qualified: "ServiceAccount", apiVersion: "v1", path: core("serviceaccounts"), namespaced: true, valid: (name) => ({ metadata: { name } }) },
  {
    kind: "Service", qualified: "Service", apiVersion: "v1", path: core("services"), namespaced: true, names: "dns1035", objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } }),
  },
  {
    kind: "ControllerRevision", qualified: "ControllerRevision.apps", apiVersion: "apps/v1", path: group("apps/v1", "controllerrevisions"), namespaced: true,
    valid: (name) => ({ metadata: { name }, data: {}, revision: 1 }),
  },
  {
    kind: "DaemonSet", qualified: "DaemonSet.apps", apiVersion: "apps/v1", path: group("apps/v1", "daemonsets"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { selector, template } }),
  },
  {
    kind: "Deployment", qualified: "Deployment.apps", apiVersion: "apps/v1", path: group("apps/v1", "deployments"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { replicas: 0, selector, template } }),
  },
  {
    kind: "ReplicaSet", qualified: "ReplicaSet.apps", apiVersion: "apps/v1", path: group("apps/v1", "replicasets"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { replicas: 0, selector, template } }),
  },
  {
    kind: "StatefulSet", qualified: "StatefulSet.apps", apiVersion: "apps/v1", path: group("apps/v1", "statefulsets"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { replicas: 0, serviceName: "web", selector, template } }),
  },
  {
    kind: "CronJob", qualified: "CronJob.batch", apiVersion: "batch/v1", path: group("batch/v1", "cronjobs"), namespaced: true, objectField: "spec",
    valid: (name) => ({
      metadata: { name },
      spec: { schedule: "*/5 * * * *", suspend: true, jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: "Never" } } } } },
    }),
  },
  {
    kind: "Job", qualified: "Job.batch", apiVersion: "batch/v1", path: group("batch/v1", "jobs"), namespaced: true, objectField: "spec",
    valid: (name) => ({ metadata: { name }, spec: { suspend: true, template: { spec: { ...podSpec, restartPolicy: "Never" } } } }),
  },
  {
    kind: "PriorityClass", qualified: "PriorityClass.scheduling.k8s.io", apiVersion: "scheduling.k8s.io/v1", path: "/apis/scheduling.k8s.io/v1/priorityclasses",
    namespaced: false, valid: (name) => ({ metadata: { name }, value: 1000 }),
  },
  {
    kind: "IngressClass", qualified: "IngressClass.networking.k8s.io", apiVersion: "networking.k8s.io/v1", path: "/apis/networking.k8s.io/v1/ingressclasses",
    namespaced: false, objectField: "spec", valid: (name) => ({ metadata: { name }, spec: { controller: "example.com/ingress" } }),
  },
  {
    kind: "Ingress", qualified: "Ingress.networking.k8s.io", apiVersion: "networking.k8s.io/v1", path: group("networking.k8s.io/v1", "ingresses"),
    namespaced: true, objectField: "spec", valid: (name) => ({ metadata: { name }, spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } } } }),
  },
  {
    kind: "NetworkPolicy", qualified: "NetworkPolicy.networking.k8s.io", apiVersion: "networking.k8s.io/v1", path: group("networking.k8s.io/v1", "networkpolicies"),
    namespaced: true, objectField: "spec", valid: (name) => ({ metadata: { name }, spec: { podSelector: {} } }),
  },
  {
    kind: "PodDisruptionBudget", qualified: "PodDisruptionBudget.policy", apiVersion: "policy/v1", path: group("policy/v1", "poddisruptionbudgets"),
    namespaced: true, objectField: "spec", valid: (name) => ({ metadata: { name }, spec: { maxUnavailable: 1, selector } }),
  },
  {
    kind: "HorizontalPodAutoscaler", qualified: "HorizontalPodAutoscaler.autoscaling", apiVersion: "autoscaling/v2", path: group("autoscaling/v2", "horizontalpodautoscalers"),
    namespaced: true, objectField: "spec", valid: (name) => ({ metadata: { name }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 3 } }),
  },
  {
    kind: "StorageClass", qualified: "StorageClass.storage.k8s.io", apiVersion: "storage.k8s.io/v1", path: "/apis/storage.k8s.io/v1/storageclasses",
    namespaced: false, valid: (name) => ({ metadata: { name }, provisioner: "example.com/disk" }),
  },
  {
    kind: "Lease", qualified: "Lease.coordination.k8s.io", apiVersion: "coordination.k8s.io/v1", path: group("coordination.k8s.io/v1", "leases"), namespaced: true,
    objectField: "spec", valid: (name) => ({ metadata: { name }, spec: { holderIdentity: "me", leaseDurationSeconds: 15 } }),
  },
  {
    kind: "EndpointSlice", qualified: "EndpointSlice.discovery.k8s.io", apiVersion: "discovery.k8s.io/v1", path: group("discovery.k8s.io/v1", "endpointslices"),
    namespaced: true, valid: (name) => ({ metadata: { name }, addressType: "IPv4", endpoints: [{ addresses: ["10.0.0.1"] }], ports: [{ port: 80, protocol: "TCP" }] }),
  },
  {
    kind: "Event", qualified: "Event.events.k8s.io", apiVersion: "events.k8s.io/v1", path: group("events.k8s.io/v1", "events"), namespaced: true,
    objectField: "regarding",
    valid: (name) => ({
      metadata: { name },
      eventTime: "2024-01-01T00:00:00.000000Z",
      reportingController: "example.com/corpus",
      reportingInstance: "corpus-1",
      action: "Testing",
      reason: "Tested",
      type: "Normal",
      regarding: { kind: "Pod", name: "p", namespace: ns, apiVersion: "v1" },
    }),
  },
];

const json = (value: unknown) => JSON.stringify(value);

/** A valid object of `k` with its apiVersion and kind, changed by `edit`. */
function body(k: KindUnderTest, name: string, edit: (obj: Record<string, any>) => void = () => {}): string {
  const obj: Record<string, any> = { apiVersion: k.apiVersion, kind: k.kind, ...structuredClone(k.valid(name)) };
  edit(obj);
  return json(obj);
}

const NAME_RULES = {
  subdomain: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  label: "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  dns1035: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** 422 with the kind, the name and one field error, pinned by the part of the message after `is invalid: `. */
const invalidAt = (k: KindUnderTest, name: string, detail: string) => new RegExp(`^${escape(k.qualified)} "${escape(name)}" is invalid: .*${escape(detail)}`);

/** The same systematic checks for every kind. */
function genericCases(k: KindUnderTest): BadInputCase[] {
  const post = (name: string, b: string, code: number, message?: string | RegExp): BadInputCase => ({
    name: `${k.qualified}: ${name}`, method: "POST", path: k.path, body: b, code, ...(message ? { message } : {}),
  });
  const rule = NAME_RULES[k.names ?? "subdomain"];
  const out: BadInputCase[] = [
    post("an upper-case name with an underscore", body(k, "Bad_Name"), 422, invalidAt(k, "Bad_Name", `metadata.name: Invalid value: "Bad_Name": ${rule}`)),
    post("a name of 254 characters", body(k, "a".repeat(254)), 422, /metadata\.name: Invalid value: "a+": must be no more than (63|253) characters/),
    post("neither name nor generateName", body(k, "", (o) => delete o.metadata.name), 422, /metadata\.name: Required value: name or generateName is required/),
    post("an invalid generateName", body(k, "", (o) => { delete o.metadata.name; o.metadata.generateName = "Bad_"; }), 422, /metadata\.generateName: Invalid value: "Bad_"/),
    post("a label key with a space", body(k, "labelkey", (o) => (o.metadata.labels = { "bad key": "x" })), 422,
      invalidAt(k, "labelkey", `metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters`)),
    post("a label value of 64 characters", body(k, "labelvalue", (o) => (o.metadata.labels = { a: "v".repeat(64) })), 422,
      invalidAt(k, "labelvalue", `metadata.labels: Invalid value: "${"v".repeat(64)}": must be no more than 63 characters`)),
    post("a label value with a slash", body(k, "labelslash", (o) => (o.metadata.labels = { a: "x/y" })), 422, /metadata\.labels: Invalid value: "x\/y": a valid label must be an empty string/),
    post("a label whose key has an empty prefix", body(k, "labelprefix", (o) => (o.metadata.labels = { "/a": "x" })), 422, /metadata\.labels: Invalid value: "\/a": prefix part must be non-empty/),
    post("a label value that is a number", body(k, "labelnumber", (o) => (o.metadata.labels = { a: 5 })), 400, new RegExp(`^${escape(k.kind)} in version "[^"]+" cannot be handled as a`)),
    post("labels that are a string", body(k, "labelstring", (o) => (o.metadata.labels = "app=web")), 400),
    post("an annotation key with two slashes", body(k, "annotationkey", (o) => (o.metadata.annotations = { "a/b/c": "x" })), 422, /metadata\.annotations: Invalid value: "a\/b\/c": a qualified name must consist of/),
    post("annotations over 256 KiB", body(k, "annotationsize", (o) => (o.metadata.annotations = { a: "x".repeat(262_144) })), 422, /metadata\.annotations: Too long/),
    post("an annotation value that is an object", body(k, "annotationobject", (o) => (o.metadata.annotations = { a: { b: "c" } })), 400),
    post("an invalid finalizer", body(k, "finalizer", (o) => (o.metadata.finalizers = ["bad finalizer!"])), 422, /metadata\.finalizers: Invalid value: "bad finalizer!"/),
    post("both orphan and foregroundDeletion finalizers", body(k, "finalizers", (o) => (o.metadata.finalizers = ["orphan", "foregroundDeletion"])), 422,
      /finalizer orphan and foregroundDeletion cannot be both set/),
    post("an owner reference without a uid", body(k, "owner", (o) => (o.metadata.ownerReferences = [{ apiVersion: "v1", kind: "ConfigMap", name: "x", uid: "" }])), 422,
      /metadata\.ownerReferences\.uid: Invalid value: "": must not be empty/),
    post("two controller owner references", body(k, "owners", (o) => (o.metadata.ownerReferences = [
      { apiVersion: "v1", kind: "ConfigMap", name: "a", uid: "1", controller: true },
      { apiVersion: "v1", kind: "ConfigMap", name: "b", uid: "2", controller: true },
    ])), 422, /Only one reference can have Controller set to true/),
    post("an Event as owner", body(k, "eventowner", (o) => (o.metadata.ownerReferences = [{ apiVersion: "v1", kind: "Event", name: "e", uid: "1" }])), 422,
      /\/v1, Kind=Event is disallowed from being an owner/),
    post("metadata that is an array", body(k, "x", (o) => (o.metadata = [])), 400),
    post("a body kind of another kind", body(k, "otherkind", (o) => (o.kind = k.kind === "Secret" ? "ConfigMap" : "Secret")), 400),
    post("a body apiVersion of a version that does not exist", body(k, "otherversion", (o) => (o.apiVersion = `${k.apiVersion.includes("/") ? k.apiVersion.split("/")[0] + "/" : ""}v9`)), 400),
  ];
  if (k.namespaced) {
    out.push(post("a body namespace other than the path's", body(k, "otherns", (o) => (o.metadata.namespace = "kube-system")), 400,
      "the namespace of the provided object does not match the namespace sent on the request"));
  }
  if (k.objectField) {
    out.push(post(`${k.objectField} that is a string`, body(k, "wrongtype", (o) => (o[k.objectField!] = "x")), 400,
      new RegExp(`^${escape(k.kind)} in version "[^"]+" cannot be handled as a ${escape(k.kind)}`)));
  }
  return out;
}

const post = (name: string, path: string, b: unknown, code: number, message?: string | RegExp): BadInputCase => ({
  name, method: "POST", path, body: typeof b === "string" ? b : json(b), code, ...(message ? { message } : {}),
});

const configMaps = core("configmaps");
const secrets = core("secrets");
const pods = core("pods");

const configKeyRule = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const configMapCases: BadInputCase[] = [
  post("ConfigMap: a data key with a slash", configMaps, { metadata: { name: "cm-slash" }, data: { "a/b": "x" } }, 422,
    `ConfigMap "cm-slash" is invalid: data[a/b]: Invalid value: "a/b": ${configKeyRule}`),
  post("ConfigMap: a data key with a space", configMaps, { metadata: { name: "cm-space" }, data: { "a b": "x" } }, 422, /data\[a b\]: Invalid value: "a b": a valid config key/),
  post("ConfigMap: the data key '.'", configMaps, { metadata: { name: "cm-dot" }, data: { ".": "x" } }, 422, `ConfigMap "cm-dot" is invalid: data[.]: Invalid value: ".": must not be '.'`),
  post("ConfigMap: the data key '..'", configMaps, { metadata: { name: "cm-dotdot" }, data: { "..": "x" } }, 422, `ConfigMap "cm-dotdot" is invalid: data[..]: Invalid value: "..": must not be '..'`),
  post("ConfigMap: a data key starting with '..'", configMaps, { metadata: { name: "cm-dotdotx" }, data: { "..x": "x" } }, 422, /data\[\.\.x\]: Invalid value: "\.\.x": must not start with '\.\.'/),
  post("ConfigMap: a data key of 254 characters", configMaps, { metadata: { name: "cm-longkey" }, data: { ["k".repeat(254)]: "x" } }, 422, /must be no more than 253 characters/),
  post("ConfigMap: an empty data key", configMaps, { metadata: { name: "cm-emptykey" }, data: { "": "x" } }, 422, /data\[\]: Invalid value: "": a valid config key/),
  post("ConfigMap: a binaryData key with a slash", configMaps, { metadata: { name: "cm-binslash" }, binaryData: { "a/b": "eA==" } }, 422, /binaryData\[a\/b\]: Invalid value: "a\/b": a valid config key/),
  post("ConfigMap: the same key in data and binaryData", configMaps, { metadata: { name: "cm-dup" }, data: { k: "x" }, binaryData: { k: "eA==" } }, 422,
    `ConfigMap "cm-dup" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData`),
  post("ConfigMap: binaryData that is not base64", configMaps, { metadata: { name: "cm-b64" }, binaryData: { k: "not base64!" } }, 400, /illegal base64 data at input byte 3/),
  post("ConfigMap: binaryData without padding", configMaps, { metadata: { name: "cm-pad" }, binaryData: { k: "eA" } }, 400, /illegal base64 data at input byte 0/),
  post("ConfigMap: binaryData with garbage after padding", configMaps, { metadata: { name: "cm-trail" }, binaryData: { k: "eA==eA==" } }, 400, /illegal base64 data at input byte 4/),
  post("ConfigMap: binaryData that is a number", configMaps, { metadata: { name: "cm-binnum" }, binaryData: { k: 5 } }, 400),
  post("ConfigMap: a data value that is a number", configMaps, { metadata: { name: "cm-num" }, data: { k: 5 } }, 400, /^ConfigMap in version "v1" cannot be handled as a ConfigMap/),
  post("ConfigMap: data that is a list", configMaps, { metadata: { name: "cm-list" }, data: ["a"] }, 400),
  post("ConfigMap: data over 1 MiB", configMaps, { metadata: { name: "cm-big" }, data: { a: "x".repeat(600_000), b: "y".repeat(600_000) } }, 422,
    `ConfigMap "cm-big" is invalid: []: Too long: may not be more than 1048576 bytes`),
  post("ConfigMap: binaryData and data together over 1 MiB", configMaps, { metadata: { name: "cm-bigbin" }, data: { a: "x".repeat(600_000) }, binaryData: { b: btoa("y".repeat(600_000)) } }, 422, /\[\]: Too long/),
  post("ConfigMap: immutable that is a string", configMaps, { metadata: { name: "cm-imm" }, immutable: "yes" }, 400),
];

const secretCases: BadInputCase[] = [
  post("Secret: a data key with a slash", secrets, { metadata: { name: "s-slash" }, data: { "a/b": "eA==" } }, 422, `Secret "s-slash" is invalid: data[a/b]: Invalid value: "a/b": ${configKeyRule}`),
  post("Secret: the data key '..'", secrets, { metadata: { name: "s-dotdot" }, data: { "..": "eA==" } }, 422, /data\[\.\.\]: Invalid value: "\.\.": must not be '\.\.'/),
  post("Secret: a stringData key with a slash", secrets, { metadata: { name: "s-strslash" }, stringData: { "a/b": "x" } }, 422, /data\[a\/b\]: Invalid value: "a\/b": a valid config key/),
  post("Secret: data that is not base64", secrets, { metadata: { name: "s-b64" }, data: { k: "not base64!" } }, 400, /^Secret in version "v1" cannot be handled as a Secret: .*illegal base64 data at input byte 3/),
  post("Secret: data with a bad padding", secrets, { metadata: { name: "s-pad" }, data: { k: "e===" } }, 400, /illegal base64 data at input byte 1/),
  post("Secret: data over 1 MiB", secrets, { metadata: { name: "s-big" }, stringData: { a: "x".repeat(600_000), b: "y".repeat(600_000) } }, 422, /data: Too long/),
  post("Secret: a TLS secret without tls.key", secrets, { metadata: { name: "s-tls" }, type: "kubernetes.io/tls", data: { "tls.crt": "eA==" } }, 422,
    `Secret "s-tls" is invalid: data[tls.key]: Required value`),
  post("Secret: a dockerconfigjson secret without its key", secrets, { metadata: { name: "s-docker" }, type: "kubernetes.io/dockerconfigjson", data: {} }, 422,
    `Secret "s-docker" is invalid: data[.dockerconfigjson]: Required value`),
  post("Secret: a basic-auth secret without username and password", secrets, { metadata: { name: "s-basic" }, type: "kubernetes.io/basic-auth", data: {} }, 422,
    `Secret "s-basic" is invalid: [data[username]: Required value, data[password]: Required value]`),
  post("Secret: an ssh-auth secret without a private key", secrets, { metadata: { name: "s-ssh" }, type: "kubernetes.io/ssh-auth", data: {} }, 422,
    `Secret "s-ssh" is invalid: data[ssh-privatekey]: Required value`),
  post("Secret: a service-account-token secret without its annotation", secrets, { metadata: { name: "s-sa" }, type: "kubernetes.io/service-account-token" }, 422,
    /metadata\.annotations\[kubernetes\.io\/service-account\.name\]: Required value/),
  post("Secret: stringData value that is a number", secrets, { metadata: { name: "s-strnum" }, stringData: { a: 1 } }, 400),
  post("Secret: type that is a number", secrets, { metadata: { name: "s-type" }, type: 5 }, 400),
];

/** A pod with one container changed by `edit`. */
const podWith = (name: string, edit: (c: Record<string, any>) => void, spec: Record<string, unknown> = {}) => {
  const c: Record<string, any> = { name: "app", image: "nginx:1.25" };
  edit(c);
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [c], ...spec } };
};

const podCases: BadInputCase[] = [
  post("Pod: CPU limit -1", pods, podWith("cpu-neg", (c) => (c.resources = { limits: { cpu: "-1" } })), 422, /spec\.containers\[0\]\.resources\.limits\[cpu\]: Invalid value: "-1": must be greater than or equal to 0/),
  post("Pod: CPU request -1", pods, podWith("cpu-req-neg", (c) => (c.resources = { requests: { cpu: "-1" } })), 422,
    `Pod "cpu-req-neg" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0`),
  post("Pod: memory request -1 as a JSON number", pods, podWith("mem-neg", (c) => (c.resources = { requests: { memory: -1 } })), 422, /resources\.requests\[memory\]: Invalid value: "-1": must be greater than or equal to 0/),
  post("Pod: CPU request above its limit", pods, podWith("cpu-over", (c) => (c.resources = { requests: { cpu: "2" }, limits: { cpu: "1" } })), 422,
    `Pod "cpu-over" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`),
  post("Pod: memory request above its limit", pods, podWith("mem-over", (c) => (c.resources = { requests: { memory: "2Gi" }, limits: { memory: "1Gi" } })), 422,
    /resources\.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi/),
  post("Pod: an init container's request above its limit", pods, podWith("init-over", () => {}, { initContainers: [{ name: "init", image: "busybox", resources: { requests: { cpu: "500m" }, limits: { cpu: "100m" } } }] }), 422,
    /spec\.initContainers\[0\]\.resources\.requests: Invalid value: "500m": must be less than or equal to cpu limit of 100m/),
  post("Pod: a resource that is not a container resource", pods, podWith("res-name", (c) => (c.resources = { limits: { gpu: "1" } })), 422, /resources\.limits\[gpu\]: Invalid value: "gpu": must be a standard resource for containers/),
  post("Pod: an extended resource request without a limit", pods, podWith("res-ext", (c) => (c.resources = { requests: { "example.com/dongle": "1" } })), 422,
    /resources\.limits: Required value: Limit must be set for non overcommitable resources/),
  post("Pod: a fractional extended resource", pods, podWith("res-frac", (c) => (c.resources = { limits: { "example.com/dongle": "500m" }, requests: { "example.com/dongle": "500m" } })), 422, /must be an integer/),
  post("Pod: a CPU quantity that does not parse", pods, podWith("cpu-parse", (c) => (c.resources = { limits: { cpu: "one" } })), 400, /quantities must match the regular expression/),
  post("Pod: a memory quantity with a bad suffix", pods, podWith("mem-suffix", (c) => (c.resources = { limits: { memory: "1Gb" } })), 400),
  post("Pod: a resource quantity that is a boolean", pods, podWith("cpu-bool", (c) => (c.resources = { limits: { cpu: true } })), 400),
  post("Pod: periodSeconds -1", pods, podWith("probe-period", (c) => (c.livenessProbe = { exec: { command: ["true"] }, periodSeconds: -1 })), 422,
    `Pod "probe-period" is invalid: spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0`),
  post("Pod: initialDelaySeconds -5", pods, podWith("probe-delay", (c) => (c.readinessProbe = { tcpSocket: { port: 80 }, initialDelaySeconds: -5 })), 422,
    /readinessProbe\.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0/),
  post("Pod: timeoutSeconds -1", pods, podWith("probe-timeout", (c) => (c.startupProbe = { httpGet: { port: 80 }, timeoutSeconds: -1 })), 422, /startupProbe\.timeoutSeconds: Invalid value: -1: must be greater than or equal to 0/),
  post("Pod: failureThreshold -3", pods, podWith("probe-failure", (c) => (c.livenessProbe = { exec: { command: ["true"] }, failureThreshold: -3 })), 422, /livenessProbe\.failureThreshold: Invalid value: -3/),
  post("Pod: a liveness probe with successThreshold 2", pods, podWith("probe-success", (c) => (c.livenessProbe = { exec: { command: ["true"] }, successThreshold: 2 })), 422,
    `Pod "probe-success" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`),
  post("Pod: a probe without a handler", pods, podWith("probe-none", (c) => (c.livenessProbe = { periodSeconds: 5 })), 422,
    `Pod "probe-none" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type`),
  post("Pod: a probe with two handlers", pods, podWith("probe-two", (c) => (c.readinessProbe = { exec: { command: ["true"] }, tcpSocket: { port: 80 } })), 422,
    /readinessProbe\.tcpSocket: Forbidden: may not specify more than 1 handler type/),
  post("Pod: an exec probe without a command", pods, podWith("probe-exec", (c) => (c.livenessProbe = { exec: {} })), 422, /livenessProbe\.exec\.command: Required value/),
  post("Pod: an httpGet probe on port 0", pods, podWith("probe-port0", (c) => (c.readinessProbe = { httpGet: { port: 0, path: "/" } })), 422,
    /readinessProbe\.httpGet\.port: Invalid value: 0: must be between 1 and 65535, inclusive/),
  post("Pod: a tcpSocket probe on port 70000", pods, podWith("probe-port", (c) => (c.livenessProbe = { tcpSocket: { port: 70000 } })), 422, /livenessProbe\.tcpSocket\.port: Invalid value: 70000/),
  post("Pod: a probe on a port name with upper case", pods, podWith("probe-portname", (c) => (c.livenessProbe = { tcpSocket: { port: "HTTP" } })), 422,
    /livenessProbe\.tcpSocket\.port: Invalid value: "HTTP": must contain only alpha-numeric characters \(a-z, 0-9\), and hyphens \(-\)/),
  post("Pod: an httpGet probe with scheme FTP", pods, podWith("probe-scheme", (c) => (c.livenessProbe = { httpGet: { port: 80, scheme: "FTP" } })), 422,
    /livenessProbe\.httpGet\.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"/),
  post("Pod: a probe grace period of 0", pods, podWith("probe-grace", (c) => (c.livenessProbe = { exec: { command: ["true"] }, terminationGracePeriodSeconds: 0 })), 422,
    /livenessProbe\.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0/),
  post("Pod: a readiness probe with a grace period", pods, podWith("probe-rgrace", (c) => (c.readinessProbe = { exec: { command: ["true"] }, terminationGracePeriodSeconds: 5 })), 422,
    /readinessProbe\.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes/),
  post("Pod: periodSeconds above int32", pods, podWith("probe-int32", (c) => (c.livenessProbe = { exec: { command: ["true"] }, periodSeconds: 2147483648 })), 400, /^Pod in version "v1" cannot be handled as a Pod/),
  post("Pod: periodSeconds 1e308", pods, podWith("probe-huge", (c) => (c.livenessProbe = { exec: { command: ["true"] }, periodSeconds: 1e308 })), 400),
  post("Pod: periodSeconds 1.5", pods, podWith("probe-frac", (c) => (c.livenessProbe = { exec: { command: ["true"] }, periodSeconds: 1.5 })), 400),
  post("Pod: a preStop hook without a handler", pods, podWith("hook-none", (c) => (c.lifecycle = { preStop: {} })), 422, /lifecycle\.preStop: Required value: must specify a handler type/),
  post("Pod: an image with a leading space", pods, podWith("image-space", (c) => (c.image = " nginx")), 422,
    `Pod "image-space" is invalid: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace`),
  post("Pod: an image with a trailing newline", pods, podWith("image-newline", (c) => (c.image = "nginx\n")), 422, /spec\.containers\[0\]\.image: Invalid value: "nginx\\n": must not have leading or trailing whitespace/),
  post("Pod: an image that is a number", pods, podWith("image-number", (c) => (c.image = 5)), 400),
  post("Pod: no image", pods, podWith("image-none", (c) => delete c.image), 422, `Pod "image-none" is invalid: spec.containers[0].image: Required value`),
  post("Pod: containerPort 0", pods, podWith("port-zero", (c) => (c.ports = [{ containerPort: 0 }])), 422, /spec\.containers\[0\]\.ports\[0\]\.containerPort: Required value/),
  post("Pod: containerPort 65536", pods, podWith("port-high", (c) => (c.ports = [{ containerPort: 65536 }])), 422,
    `Pod "port-high" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive`),
  post("Pod: containerPort -1", pods, podWith("port-neg", (c) => (c.ports = [{ containerPort: -1 }])), 422, /containerPort: Invalid value: -1: must be between 1 and 65535, inclusive/),
  post("Pod: containerPort above int32", pods, podWith("port-int32", (c) => (c.ports = [{ containerPort: 4294967296 }])), 400,
    /^Pod in version "v1" cannot be handled as a Pod: .*cannot unmarshal number 4294967296 into Go .*int32/),
  post("Pod: hostPort 70000", pods, podWith("hostport", (c) => (c.ports = [{ containerPort: 80, hostPort: 70000 }])), 422, /ports\[0\]\.hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive/),
  post("Pod: a port name of 16 characters", pods, podWith("portname-long", (c) => (c.ports = [{ containerPort: 80, name: "abcdefghijklmnop" }])), 422, /ports\[0\]\.name: Invalid value: "abcdefghijklmnop": must be no more than 15 characters/),
  post("Pod: a port name of digits only", pods, podWith("portname-digits", (c) => (c.ports = [{ containerPort: 80, name: "8080" }])), 422, /must contain at least one letter \(a-z\)/),
  post("Pod: two ports with one name", pods, podWith("portname-dup", (c) => (c.ports = [{ containerPort: 80, name: "web" }, { containerPort: 81, name: "web" }])), 422,
    /ports\[1\]\.name: Duplicate value: "web"/),
  post("Pod: port protocol HTTP", pods, podWith("port-proto", (c) => (c.ports = [{ containerPort: 80, protocol: "HTTP" }])), 422, /protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"/),
  post("Pod: activeDeadlineSeconds 0", pods, podWith("deadline-zero", () => {}, { activeDeadlineSeconds: 0 }), 422, /spec\.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive/),
  post("Pod: terminationGracePeriodSeconds that is a string", pods, podWith("grace-string", () => {}, { terminationGracePeriodSeconds: "30" }), 400),
  post("Pod: priority above int32", pods, podWith("priority-int32", () => {}, { priority: 2147483648 }), 400, /cannot unmarshal number 2147483648 into Go .*int32/),
  post("Pod: restartPolicy Sometimes", pods, podWith("restart", () => {}, { restartPolicy: "Sometimes" }), 422, /spec\.restartPolicy: Unsupported value: "Sometimes"/),
  post("Pod: dnsPolicy Bogus", pods, podWith("dns", () => {}, { dnsPolicy: "Bogus" }), 422, /spec\.dnsPolicy: Unsupported value: "Bogus"/),
  post("Pod: an invalid nodeSelector key", pods, podWith("nodesel", () => {}, { nodeSelector: { "bad key": "x" } }), 422, /spec\.nodeSelector: Invalid value: "bad key"/),
  post("Pod: no containers", pods, { metadata: { name: "no-containers" }, spec: { containers: [] } }, 422, `Pod "no-containers" is invalid: spec.containers: Required value`),
  post("Pod: a container name with upper case", pods, podWith("ctr-name", (c) => (c.name = "App")), 422, /spec\.containers\[0\]\.name: Invalid value: "App": a lowercase RFC 1123 label/),
  post("Pod: two containers of one name", pods, { metadata: { name: "ctr-dup" }, spec: { containers: [container, container] } }, 422, /spec\.containers\[1\]\.name: Duplicate value: "app"/),
  post("Pod: a volume mount of no volume", pods, podWith("mount", (c) => (c.volumeMounts = [{ name: "data", mountPath: "/data" }])), 422, /volumeMounts\[0\]\.name: Not found: "data"/),
  post("Pod: containers that is an object", pods, { metadata: { name: "ctr-obj" }, spec: { containers: { name: "app" } } }, 400),
  // Go's decoder leaves a null list element at its zero value: an empty container, refused by validation.
  post("Pod: a container that is null", pods, { metadata: { name: "ctr-null" }, spec: { containers: [null] } }, 422, /spec\.containers\[0\]\.name: Required value/),
  post("Pod: a sidecar's restartPolicy on an app container", pods, podWith("ctr-restart", (c) => (c.restartPolicy = "Always")), 422, /spec\.containers\[0\]\.restartPolicy: Forbidden: may not be set for non-init containers/),
];

/** Workloads carry a pod template: the same pod rules apply under their template's path. */
function templateCases(k: KindUnderTest, templatePath: string, withTemplate: (name: string, edit: (c: Record<string, any>) => void) => unknown): BadInputCase[] {
  const at = `${templatePath}.spec.containers[0]`;
  const esc = escape(at);
  return [
    post(`${k.qualified}: a template with CPU -1`, k.path, withTemplate("tpl-cpu", (c) => (c.resources = { limits: { cpu: "-1" } })), 422,
      new RegExp(`${esc}\\.resources\\.limits\\[cpu\\]: Invalid value: "-1": must be greater than or equal to 0`)),
    post(`${k.qualified}: a template with requests above limits`, k.path, withTemplate("tpl-over", (c) => (c.resources = { requests: { memory: "2Gi" }, limits: { memory: "1Gi" } })), 422,
      new RegExp(`${esc}\\.resources\\.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi`)),
    post(`${k.qualified}: a template with periodSeconds -1`, k.path, withTemplate("tpl-probe", (c) => (c.readinessProbe = { tcpSocket: { port: 80 }, periodSeconds: -1 })), 422,
      new RegExp(`${esc}\\.readinessProbe\\.periodSeconds: Invalid value: -1: must be greater than or equal to 0`)),
    post(`${k.qualified}: a template with containerPort 0`, k.path, withTemplate("tpl-port", (c) => (c.ports = [{ containerPort: 0 }])), 422,
      new RegExp(`${esc}\\.ports\\[0\\]\\.containerPort: Required value`)),
    post(`${k.qualified}: a template image with trailing whitespace`, k.path, withTemplate("tpl-image", (c) => (c.image = "nginx ")), 422,
      new RegExp(`${esc}\\.image: Invalid value: "nginx ": must not have leading or trailing whitespace`)),
    post(`${k.qualified}: a template with a CPU that does not parse`, k.path, withTemplate("tpl-parse", (c) => (c.resources = { requests: { cpu: "lots" } })), 400),
  ];
}

const workload = (k: KindUnderTest, spec: (tpl: unknown) => Record<string, unknown>) => (name: string, edit: (c: Record<string, any>) => void) => {
  const c: Record<string, any> = { name: "app", image: "nginx:1.25" };
  edit(c);
  return { apiVersion: k.apiVersion, kind: k.kind, metadata: { name }, spec: spec({ metadata: { labels: { app: "web" } }, spec: { containers: [c], restartPolicy: k.kind === "Job" || k.kind === "CronJob" ? "Never" : undefined } }) };
};

const byKind = (kind: string, qualified?: string) => kinds.find((k) => k.kind === kind && (!qualified || k.qualified === qualified))!;
const deployment = byKind("Deployment");
const replicaSet = byKind("ReplicaSet");
const daemonSet = byKind("DaemonSet");
const job = byKind("Job");
const statefulSet = byKind("StatefulSet");
const cronJob = byKind("CronJob");
const rc = byKind("ReplicationController");
const podTemplate = byKind("PodTemplate");

const workloadCases: BadInputCase[] = [
  ...templateCases(deployment, "spec.template", workload(deployment, (tpl) => ({ replicas: 0, selector, template: tpl }))),
  ...templateCases(replicaSet, "spec.template", workload(replicaSet, (tpl) => ({ replicas: 0, selector, template: tpl }))),
  ...templateCases(daemonSet, "spec.template", workload(daemonSet, (tpl) => ({ selector, template: tpl }))),
  ...templateCases(statefulSet, "spec.template", workload(statefulSet, (tpl) => ({ replicas: 0, selector, template: tpl }))),
  ...templateCases(job, "spec.template", workload(job, (tpl) => ({ suspend: true, template: tpl }))),
  ...templateCases(cronJob, "spec.jobTemplate.spec.template", workload(cronJob, (tpl) => ({ schedule: "0 * * * *", suspend: true, jobTemplate: { spec: { template: tpl } } }))),
  ...templateCases(rc, "spec.template", workload(rc, (tpl) => ({ replicas: 0, selector: { app: "web" }, template: tpl }))),
  ...templateCases(podTemplate, "template", (name, edit) => {
    const c: Record<string, any> = { name: "app", image: "nginx:1.25" };
    edit(c);
    return { apiVersion: "v1", kind: "PodTemplate", metadata: { name }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [c] } } };
  }),
  // A null label or matchLabels value decodes as "" (Go's JSON decoder), so the selector then misses the template.
  post("Deployment.apps: a null matchLabels value", deployment.path,
    `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"null-selector"},"spec":{"selector":{"matchLabels":{"app":null}},"template":${json(template)}}}`, 422,
    /spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":"web"\}: `selector` does not match template `labels`/),
  post("Deployment.apps: a null template label value", deployment.path,
    `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"null-tpl-label"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":null}},"spec":${json(podSpec)}}}}`, 422,
    /spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":""\}: `selector` does not match template `labels`/),
  post("ReplicaSet.apps: a null matchLabels value", replicaSet.path,
    `{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"null-selector"},"spec":{"selector":{"matchLabels":{"app":null}},"template":${json(template)}}}`, 422,
    /`selector` does not match template `labels`/),
  post("DaemonSet.apps: a null matchLabels value", daemonSet.path,
    `{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"null-selector"},"spec":{"selector":{"matchLabels":{"app":null}},"template":${json(template)}}}`, 422,
    /`selector` does not match template `labels`/),
  post("StatefulSet.apps: an empty selector", statefulSet.path, { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "empty-selector" }, spec: { selector: {}, template } }, 422,
    /spec\.selector: Invalid value: .*empty selector is invalid for statefulset/),
  post("StatefulSet.apps: a selector that misses the template", statefulSet.path,
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "miss" }, spec: { selector: { matchLabels: { app: "other" } }, template } }, 422, /`selector` does not match template `labels`/),
  post("StatefulSet.apps: podManagementPolicy Random", statefulSet.path,
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "policy" }, spec: { replicas: 0, podManagementPolicy: "Random", selector, template } }, 422,
    /spec\.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'/),
  post("StatefulSet.apps: a negative partition", statefulSet.path,
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "partition" }, spec: { replicas: 0, updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: -1 } }, selector, template } }, 422,
    /spec\.updateStrategy\.rollingUpdate\.partition: Invalid value: -1: must be greater than or equal to 0/),
  post("StatefulSet.apps: rollingUpdate with OnDelete", statefulSet.path,
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "on-delete" }, spec: { replicas: 0, updateStrategy: { type: "OnDelete", rollingUpdate: { partition: 1 } }, selector, template } }, 422,
    /spec\.updateStrategy\.rollingUpdate: Invalid value: .*only allowed for updateStrategy 'RollingUpdate'/),
  post("StatefulSet.apps: a retention policy Keep", statefulSet.path,
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "retention" }, spec: { replicas: 0, persistentVolumeClaimRetentionPolicy: { whenScaled: "Keep" }, selector, template } }, 422,
    /spec\.persistentVolumeClaimRetentionPolicy\.whenScaled: Unsupported value: "Keep": supported values: "Retain", "Delete"/),
  post("StatefulSet.apps: a partition above int32", statefulSet.path,
    { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "partition-int32" }, spec: { replicas: 0, updateStrategy: { rollingUpdate: { partition: 2147483648 } }, selector, template } }, 400),
  post("Deployment.apps: an empty selector", deployment.path, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "empty-selector" }, spec: { selector: {}, template } }, 422,
    /spec\.selector: Invalid value: .*empty selector is invalid for deployment/),
  post("Deployment.apps: a selector that misses the template", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "miss" }, spec: { selector: { matchLabels: { app: "other" } }, template } }, 422, /`selector` does not match template `labels`/),
  post("Deployment.apps: a matchLabels value with a space", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "sel-value" }, spec: { selector: { matchLabels: { app: "a b" } }, template } }, 422, /spec\.selector\.matchLabels: Invalid value: "a b"/),
  post("Deployment.apps: a matchExpressions operator Near", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "sel-op" }, spec: { selector: { matchLabels: { app: "web" }, matchExpressions: [{ key: "app", operator: "Near", values: ["web"] }] }, template } }, 422,
    /spec\.selector\.matchExpressions\[0\]\.operator: Invalid value: "Near": not a valid selector operator/),
  post("Deployment.apps: negative minReadySeconds", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "min-ready" }, spec: { minReadySeconds: -1, selector, template } }, 422, /spec\.minReadySeconds: Invalid value: -1: must be greater than or equal to 0/),
  post("Deployment.apps: negative revisionHistoryLimit", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "history" }, spec: { revisionHistoryLimit: -1, selector, template } }, 422, /spec\.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0/),
  post("Deployment.apps: progressDeadlineSeconds above int32", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "deadline-int32" }, spec: { progressDeadlineSeconds: 2147483648, selector, template } }, 400),
  post("Deployment.apps: a template with restartPolicy Never", deployment.path,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "restart-never" }, spec: { selector, template: { ...template, spec: { ...podSpec, restartPolicy: "Never" } } } }, 422,
    /spec\.template\.spec\.restartPolicy: Unsupported value: "Never": supported values: "Always"/),
  post("Job.batch: negative parallelism", job.path,
    { apiVersion: "batch/v1", kind: "Job", metadata: { name: "parallelism" }, spec: { parallelism: -1, template: { spec: { ...podSpec, restartPolicy: "Never" } } } }, 422, /spec\.parallelism: Invalid value: -1: must be greater than or equal to 0/),
  post("Job.batch: negative completions", job.path,
    { apiVersion: "batch/v1", kind: "Job", metadata: { name: "completions" }, spec: { completions: -1, template: { spec: { ...podSpec, restartPolicy: "Never" } } } }, 422, /spec\.completions: Invalid value: -1: must be greater than or equal to 0/),
  post("Job.batch: negative backoffLimit", job.path,
    { apiVersion: "batch/v1", kind: "Job", metadata: { name: "backoff" }, spec: { backoffLimit: -1, template: { spec: { ...podSpec, restartPolicy: "Never" } } } }, 422, /spec\.backoffLimit: Invalid value: -1: must be greater than or equal to 0/),
  post("Job.batch: backoffLimit above int32", job.path,
    { apiVersion: "batch/v1", kind: "Job", metadata: { name: "backoff-int32" }, spec: { backoffLimit: 2147483648, template: { spec: { ...podSpec, restartPolicy: "Never" } } } }, 400),
  post("Job.batch: negative activeDeadlineSeconds", job.path,
    { apiVersion: "batch/v1", kind: "Job", metadata: { name: "job-deadline" }, spec: { activeDeadlineSeconds: -1, template: { spec: { ...podSpec, restartPolicy: "Never" } } } }, 422,
    /spec\.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0/),
  post("Job.batch: a template with restartPolicy Always", job.path,
    { apiVersion: "batch/v1", kind: "Job", metadata: { name: "job-restart" }, spec: { template: { spec: { ...podSpec, restartPolicy: "Always" } } } }, 422,
    /spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"|spec\.template\.spec\.restartPolicy: Unsupported value: "Always"/),
  post("CronJob.batch: a schedule that does not parse", cronJob.path,
    { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "schedule" }, spec: { schedule: "every minute", jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: "Never" } } } } } }, 422,
    /spec\.schedule: Invalid value: "every minute"/),
  post("CronJob.batch: negative successfulJobsHistoryLimit", cronJob.path,
    { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "history" }, spec: { schedule: "0 * * * *", successfulJobsHistoryLimit: -1, jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: "Never" } } } } } }, 422,
    /spec\.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0/),
  post("CronJob.batch: concurrencyPolicy Sometimes", cronJob.path,
    { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "concurrency" }, spec: { schedule: "0 * * * *", concurrencyPolicy: "Sometimes", jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: "Never" } } } } } }, 422,
    /spec\.concurrencyPolicy: Unsupported value: "Sometimes"/),
  post("ReplicationController: a selector that misses the template", rc.path,
    { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc-miss" }, spec: { selector: { app: "other" }, template } }, 422, /`selector` does not match template `labels`/),
  post("ReplicationController: negative minReadySeconds", rc.path,
    { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc-ready" }, spec: { minReadySeconds: -1, selector: { app: "web" }, template } }, 422, /spec\.minReadySeconds: Invalid value: -1: must be greater than or equal to 0/),
];

const services = core("services");
const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Service", metadata: { name }, spec });
const serviceCases: BadInputCase[] = [
  post("Service: port 0", services, svc("port-zero", { ports: [{ port: 0 }] }), 422, /spec\.ports\[0\]\.port: Required value|spec\.ports\[0\]\.port: Invalid value: 0/),
  post("Service: port 70000", services, svc("port-high", { ports: [{ port: 70000 }] }), 422, /spec\.ports\[0\]\.port: Invalid value: 70000: must be between 1 and 65535, inclusive/),
  post("Service: port above int32", services, svc("port-int32", { ports: [{ port: 2147483648 }] }), 400, /cannot unmarshal number 2147483648 into Go .*int32/),
  post("Service: port as a string", services, svc("port-string", { ports: [{ port: "80" }] }), 400),
  post("Service: targetPort 70000", services, svc("target-high", { ports: [{ port: 80, targetPort: 70000 }] }), 422, /spec\.ports\[0\]\.targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive/),
  post("Service: a targetPort name with upper case", services, svc("target-name", { ports: [{ port: 80, targetPort: "HTTP" }] }), 422, /spec\.ports\[0\]\.targetPort: Invalid value: "HTTP"/),
  post("Service: nodePort on a ClusterIP Service", services, svc("nodeport", { ports: [{ port: 80, nodePort: 30080 }] }), 422,
    /spec\.ports\[0\]\.nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/),
  post("Service: type Bogus", services, svc("type", { type: "Bogus", ports: [{ port: 80 }] }), 422, /spec\.type: Unsupported value: "Bogus"/),
  post("Service: two ports of one name", services, svc("port-dup", { ports: [{ port: 80, name: "web" }, { port: 81, name: "web" }] }), 422, /spec\.ports\[1\]\.name: Duplicate value: "web"/),
  post("Service: a selector value with a space", services, svc("selector", { selector: { app: "a b" }, ports: [{ port: 80 }] }), 422, /spec\.selector: Invalid value: "a b"/),
  post("Service: ports that is an object", services, svc("ports-obj", { ports: { port: 80 } }), 400),
  post("Service: a node port above 32767", services, svc("nodeport-high", { type: "NodePort", ports: [{ port: 80, nodePort: 40000 }] }), 422,
    /spec\.ports\[0\]\.nodePort: Invalid value: 40000: provided port is not in the valid range\. The range of valid ports is 30000-32767/),
  post("Service: a cluster IP outside the service CIDR", services, svc("ip-out", { clusterIP: "10.0.0.5", ports: [{ port: 80 }] }), 422,
    /spec\.clusterIPs: Invalid value: \[\]string\{"10\.0\.0\.5"\}: failed to allocate IP 10\.0\.0\.5: the provided network does not match the current range/),
  post("Service: externalTrafficPolicy on a ClusterIP Service", services, svc("etp", { externalTrafficPolicy: "Local", ports: [{ port: 80 }] }), 422,
    /spec\.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services/),
];

const priorityClassCases: BadInputCase[] = [
  post("PriorityClass: a value above one billion", "/apis/scheduling.k8s.io/v1/priorityclasses",
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "too-high" }, value: 2000000000 }, 422,
    /value: Forbidden: maximum allowed value of a user defined priority is 1000000000/),
  post("PriorityClass: a value above int32", "/apis/scheduling.k8s.io/v1/priorityclasses",
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "int32" }, value: 2147483648 }, 400),
  post("PriorityClass: a value that is a string", "/apis/scheduling.k8s.io/v1/priorityclasses",
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "string" }, value: "high" }, 400),
  post("PriorityClass: a name with the system- prefix", "/apis/scheduling.k8s.io/v1/priorityclasses",
    { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "system-mine" }, value: 10 }, 422,
    /metadata\.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only/),
];

const storageClasses = "/apis/storage.k8s.io/v1/storageclasses";
const storageClass = (name: string, fields: Record<string, unknown>) => ({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name }, ...fields });
const storageClassCases: BadInputCase[] = [
  post("StorageClass: no provisioner", storageClasses, storageClass("sc-none", {}), 422, 'StorageClass.storage.k8s.io "sc-none" is invalid: provisioner: Required value'),
  post("StorageClass: a provisioner with a space", storageClasses, storageClass("sc-space", { provisioner: "my disk" }), 422, /provisioner: Invalid value: "my disk": name part must consist of/),
  post("StorageClass: reclaimPolicy Recycle", storageClasses, storageClass("sc-recycle", { provisioner: "p", reclaimPolicy: "Recycle" }), 422,
    'StorageClass.storage.k8s.io "sc-recycle" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"'),
  post("StorageClass: volumeBindingMode Later", storageClasses, storageClass("sc-later", { provisioner: "p", volumeBindingMode: "Later" }), 422,
    /volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"/),
  post("StorageClass: a provisioner that is a number", storageClasses, storageClass("sc-number", { provisioner: 5 }), 400, /^StorageClass in version "v1" cannot be handled as a StorageClass/),
  post("StorageClass: parameters that are a list", storageClasses, storageClass("sc-list", { provisioner: "p", parameters: ["a"] }), 400),
  post("StorageClass: allowedTopologies without values", storageClasses,
    storageClass("sc-topo", { provisioner: "p", allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: [] }] }] }), 422,
    /allowedTopologies\[0\]\.matchLabelExpressions\[0\]\.values: Required value/),
];

const claims = core("persistentvolumeclaims");
const claim = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name }, spec });
const volumes = "/api/v1/persistentvolumes";
const volume = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name }, spec });
const rwo = ["ReadWriteOnce"];
const persistentVolumeCases: BadInputCase[] = [
  post("PersistentVolumeClaim: no access modes, no storage", claims, claim("pvc-empty", {}), 422,
    'PersistentVolumeClaim "pvc-empty" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]'),
  post("PersistentVolumeClaim: an unknown access mode", claims, claim("pvc-mode", { accessModes: ["ReadWriteSometimes"], resources: { requests: { storage: "1Gi" } } }), 422,
    /spec\.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"/),
  post("PersistentVolumeClaim: a zero storage request", claims, claim("pvc-zero", { accessModes: rwo, resources: { requests: { storage: "0" } } }), 422,
    'PersistentVolumeClaim "pvc-zero" is invalid: spec.resources[storage]: Invalid value: "0": must be greater than zero'),
  post("PersistentVolumeClaim: volumeMode Raw", claims, claim("pvc-raw", { accessModes: rwo, volumeMode: "Raw", resources: { requests: { storage: "1Gi" } } }), 422,
    /spec\.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"/),
  post("PersistentVolumeClaim: accessModes that is a string", claims, claim("pvc-string", { accessModes: "ReadWriteOnce" }), 400),
  post("PersistentVolume: no source, no capacity", volumes, volume("pv-empty", { accessModes: rwo }), 422,
    'PersistentVolume "pv-empty" is invalid: [spec.capacity: Required value, spec.capacity: Unsupported value: {}: supported values: "storage", spec: Required value: must specify a volume type]'),
  post("PersistentVolume: two sources", volumes, volume("pv-two", { accessModes: rwo, capacity: { storage: "1Gi" }, hostPath: { path: "/a" }, nfs: { server: "s", path: "/b" } }), 422,
    'PersistentVolume "pv-two" is invalid: spec.nfs: Forbidden: may not specify more than 1 volume type'),
  post("PersistentVolume: a local volume without node affinity", volumes, volume("pv-local", { accessModes: rwo, capacity: { storage: "1Gi" }, local: { path: "/mnt/disk" } }), 422,
    'PersistentVolume "pv-local" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity'),
  post("PersistentVolume: reclaim policy Keep", volumes, volume("pv-keep", { accessModes: rwo, capacity: { storage: "1Gi" }, hostPath: { path: "/a" }, persistentVolumeReclaimPolicy: "Keep" }), 422,
    /spec\.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"/),
];

const rbacPath = (resource: string, namespaced: boolean) => (namespaced ? group("rbac.authorization.k8s.io/v1", resource) : `/apis/rbac.authorization.k8s.io/v1/${resource}`);
const rbacObject = (kind: string, name: string, fields: Record<string, unknown>) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name }, ...fields });
const rbacRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" };
const rbacCases: BadInputCase[] = [
  post("Role: a rule without verbs", rbacPath("roles", true), rbacObject("Role", "no-verbs", { rules: [{ verbs: [], apiGroups: [""], resources: ["pods"] }] }), 422,
    'Role.rbac.authorization.k8s.io "no-verbs" is invalid: rules[0].verbs: Required value: verbs must contain at least one value'),
  post("Role: a non-resource URL", rbacPath("roles", true), rbacObject("Role", "urls", { rules: [{ verbs: ["get"], nonResourceURLs: ["/healthz"] }] }), 422,
    'Role.rbac.authorization.k8s.io "urls" is invalid: rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs'),
  post("Role: a name with a slash", rbacPath("roles", true), rbacObject("Role", "a/b", {}), 422, /metadata\.name: Invalid value: "a\/b": may not contain '\/'/),
  post("Role: rules that are an object", rbacPath("roles", true), rbacObject("Role", "obj", { rules: {} }), 400, /^Role in version "v1" cannot be handled as a Role/),
  post("ClusterRole: an empty aggregationRule", rbacPath("clusterroles", false), rbacObject("ClusterRole", "agg", { aggregationRule: {} }), 422,
    /aggregationRule\.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil/),
  post("RoleBinding: a roleRef of kind Pod", rbacPath("rolebindings", true), rbacObject("RoleBinding", "pod-ref", { roleRef: { ...rbacRef, kind: "Pod" } }), 422,
    'RoleBinding.rbac.authorization.k8s.io "pod-ref" is invalid: roleRef.kind: Unsupported value: "Pod": supported values: "Role", "ClusterRole"'),
  post("RoleBinding: no roleRef", rbacPath("rolebindings", true), rbacObject("RoleBinding", "no-ref", {}), 422,
    'RoleBinding.rbac.authorization.k8s.io "no-ref" is invalid: roleRef: Required value'),
  post("ClusterRoleBinding: a Role", rbacPath("clusterrolebindings", false), rbacObject("ClusterRoleBinding", "role-ref", { roleRef: { ...rbacRef, kind: "Role" } }), 422,
    /roleRef\.kind: Unsupported value: "Role": supported values: "ClusterRole"/),
  post("ClusterRoleBinding: a ServiceAccount without namespace", rbacPath("clusterrolebindings", false),
    rbacObject("ClusterRoleBinding", "sa", { roleRef: rbacRef, subjects: [{ kind: "ServiceAccount", name: "app" }] }), 422, /subjects\[0\]\.namespace: Required value/),
  post("ClusterRoleBinding: a User without apiGroup", rbacPath("clusterrolebindings", false),
    rbacObject("ClusterRoleBinding", "user", { roleRef: rbacRef, subjects: [{ kind: "User", name: "jane" }] }), 422,
    /subjects\[0\]\.apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"/),
];

const ingressesPath = group("networking.k8s.io/v1", "ingresses");
const ingress = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name }, spec });
const ingressRule = (path: Record<string, unknown>) => ({ rules: [{ host: "foo.example.com", http: { paths: [path] } }] });
const webBackend = { service: { name: "web", port: { number: 80 } } };
const netpols = group("networking.k8s.io/v1", "networkpolicies");
const netpol = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name }, spec });
const networkingCases: BadInputCase[] = [
  post("Ingress: neither a default backend nor rules", ingressesPath, ingress("ing-empty", {}), 422,
    'Ingress.networking.k8s.io "ing-empty" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'),
  post("Ingress: a path without pathType", ingressesPath, ingress("ing-nopt", ingressRule({ path: "/", backend: webBackend })), 422,
    'Ingress.networking.k8s.io "ing-nopt" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'),
  post("Ingress: a relative Prefix path", ingressesPath, ingress("ing-rel", ingressRule({ path: "api", pathType: "Prefix", backend: webBackend })), 422,
    /spec\.rules\[0\]\.http\.paths\[0\]\.path: Invalid value: "api": must be an absolute path$/),
  post("Ingress: an IP as host", ingressesPath, ingress("ing-ip", { rules: [{ host: "10.0.0.1" }] }), 422, /spec\.rules\[0\]\.host: Invalid value: "10\.0\.0\.1": must be a DNS name, not an IP address/),
  post("Ingress: a wildcard that is not the first label", ingressesPath, ingress("ing-wild", { rules: [{ host: "foo.*.com" }] }), 422, /a wildcard DNS-1123 subdomain must start with '\*\.'/),
  post("Ingress: a backend with both port name and number", ingressesPath,
    ingress("ing-ports", { defaultBackend: { service: { name: "web", port: { name: "http", number: 80 } } } }), 422,
    'Ingress.networking.k8s.io "ing-ports" is invalid: spec.defaultBackend: Invalid value: "": cannot set both port name & port number'),
  post("Ingress: a backend with neither service nor resource", ingressesPath, ingress("ing-nob", ingressRule({ path: "/", pathType: "Exact" })), 422,
    /spec\.rules\[0\]\.http\.paths\[0\]\.backend: Invalid value: "": resource or service backend is required/),
  post("Ingress: a port number that is a string", ingressesPath, ingress("ing-str", { defaultBackend: { service: { name: "web", port: { number: "80" } } } }), 400),
  post("IngressClass: no controller", "/apis/networking.k8s.io/v1/ingressclasses", { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: { name: "ic-none" }, spec: {} }, 422,
    'IngressClass.networking.k8s.io "ic-none" is invalid: spec.controller: Required value'),
  post("NetworkPolicy: an ipBlock beside a podSelector", netpols, netpol("np-both", { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} }] }] }), 422,
    'NetworkPolicy.networking.k8s.io "np-both" is invalid: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer'),
  post("NetworkPolicy: an except outside the cidr", netpols, netpol("np-except", { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/16", except: ["10.1.0.0/24"] } }] }] }), 422,
    /spec\.egress\[0\]\.to\[0\]\.ipBlock\.except\[0\]: Invalid value: "10\.1\.0\.0\/24": must be a strict subset of `cidr`/),
  post("NetworkPolicy: endPort with a named port", netpols, netpol("np-end", { podSelector: {}, ingress: [{ ports: [{ port: "http", endPort: 90 }] }] }), 422,
    /spec\.ingress\[0\]\.ports\[0\]\.endPort: Invalid value: 90: may not be specified when `port` is non-numeric/),
  post("NetworkPolicy: an unknown policy type", netpols, netpol("np-type", { podSelector: {}, policyTypes: ["Sideways"] }), 422,
    /spec\.policyTypes\[0\]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"/),
  post("NetworkPolicy: a podSelector that is a string", netpols, netpol("np-sel", { podSelector: "app=web" }), 400),
];

const pdbs = group("policy/v1", "poddisruptionbudgets");
const pdb = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name }, spec });
const pdbCases: BadInputCase[] = [
  post("PodDisruptionBudget: minAvailable and maxUnavailable", pdbs, pdb("pdb-both", { minAvailable: 1, maxUnavailable: 1 }), 422,
    /^PodDisruptionBudget\.policy "pdb-both" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{MinAvailable:\(\*intstr\.IntOrString\)\(0x[0-9a-f]+\), .*: minAvailable and maxUnavailable cannot be both set$/),
  post("PodDisruptionBudget: a percentage without %", pdbs, pdb("pdb-pct", { maxUnavailable: "50" }), 422,
    /spec\.maxUnavailable: Invalid value: intstr\.IntOrString\{Type:1, IntVal:0, StrVal:"50"\}: a valid percent string must be/),
  post("PodDisruptionBudget: over 100%", pdbs, pdb("pdb-150", { minAvailable: "150%" }), 422, /spec\.minAvailable: .*: must not be greater than 100%$/),
  post("PodDisruptionBudget: a negative count", pdbs, pdb("pdb-neg", { minAvailable: -1 }), 422,
    'PodDisruptionBudget.policy "pdb-neg" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'),
  post("PodDisruptionBudget: an unknown eviction policy", pdbs, pdb("pdb-policy", { minAvailable: 1, unhealthyPodEvictionPolicy: "Never" }), 422,
    /spec\.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"/),
  post("PodDisruptionBudget: a count that is a list", pdbs, pdb("pdb-list", { minAvailable: [1] }), 400),
];

const hpas = group("autoscaling/v2", "horizontalpodautoscalers");
const hpa = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, ...spec },
});
const hpaCases: BadInputCase[] = [
  post("HorizontalPodAutoscaler: maxReplicas below minReplicas", hpas, hpa("hpa-bounds", { minReplicas: 5, maxReplicas: 2 }), 422,
    'HorizontalPodAutoscaler.autoscaling "hpa-bounds" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`'),
  post("HorizontalPodAutoscaler: a target without kind or name", hpas, hpa("hpa-noref", { maxReplicas: 2, scaleTargetRef: { kind: "", name: "" } }), 422,
    'HorizontalPodAutoscaler.autoscaling "hpa-noref" is invalid: [spec.scaleTargetRef.kind: Required value, spec.scaleTargetRef.name: Required value]'),
  post("HorizontalPodAutoscaler: a metric without its source", hpas, hpa("hpa-metric", { maxReplicas: 2, metrics: [{ type: "Resource" }] }), 422,
    /spec\.metrics\[0\]\.resource: Required value: must populate information for the given metric source$/),
  post("HorizontalPodAutoscaler: a policy of no period", hpas,
    hpa("hpa-policy", { maxReplicas: 2, behavior: { scaleUp: { policies: [{ type: "Pods", value: 1, periodSeconds: 0 }] } } }), 422,
    /spec\.behavior\.scaleUp\.policies\[0\]\.periodSeconds: Invalid value: 0: must be greater than zero$/),
  post("HorizontalPodAutoscaler: a target quantity that does not parse", hpas,
    hpa("hpa-qty", { maxReplicas: 2, metrics: [{ type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "lots" } } }] }), 400),
  post("HorizontalPodAutoscaler: maxReplicas above int32", hpas, hpa("hpa-int32", { maxReplicas: 2147483648 }), 400),
];

const endpointSliceCases: BadInputCase[] = [
  post("EndpointSlice: port above int32", group("discovery.k8s.io/v1", "endpointslices"),
    { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "slice-int32" }, addressType: "IPv4", endpoints: [], ports: [{ port: 2147483648 }] }, 400),
];

const nodeCases: BadInputCase[] = [
  post("Node: a capacity quantity that does not parse", "/api/v1/nodes",
    { apiVersion: "v1", kind: "Node", metadata: { name: "neg-capacity" }, status: { capacity: { cpu: "1e308x" } } }, 400, /quantities must match the regular expression|unable to parse quantity/),
];

const otherKindCases: BadInputCase[] = [
  post("ResourceQuota: a negative hard limit", core("resourcequotas"), { metadata: { name: "rq-neg" }, spec: { hard: { pods: "-1" } } }, 422,
    `ResourceQuota "rq-neg" is invalid: spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0`),
  post("ResourceQuota: a fractional pod count", core("resourcequotas"), { metadata: { name: "rq-frac" }, spec: { hard: { pods: "1500m" } } }, 422,
    /spec\.hard\[pods\]: Invalid value: "1500m": must be an integer/),
  post("ResourceQuota: a hard limit that does not parse", core("resourcequotas"), { metadata: { name: "rq-parse" }, spec: { hard: { cpu: "lots" } } }, 400, /quantities must match/),
  post("ResourceQuota: hard that is a list", core("resourcequotas"), { metadata: { name: "rq-list" }, spec: { hard: ["pods"] } }, 400),
  post("LimitRange: a max that does not parse", core("limitranges"), { metadata: { name: "lr-parse" }, spec: { limits: [{ type: "Container", max: { cpu: "1 core" } }] } }, 400),
  post("LimitRange: limits that is an object", core("limitranges"), { metadata: { name: "lr-obj" }, spec: { limits: { type: "Container" } } }, 400),
  post("Lease: leaseDurationSeconds 0", group("coordination.k8s.io/v1", "leases"), { metadata: { name: "lease-zero" }, spec: { leaseDurationSeconds: 0 } }, 422,
    /spec\.leaseDurationSeconds: Invalid value: 0: must be greater than 0/),
  post("Lease: negative leaseTransitions", group("coordination.k8s.io/v1", "leases"), { metadata: { name: "lease-trans" }, spec: { leaseTransitions: -1 } }, 422,
    /spec\.leaseTransitions: Invalid value: -1: must be greater than or equal to 0/),
  post("Lease: a renewTime that is a number", group("coordination.k8s.io/v1", "leases"), { metadata: { name: "lease-time" }, spec: { renewTime: 5 } }, 400),
  post("EndpointSlice: addressType Bogus", group("discovery.k8s.io/v1", "endpointslices"), { metadata: { name: "slice-type" }, addressType: "Bogus", endpoints: [] }, 422,
    /addressType: Unsupported value: "Bogus": supported values: "FQDN", "IPv4", "IPv6"/),
  post("EndpointSlice: port 0", group("discovery.k8s.io/v1", "endpointslices"), { metadata: { name: "slice-port" }, addressType: "IPv4", endpoints: [], ports: [{ port: 0 }] }, 422,
    /ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive/),
  post("EndpointSlice: endpoints that is an object", group("discovery.k8s.io/v1", "endpointslices"), { metadata: { name: "slice-obj" }, addressType: "IPv4", endpoints: {} }, 400),
  post("Endpoints: port 70000", core("endpoints"), { metadata: { name: "ep-port" }, subsets: [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 70000 }] }] }, 422,
    /subsets\[0\]\.ports\[0\]\.port: Invalid value: 70000: must be between 1 and 65535, inclusive/),
  post("Endpoints: protocol HTTP", core("endpoints"), { metadata: { name: "ep-proto" }, subsets: [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80, protocol: "HTTP" }] }] }, 422,
    /subsets\[0\]\.ports\[0\]\.protocol: Unsupported value: "HTTP"/),
  post("Endpoints: port above int32", core("endpoints"), { metadata: { name: "ep-int32" }, subsets: [{ ports: [{ port: 2147483648 }] }] }, 400),
  post("Event: an involved object in another namespace", core("events"),
    { metadata: { name: "ev-ns" }, involvedObject: { kind: "Pod", name: "p", namespace: "kube-system" }, reason: "R", message: "m", type: "Normal" }, 422,
    `Event "ev-ns" is invalid: involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace`),
  post("Event: count that is a string", core("events"),
    { metadata: { name: "ev-count" }, involvedObject: { kind: "Pod", name: "p", namespace: ns }, reason: "R", message: "m", count: "1" }, 400),
  post("Namespace: spec.finalizers that is a string", "/api/v1/namespaces", { metadata: { name: "ns-fin" }, spec: { finalizers: "kubernetes" } }, 400),
  post("Node: spec.unschedulable that is a string", "/api/v1/nodes", { metadata: { name: "node-unsched" }, spec: { unschedulable: "yes" } }, 400),
  post("ServiceAccount: secrets that is an object", core("serviceaccounts"), { metadata: { name: "sa-secrets" }, secrets: { name: "x" } }, 400),
  post("ControllerRevision.apps: a negative revision", group("apps/v1", "controllerrevisions"), { metadata: { name: "cr-neg" }, revision: -1 }, 422,
    /revision: Invalid value: -1: must be greater than or equal to 0/),
  post("ControllerRevision.apps: a revision that is a string", group("apps/v1", "controllerrevisions"), { metadata: { name: "cr-str" }, revision: "1" }, 400),
  post("SelfSubjectAccessReview.authorization.k8s.io: spec that is a string", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
    { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: "x" }, 400),
  post("SelfSubjectAccessReview.authorization.k8s.io: a body of another kind", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
    { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: {} }, 400),
  post("SelfSubjectRulesReview.authorization.k8s.io: spec.namespace that is a number", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
    { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: { namespace: 5 } }, 400),
];

/**
 * JSON null in a required struct or list field: Go's decoder leaves the zero value (an empty struct or list), so
 * validation answers 422 where the field was needed.
 */
const nullFieldCases: BadInputCase[] = [
  post("Pod: spec.containers null", pods, '{"metadata":{"name":"null-containers"},"spec":{"containers":null}}', 422, `Pod "null-containers" is invalid: spec.containers: Required value`),
  post("Pod: an env var name null", pods, '{"metadata":{"name":"null-env"},"spec":{"containers":[{"name":"a","image":"nginx","env":[{"name":null,"value":"x"}]}]}}', 422,
    /spec\.containers\[0\]\.env\[0\]\.name: Required value/),
  post("Deployment.apps: spec.template null", deployment.path, '{"metadata":{"name":"null-template"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":null}}', 422,
    /spec\.template\.spec\.containers: Required value/),
  post("CronJob.batch: spec.jobTemplate null", cronJob.path, '{"metadata":{"name":"null-jobtemplate"},"spec":{"schedule":"0 * * * *","jobTemplate":null}}', 422,
    `CronJob.batch "null-jobtemplate" is invalid: [spec.jobTemplate.spec.template.spec.containers: Required value, spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"]`),
];

/** Writes to the objects the runner seeds (`seed`): an update is validated like a create. */
const merge = "application/merge-patch+json";
const strategic = "application/strategic-merge-patch+json";
const patchSeed = (name: string, path: string, patch: unknown, contentType: string, code: number, message?: string | RegExp): BadInputCase => ({
  name, method: "PATCH", path, body: json(patch), contentType, code, ...(message ? { message } : {}),
});
const seedConfigMap = `${configMaps}/seed`;
const seedSecret = `${secrets}/seed`;
const seedPod = `${pods}/seed`;
const seedDeployment = `${deployment.path}/seed`;
const seedTemplate = (c: Record<string, unknown>) => ({ spec: { template: { spec: { containers: [{ name: "app", ...c }] } } } });

const updateCases: BadInputCase[] = [
  patchSeed("ConfigMap (patch): a data key with a slash", seedConfigMap, { data: { "a/b": "x" } }, merge, 422, /^ConfigMap "seed" is invalid: data\[a\/b\]: Invalid value: "a\/b": a valid config key/),
  patchSeed("ConfigMap (patch): a binaryData key already in data", seedConfigMap, { binaryData: { a: "eA==" } }, merge, 422,
    `ConfigMap "seed" is invalid: data[a]: Invalid value: "a": duplicate of key present in binaryData`),
  patchSeed("ConfigMap (patch): binaryData that is not base64", seedConfigMap, { binaryData: { k: "%%%%" } }, merge, 400, /illegal base64 data at input byte 0/),
  patchSeed("ConfigMap (strategic patch): the key '..'", seedConfigMap, { data: { "..": "x" } }, strategic, 422, /data\[\.\.\]: Invalid value: "\.\.": must not be '\.\.'/),
  patchSeed("ConfigMap (json patch): a key with a space", seedConfigMap, [{ op: "add", path: "/data/a b", value: "x" }], "application/json-patch+json", 422, /data\[a b\]: Invalid value: "a b"/),
  { name: "ConfigMap (put): a key with a slash", method: "PUT", path: seedConfigMap, body: json({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "seed" }, data: { "x/y": "1" } }), code: 422,
    message: /data\[x\/y\]: Invalid value: "x\/y": a valid config key/ },
  patchSeed("Secret (patch): data that is not base64", seedSecret, { data: { k: "@@@@" } }, merge, 400, /illegal base64 data at input byte 0/),
  patchSeed("Secret (patch): a stringData key with a slash", seedSecret, { stringData: { "a/b": "x" } }, merge, 422, /data\[a\/b\]: Invalid value: "a\/b": a valid config key/),
  patchSeed("Secret (patch): a new type", seedSecret, { type: "kubernetes.io/basic-auth", data: { username: "eA==" } }, merge, 422, /type: Invalid value: "kubernetes\.io\/basic-auth": field is immutable/),
  patchSeed("Pod (strategic patch): an image with a leading space", seedPod, { spec: { containers: [{ name: "app", image: " nginx:1.26" }] } }, strategic, 422,
    `Pod "seed" is invalid: spec.containers[0].image: Invalid value: " nginx:1.26": must not have leading or trailing whitespace`),
  patchSeed("Pod (strategic patch): a label value with a space", seedPod, { metadata: { labels: { app: "a b" } } }, strategic, 422, /metadata\.labels: Invalid value: "a b"/),
  patchSeed("Deployment.apps (strategic patch): a template with CPU -1", seedDeployment, seedTemplate({ resources: { limits: { cpu: "-1" } } }), strategic, 422,
    /spec\.template\.spec\.containers\[0\]\.resources\.limits\[cpu\]: Invalid value: "-1": must be greater than or equal to 0/),
  patchSeed("Deployment.apps (strategic patch): a template probe with periodSeconds -1", seedDeployment, seedTemplate({ livenessProbe: { exec: { command: ["true"] }, periodSeconds: -1 } }), strategic, 422,
    /spec\.template\.spec\.containers\[0\]\.livenessProbe\.periodSeconds: Invalid value: -1: must be greater than or equal to 0/),
  patchSeed("Deployment.apps (strategic patch): requests above limits", seedDeployment, seedTemplate({ resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } }), strategic, 422,
    /spec\.template\.spec\.containers\[0\]\.resources\.requests: Invalid value: "2": must be less than or equal to cpu limit of 1/),
  patchSeed("Deployment.apps (merge patch): a template containerPort above int32", seedDeployment,
    { spec: { template: { spec: { containers: [{ name: "app", image: "nginx:1.25", ports: [{ containerPort: 2147483648 }] }] } } } }, merge, 400),
];

export const cases: BadInputCase[] = [
  ...kinds.flatMap(genericCases),
  ...configMapCases,
  ...secretCases,
  ...podCases,
  ...workloadCases,
  ...serviceCases,
  ...priorityClassCases,
  ...endpointSliceCases,
  ...networkingCases,
  ...pdbCases,
  ...hpaCases,
  ...storageClassCases,
  ...persistentVolumeCases,
  ...rbacCases,
  ...nodeCases,
  ...otherKindCases,
  ...nullFieldCases,
  ...updateCases,
];
