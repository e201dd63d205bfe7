import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeKubernetesProtobuf } from "../../../src/api/protobuf/index";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";

/** Decodes a body captured from kubectl 1.33 (see fixtures/README.md for the command behind each file). */
function fixture(name: string) {
  return decodeKubernetesProtobuf(readFileSync(new URL(`./fixtures/${name}.bin`, import.meta.url)), messageTypes);
}

/** The served kinds' and body kinds' messages, as the apiserver decodes with them. */
const { messageTypes } = new ResourceTable(resources);

describe("decodeKubernetesProtobuf on bodies captured from kubectl 1.33", () => {
  it("create namespace: name only, no zero-valued metadata, empty spec/status", () => {
    const { apiVersion, kind, object } = fixture("namespace");
    expect([apiVersion, kind]).toEqual(["v1", "Namespace"]);
    expect(object).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "demo" }, spec: {}, status: {} });
  });

  it("create configmap --from-literal=a=1", () => {
    expect(fixture("configmap").object).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c" },
      data: { a: "1" },
    });
  });

  it("create secret generic: data bytes become base64, empty type is absent", () => {
    const { object } = fixture("secret");
    expect(object).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { p: btoa("x") } });
    expect(object).not.toHaveProperty("type");
  });

  it("create deployment: replicas, selector, template, ports; no empty metadata fields", () => {
    const { apiVersion, kind, object } = fixture("deployment");
    expect([apiVersion, kind]).toEqual(["apps/v1", "Deployment"]);
    expect(object).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web" } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: {
            containers: [{ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80 }], resources: {} }],
          },
        },
        strategy: {},
      },
      status: {},
    });
    const metadata = object.metadata as Record<string, unknown>;
    for (const field of ["namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink"]) {
      expect(metadata).not.toHaveProperty(field);
    }
    // kubectl sends protocol "" (unset); "TCP" is filled in later by defaulting, not by the decoder.
    const spec = object.spec as { template: { spec: { containers: { ports: object[] }[] } } };
    expect(spec.template.spec.containers[0]!.ports[0]).not.toHaveProperty("protocol");
  });

  it("create service clusterip: ports with IntOrString targetPort, zero nodePort absent", () => {
    expect(fixture("service").object).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", labels: { app: "web" } },
      spec: {
        ports: [{ name: "80-8080", protocol: "TCP", port: 80, targetPort: 8080 }],
        selector: { app: "web" },
        type: "ClusterIP",
      },
      status: { loadBalancer: {} },
    });
  });

  it("create serviceaccount", () => {
    expect(fixture("serviceaccount").object).toEqual({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: "bot" },
    });
  });

  it("create job: command and restartPolicy Never", () => {
    expect(fixture("job").object).toEqual({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "j" },
      spec: {
        template: {
          metadata: {},
          spec: {
            containers: [{ name: "j", image: "busybox", command: ["echo", "hi"], resources: {} }],
            restartPolicy: "Never",
          },
        },
      },
      status: {},
    });
  });

  it("create cronjob: schedule and jobTemplate", () => {
    expect(fixture("cronjob").object).toEqual({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "c" },
      spec: {
        schedule: "*/1 * * * *",
        jobTemplate: {
          metadata: { name: "c" },
          spec: {
            template: {
              metadata: {},
              spec: {
                containers: [{ name: "c", image: "busybox", command: ["date"], resources: {} }],
                restartPolicy: "OnFailure",
              },
            },
          },
        },
      },
      status: {},
    });
  });

  it("auth can-i create pods: SelfSubjectAccessReview resource attributes", () => {
    expect(fixture("ssar").object).toEqual({
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectAccessReview",
      metadata: {},
      spec: { resourceAttributes: { namespace: "default", verb: "create", resource: "pods" } },
      status: {},
    });
  });

  it("auth can-i --list: SelfSubjectRulesReview namespace", () => {
    expect(fixture("ssrr").object).toEqual({
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectRulesReview",
      metadata: {},
      spec: { namespace: "default" },
      status: {},
    });
  });

  it("create quota --hard=pods=3: Quantity map", () => {
    expect(fixture("quota").object).toEqual({
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "q" },
      spec: { hard: { pods: "3" } },
      status: {},
    });
  });

  it("create pdb --min-available=1: a pointer count and the selector; the status's zero counts are absent", () => {
    const { apiVersion, kind, object } = fixture("pdb");
    expect([apiVersion, kind]).toEqual(["policy/v1", "PodDisruptionBudget"]);
    expect(object).toEqual({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "p" },
      spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } } },
      status: {},
    });
  });

  it("refuses bodies of kinds not served yet (HorizontalPodAutoscaler), as the scheme does", () => {
    expect(() => fixture("hpa")).toThrow(`no kind "HorizontalPodAutoscaler" is registered for version "autoscaling/v2"`);
  });

  it("create role|rolebinding|clusterrole|clusterrolebinding: rules, subjects and roleRef", () => {
    expect(JSON.stringify(fixture("role").object)).toMatch(/"rules":\[\{"verbs":\["get","list"\],"apiGroups":\[""\],"resources":\["pods"\],"resourceNames":\["x"\]\}/);
    expect(fixture("rolebinding").object).toMatchObject({
      kind: "RoleBinding",
      metadata: { name: "rb" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" },
      subjects: expect.arrayContaining([
        expect.objectContaining({ kind: "ServiceAccount", name: "bot", namespace: "default" }),
        { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "alice" },
      ]),
    });
    expect(fixture("clusterrole").object).toMatchObject({ kind: "ClusterRole", metadata: { name: "cr" }, rules: [{ verbs: ["get"], nonResourceURLs: ["/healthz"] }] });
    expect(fixture("clusterrolebinding").object).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cr" },
      subjects: [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "devs" }],
    });
  });

  it("drain --disable-eviction: DeleteOptions with a pointer gracePeriodSeconds", () => {
    expect(fixture("deleteoptions").object).toEqual({ apiVersion: "v1", kind: "DeleteOptions", gracePeriodSeconds: 7 });
  });

  describe("debug --copy-to: a full PodSpec", () => {
    const pod = fixture("pod-debug-copy").object as {
      metadata: Record<string, unknown>;
      spec: Record<string, any>;
      status: unknown;
    };
    const app = pod.spec.containers[0];

    it("metadata and pod-level fields", () => {
      expect(pod.metadata).toEqual({ name: "rich-copy", namespace: "default", annotations: { note: "hello" } });
      expect(pod.spec).toMatchObject({
        restartPolicy: "Always",
        dnsPolicy: "ClusterFirst",
        nodeSelector: { disk: "ssd" },
        serviceAccountName: "bot",
        hostname: "h1",
        subdomain: "sub",
        securityContext: { runAsUser: 1000, runAsNonRoot: true, fsGroup: 2000 },
      });
      expect(pod.status).toEqual({});
    });

    it("keeps zero values of pointer fields and drops those of plain fields", () => {
      expect(pod.spec.terminationGracePeriodSeconds).toBe(0);
      expect(pod.spec.priority).toBe(0);
      expect(pod.spec.enableServiceLinks).toBe(false);
      expect(app.securityContext.privileged).toBe(false);
      expect(pod.spec).not.toHaveProperty("hostNetwork");
      expect(pod.spec).not.toHaveProperty("nodeName");
      expect(app).not.toHaveProperty("stdin");
      expect(app.env[1]).toEqual({ name: "EMPTY" });
    });

    it("containers: the original one plus the debugger", () => {
      expect(pod.spec.containers.map((c: { name: string }) => c.name)).toEqual(["app", "debugger"]);
      expect(pod.spec.containers[1]).toEqual({
        name: "debugger",
        image: "busybox",
        resources: {},
        terminationMessagePolicy: "File",
      });
      expect(pod.spec.initContainers).toEqual([
        { name: "init", image: "busybox", command: ["sh", "-c", "true"], resources: {} },
      ]);
      expect(app).toMatchObject({
        image: "nginx:1.25",
        imagePullPolicy: "IfNotPresent",
        args: ["-g", "daemon off;"],
        workingDir: "/srv",
        ports: [
          { name: "http", containerPort: 80, protocol: "TCP" },
          { hostPort: 5353, containerPort: 53, protocol: "UDP" },
        ],
        resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
        volumeMounts: [
          { name: "cfg", readOnly: true, mountPath: "/etc/cfg" },
          { name: "tmp", mountPath: "/tmp", subPath: "x" },
        ],
      });
    });

    it("env and envFrom, with selectors inlining LocalObjectReference", () => {
      expect(app.env).toEqual([
        { name: "PLAIN", value: "v" },
        { name: "EMPTY" },
        { name: "FROM_CM", valueFrom: { configMapKeyRef: { name: "c", key: "a" } } },
        { name: "FROM_SECRET", valueFrom: { secretKeyRef: { name: "s", key: "p", optional: false } } },
        { name: "POD_IP", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "status.podIP" } } },
        {
          name: "MEM",
          valueFrom: { resourceFieldRef: { containerName: "app", resource: "limits.memory", divisor: "1Mi" } },
        },
      ]);
      expect(app.envFrom).toEqual([{ configMapRef: { name: "c" } }, { prefix: "S_", secretRef: { name: "s", optional: true } }]);
    });

    it("probes inline their handler; lifecycle handlers do not", () => {
      expect(app.livenessProbe).toEqual({
        httpGet: { path: "/healthz", port: 80, scheme: "HTTP" },
        initialDelaySeconds: 3,
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      });
      expect(app.readinessProbe).toEqual({ tcpSocket: { port: "http" }, periodSeconds: 5 });
      expect(app.startupProbe).toEqual({ exec: { command: ["cat", "/tmp/ready"] }, failureThreshold: 30 });
      expect(app.lifecycle).toEqual({ preStop: { exec: { command: ["sleep", "5"] } } });
    });

    it("volumes inline their source", () => {
      expect(pod.spec.volumes).toEqual([
        { name: "cfg", configMap: { name: "c", items: [{ key: "a", path: "a.txt" }], defaultMode: 420 } },
        { name: "sec", secret: { secretName: "s", optional: true } },
        { name: "tmp", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } },
        { name: "host", hostPath: { path: "/var/log", type: "Directory" } },
        { name: "data", persistentVolumeClaim: { claimName: "pvc1" } },
      ]);
    });

    it("affinity and tolerations", () => {
      expect(pod.spec.affinity).toEqual({
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }],
          },
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 50,
              podAffinityTerm: { labelSelector: { matchLabels: { app: "rich" } }, topologyKey: "kubernetes.io/hostname" },
            },
          ],
        },
      });
      expect(pod.spec.tolerations).toEqual([
        { key: "dedicated", operator: "Equal", value: "x", effect: "NoSchedule" },
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ]);
    });
  });
});

describe("decodeKubernetesProtobuf on kubectl 1.33 create priorityclass", () => {
  it("value, description and the PreemptLowerPriority kubectl always sends", () => {
    const { apiVersion, kind, object } = fixture("priorityclass");
    expect([apiVersion, kind]).toEqual(["scheduling.k8s.io/v1", "PriorityClass"]);
    expect(object).toEqual({
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name: "high" },
      value: 1000,
      description: "x",
      preemptionPolicy: "PreemptLowerPriority",
    });
  });

  it("keeps a value of 0 (the field has no omitempty), globalDefault and preemptionPolicy Never", () => {
    expect(fixture("priorityclass-zero").object).toEqual({
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name: "zero" },
      value: 0,
      globalDefault: true,
      preemptionPolicy: "Never",
    });
  });
});
