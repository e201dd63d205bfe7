import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  Container,
  CronJob,
  Deployment,
  DeleteOptions,
  Node,
  ObjectMeta,
  Pod,
  PodSpec,
  Service,
} from "../../../src/api/schemas";
import { DeploymentSpec } from "../../../src/api/schemas/apps/deployment";
import { PodDisruptionBudget } from "../../../src/api/schemas/policy/poddisruptionbudget";
import { HorizontalPodAutoscaler } from "../../../src/api/schemas/autoscaling/horizontalpodautoscaler";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The registry metadata of an object field, looked up on the field's inner (non-optional) type. */
function fieldMeta(object: z.ZodObject, field: string): Record<string, unknown> | undefined {
  let schema = object.shape[field] as z.ZodType;
  if (defOf(schema).type === "optional") schema = defOf(schema).innerType as z.ZodType;
  return z.globalRegistry.get(schema) as Record<string, unknown> | undefined;
}

const nginxPod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default", labels: { app: "web" }, creationTimestamp: null },
  spec: {
    containers: [
      {
        name: "nginx",
        image: "nginx:1.27",
        ports: [{ containerPort: 80, name: "http", protocol: "TCP" }],
        env: [
          { name: "MODE", value: "prod" },
          { name: "GREETING", valueFrom: { configMapKeyRef: { name: "web-config", key: "greeting" } } },
          { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
          { name: "MEM", valueFrom: { resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } } },
        ],
        envFrom: [{ configMapRef: { name: "web-config" }, prefix: "CFG_" }],
        resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: 1, memory: "128Mi" } },
        livenessProbe: { httpGet: { path: "/healthz", port: "http" }, initialDelaySeconds: 5, periodSeconds: 10 },
        readinessProbe: { tcpSocket: { port: 80 }, failureThreshold: 3 },
        startupProbe: { exec: { command: ["cat", "/tmp/ready"] } },
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
        volumeMounts: [
          { name: "html", mountPath: "/usr/share/nginx/html", readOnly: true },
          { name: "cache", mountPath: "/var/cache/nginx" },
        ],
        securityContext: { runAsNonRoot: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } },
      },
    ],
    volumes: [
      { name: "html", configMap: { name: "web-html", items: [{ key: "index.html", path: "index.html" }] } },
      { name: "cache", emptyDir: { sizeLimit: "1Gi" } },
      { name: "token", projected: { sources: [{ serviceAccountToken: { path: "token", expirationSeconds: 3600 } }] } },
    ],
    tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "web" } } } },
        ],
      },
    },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" }],
  },
  status: {
    phase: "Running",
    podIPs: [{ ip: "10.244.0.5" }],
    conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2025-01-01T00:00:00Z" }],
    containerStatuses: [
      {
        name: "nginx",
        ready: true,
        restartCount: 0,
        image: "nginx:1.27",
        imageID: "docker.io/library/nginx@sha256:abc",
        state: { running: { startedAt: "2025-01-01T00:00:00Z" } },
      },
    ],
  },
};

const service = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web" },
  spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "http" }], type: "ClusterIP" },
};

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "web" } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
  },
  status: { replicas: 3, readyReplicas: 3, conditions: [{ type: "Available", status: "True" }] },
};

const cronJob = {
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: { name: "hello" },
  spec: {
    schedule: "*/5 * * * *",
    concurrencyPolicy: "Forbid",
    jobTemplate: {
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "hello", image: "busybox", command: ["date"] }] } },
      },
    },
  },
};

const node = {
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1" } },
  spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"], taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] },
  status: {
    capacity: { cpu: "4", memory: "8Gi", pods: "110" },
    allocatable: { cpu: "3800m", memory: "7Gi", pods: "110" },
    conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: "2025-01-01T00:00:00Z", reason: "KubeletReady" }],
    addresses: [{ type: "InternalIP", address: "172.18.0.2" }, { type: "Hostname", address: "node-1" }],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: "m", systemUUID: "s", bootID: "b", kernelVersion: "6.1.0", osImage: "Debian", containerRuntimeVersion: "containerd://1.7.0",
      kubeletVersion: "v1.33.0", kubeProxyVersion: "v1.33.0", operatingSystem: "linux", architecture: "amd64",
    },
  },
};

describe("realistic manifests parse", () => {
  it.each([
    ["Pod", Pod, nginxPod],
    ["Service", Service, service],
    ["Deployment", Deployment, deployment],
    ["CronJob", CronJob, cronJob],
    ["Node", Node, node],
  ] as const)("%s", (_, schema, manifest) => {
    const result = (schema as z.ZodType).safeParse(manifest);
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it("keeps the parsed values, including a null creationTimestamp", () => {
    const pod = Pod.parse(nginxPod);
    expect(pod.metadata?.creationTimestamp).toBeNull();
    expect(pod.spec?.containers[0]?.resources?.limits?.cpu).toBe(1);
  });
});

describe("wrong types fail", () => {
  it("rejects a string replicas", () => {
    const bad = { ...deployment, spec: { ...deployment.spec, replicas: "3" } };
    const result = Deployment.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["spec", "replicas"]);
  });

  it("rejects an integer image", () => {
    const bad = { ...nginxPod, spec: { ...nginxPod.spec, containers: [{ name: "nginx", image: 42 }] } };
    const result = Pod.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["spec", "containers", 0, "image"]);
  });

  it("rejects a fractional int32 and a missing required field", () => {
    expect(Container.safeParse({ name: "c", ports: [{ containerPort: 80.5 }] }).success).toBe(false);
    expect(Container.safeParse({ image: "nginx" }).success).toBe(false);
    expect(PodSpec.safeParse({}).success).toBe(false);
  });
});

describe("OpenAPI metadata", () => {
  it("carries definition ids and the GVK extension", () => {
    expect(Pod.meta()?.id).toBe("io.k8s.api.core.v1.Pod");
    expect(Pod.meta()?.["x-kubernetes-group-version-kind"]).toEqual([{ group: "", version: "v1", kind: "Pod" }]);
    expect(Deployment.meta()?.["x-kubernetes-group-version-kind"]).toEqual([{ group: "apps", version: "v1", kind: "Deployment" }]);
    expect(PodSpec.meta()?.id).toBe("io.k8s.api.core.v1.PodSpec");
    expect(ObjectMeta.meta()?.id).toBe("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
  });

  it("carries patch strategies and list types on list fields", () => {
    expect(fieldMeta(PodSpec, "containers")).toMatchObject({
      "x-kubernetes-patch-strategy": "merge",
      "x-kubernetes-patch-merge-key": "name",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name"],
    });
    expect(fieldMeta(PodSpec, "volumes")).toMatchObject({
      "x-kubernetes-patch-strategy": "merge,retainKeys",
      "x-kubernetes-patch-merge-key": "name",
    });
    expect(fieldMeta(PodSpec, "tolerations")).toMatchObject({ "x-kubernetes-list-type": "atomic" });
    expect(fieldMeta(PodSpec, "tolerations")?.["x-kubernetes-patch-strategy"]).toBeUndefined();
    expect(fieldMeta(Container, "ports")).toMatchObject({
      "x-kubernetes-patch-merge-key": "containerPort",
      "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
    });
    expect(fieldMeta(Container, "env")).toMatchObject({ "x-kubernetes-patch-merge-key": "name" });
    expect(fieldMeta(ObjectMeta, "ownerReferences")).toMatchObject({
      "x-kubernetes-patch-strategy": "merge",
      "x-kubernetes-patch-merge-key": "uid",
    });
    expect(fieldMeta(ObjectMeta, "finalizers")).toMatchObject({ "x-kubernetes-patch-strategy": "merge", "x-kubernetes-list-type": "set" });
    expect(fieldMeta(DeploymentSpec, "strategy")).toMatchObject({ "x-kubernetes-patch-strategy": "retainKeys" });
  });
});

/** Walks every schema reachable from the served kinds, calling `visit` on each object with its path. */
function walkObjects(schema: z.ZodType, path: string, visit: (o: z.ZodObject, path: string) => void, seen = new Set<unknown>()) {
  const def = defOf(schema);
  if (def.type === "optional" || def.type === "nullable") return walkObjects(def.innerType as z.ZodType, path, visit, seen);
  if (def.type === "array") return walkObjects(def.element as z.ZodType, `${path}[]`, visit, seen);
  if (def.type === "record") return walkObjects(def.valueType as z.ZodType, `${path}{}`, visit, seen);
  if (def.type === "union") return (def.options as z.ZodType[]).forEach((o) => walkObjects(o, path, visit, seen));
  if (def.type !== "object" || seen.has(def)) return;
  seen.add(def);
  const object = schema as z.ZodObject;
  visit(object, path);
  for (const [key, field] of Object.entries(object.shape)) walkObjects(field as z.ZodType, `${path}.${key}`, visit, seen);
}

/** The definition id of a named schema, also when reached through a field's described copy of it. */
function idOf(schema: z.ZodType): string | undefined {
  for (let s: z.ZodType | undefined = schema; s; s = (s as unknown as { _zod: { parent?: z.ZodType } })._zod.parent) {
    const id = z.globalRegistry.get(s)?.id;
    if (id) return id;
  }
  return undefined;
}

describe("conventions hold for every served kind and every body kind", () => {
  const table = new ResourceTable(resources);
  const objects: Array<[z.ZodObject, string]> = [];
  for (const [key, schema] of table.bodySchemas()) walkObjects(schema, key, (o, p) => objects.push([o, p]));

  it("maps apiVersion/Kind to schemas, from the resource table and the body kinds", () => {
    expect(table.schemaOf("v1", "Pod")).toBe(Pod);
    expect(table.schemaOf("apps/v1", "Deployment")).toBe(Deployment);
    expect(table.schemaOf("batch/v1", "CronJob")).toBe(CronJob);
    expect(table.schemaOf("discovery.k8s.io/v1", "EndpointSlice")).toBeDefined();
    expect(table.schemaOf("events.k8s.io/v1", "Event")).not.toBe(table.schemaOf("v1", "Event"));
    expect(table.schemaOf("v1", "DeleteOptions")).toBe(DeleteOptions);
    expect(table.schemaOf("meta.k8s.io/v1", "DeleteOptions")).toBe(DeleteOptions);
    expect(table.schemaOf("policy/v1", "Eviction")).toBeDefined();
    expect(table.schemaOf("v1", "Binding")).toBeDefined();
    expect(table.schemaOf("policy/v1", "PodDisruptionBudget")).toBe(PodDisruptionBudget);
    expect(table.schemaOf("autoscaling/v2", "HorizontalPodAutoscaler")).toBe(HorizontalPodAutoscaler);
  });

  it("gives every served kind the group, version and kind of its definition", () => {
    const mismatches = resources
      .map((def) => [def, def.schema.meta()?.["x-kubernetes-group-version-kind"]] as const)
      .filter(([def, gvks]) => JSON.stringify(gvks) !== JSON.stringify([{ group: def.group, version: def.version, kind: def.kind }]))
      .map(([def]) => `${def.group}/${def.version}/${def.kind}`);
    expect(mismatches).toEqual([]);
  });

  it("gives every object a definition id and every field a description", () => {
    const problems: string[] = [];
    for (const [object, path] of objects) {
      if (idOf(object) === undefined) problems.push(`${path}: no id`);
      for (const key of Object.keys(object.shape)) {
        if (typeof fieldMeta(object, key)?.description !== "string") problems.push(`${path}.${key}: no description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every list field a list type", () => {
    const problems: string[] = [];
    for (const [object, path] of objects) {
      for (const [key, field] of Object.entries(object.shape)) {
        const inner = defOf(field as z.ZodType).type === "optional" ? (defOf(field as z.ZodType).innerType as z.ZodType) : (field as z.ZodType);
        if (defOf(inner).type === "array" && !fieldMeta(object, key)?.["x-kubernetes-list-type"]) problems.push(`${path}.${key}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("JSON Schema export", () => {
  it("converts the Pod schema with named definitions and list extensions", () => {
    const json = z.toJSONSchema(Pod) as { $defs: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    expect(json.$defs["io.k8s.api.core.v1.PodSpec"]?.properties.containers).toMatchObject({
      type: "array",
      "x-kubernetes-patch-merge-key": "name",
    });
    expect(json.$defs["io.k8s.apimachinery.pkg.api.resource.Quantity"]).toBeDefined();
    expect(json.$defs["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toBeDefined();
  });
});
