import { describe, expect, it } from "vitest";
import { applyStrategicMergePatch } from "../../../../src/cluster/apiserver/patch/strategic-merge-patch";
import { StatusError } from "../../../../src/api/status";
import { deploymentMeta, nodeMeta, podMeta } from "./meta-fixture";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function statusOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err.status;
    throw err;
  }
  throw new Error("expected a StatusError");
}

const deployment = (): Any => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", annotations: { keep: "me" } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "web" } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [
          {
            name: "nginx",
            image: "nginx:1.25",
            ports: [{ containerPort: 80, protocol: "TCP" }],
            env: [
              { name: "A", value: "1" },
              { name: "B", value: "2" },
            ],
          },
          { name: "sidecar", image: "busybox" },
        ],
        volumes: [{ name: "data", emptyDir: {} }],
      },
    },
  },
});

const containers = (d: Any) => d.spec.template.spec.containers;

describe("applyStrategicMergePatch with kubectl's bodies", () => {
  it("kubectl set image: merges the container by name, keeps the rest and the order", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }],
            containers: [{ image: "nginx:1.27", name: "nginx" }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(containers(out).map((c: Any) => [c.name, c.image])).toEqual([
      ["nginx", "nginx:1.27"],
      ["sidecar", "busybox"],
    ]);
    expect(containers(out)[0].env).toEqual(deployment().spec.template.spec.containers[0].env);
    expect(JSON.stringify(out)).not.toContain("$setElementOrder");
  });

  it("client-side apply: last-applied annotation, replicas and image in one patch", () => {
    const lastApplied = '{"apiVersion":"apps/v1","kind":"Deployment"}\n';
    const patch = {
      metadata: { annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied } },
      spec: {
        replicas: 2,
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }],
            containers: [{ image: "nginx:1.26", name: "nginx" }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(out.metadata.annotations).toEqual({
      keep: "me",
      "kubectl.kubernetes.io/last-applied-configuration": lastApplied,
    });
    expect(out.spec.replicas).toBe(2);
    expect(containers(out)[0].image).toBe("nginx:1.26");
  });

  it("client-side apply removing a container: $patch delete plus the new order", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "nginx" }],
            containers: [{ $patch: "delete", name: "sidecar" }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(containers(out).map((c: Any) => c.name)).toEqual(["nginx"]);
  });

  it("$setElementOrder reorders lists of maps", () => {
    const patch = { spec: { template: { spec: { "$setElementOrder/containers": [{ name: "sidecar" }, { name: "nginx" }] } } } };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(containers(out).map((c: Any) => c.name)).toEqual(["sidecar", "nginx"]);
  });

  it("kubectl rollout restart: adds the restartedAt annotation to the template", () => {
    const at = "2025-01-02T03:04:05Z";
    const patch = { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": at } } } } };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(out.spec.template.metadata).toEqual({
      labels: { app: "web" },
      annotations: { "kubectl.kubernetes.io/restartedAt": at },
    });
  });

  it("kubectl cordon and uncordon", () => {
    const node = { metadata: { name: "n1" }, spec: { podCIDR: "10.0.0.0/24" } };
    const cordoned = applyStrategicMergePatch(node, { spec: { unschedulable: true } }, nodeMeta);
    expect(cordoned.spec).toEqual({ podCIDR: "10.0.0.0/24", unschedulable: true });
    const uncordoned = applyStrategicMergePatch(cordoned, { spec: { unschedulable: null } }, nodeMeta);
    expect(uncordoned.spec).toEqual({ podCIDR: "10.0.0.0/24" });
  });

  it("kubectl taint: the whole taints list replaces the old one, null removes it", () => {
    const node = {
      metadata: { name: "n1" },
      spec: { taints: [{ key: "a", value: "1", effect: "NoSchedule" }, { key: "b", effect: "NoExecute" }] },
    };
    const replaced = applyStrategicMergePatch(node, { spec: { taints: [{ effect: "NoSchedule", key: "k", value: "v" }] } }, nodeMeta);
    expect(replaced.spec.taints).toEqual([{ effect: "NoSchedule", key: "k", value: "v" }]);
    const removed = applyStrategicMergePatch(node, { spec: { taints: null } }, nodeMeta);
    expect(removed.spec).toEqual({});
  });

  it("removes an env var with $patch: delete inside the matched container", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }],
            containers: [{ name: "nginx", "$setElementOrder/env": [{ name: "B" }], env: [{ $patch: "delete", name: "A" }] }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(containers(out)[0].env).toEqual([{ name: "B", value: "2" }]);
  });

  it("merges container ports by containerPort", () => {
    const patch = { spec: { template: { spec: { containers: [{ name: "nginx", ports: [{ containerPort: 80, name: "http" }, { containerPort: 443 }] }] } } } };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(containers(out)[0].ports).toEqual([
      { containerPort: 80, protocol: "TCP", name: "http" },
      { containerPort: 443 },
    ]);
  });

  it("puts new list items before the remaining live ones when no order is given, as a real apiserver does", () => {
    // The Kubernetes docs' "kubectl patch" task shows the added container first in the result.
    const patch = { spec: { template: { spec: { containers: [{ name: "patch-demo-ctr-2", image: "redis" }] } } } };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(containers(out).map((c: Any) => c.name)).toEqual(["patch-demo-ctr-2", "nginx", "sidecar"]);
  });

  it("volume $retainKeys: the volume source switches from emptyDir to hostPath", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/volumes": [{ name: "data" }],
            volumes: [{ $retainKeys: ["hostPath", "name"], hostPath: { path: "/srv" }, name: "data" }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
    expect(out.spec.template.spec.volumes).toEqual([{ name: "data", hostPath: { path: "/srv" } }]);
  });

  it("deployment strategy $retainKeys switches to Recreate and drops rollingUpdate", () => {
    const patch = { spec: { strategy: { $retainKeys: ["type"], rollingUpdate: null, type: "Recreate" } } };
    expect(applyStrategicMergePatch(deployment(), patch, deploymentMeta).spec.strategy).toEqual({ type: "Recreate" });
  });

  it("answers 400 when a patched key is missing from $retainKeys", () => {
    const patch = { spec: { strategy: { $retainKeys: ["type"], type: "Recreate", rollingUpdate: { maxSurge: 1 } } } };
    expect(statusOf(() => applyStrategicMergePatch(deployment(), patch, deploymentMeta))).toMatchObject({
      code: 400,
      reason: "BadRequest",
      message: "invalid patch format of retainKeys",
    });
  });
});

describe("applyStrategicMergePatch directives", () => {
  it("$patch: replace on a map replaces it", () => {
    const patch = { spec: { selector: { $patch: "replace", matchLabels: { app: "x" } } } };
    expect(applyStrategicMergePatch(deployment(), patch, deploymentMeta).spec.selector).toEqual({ matchLabels: { app: "x" } });
    const labels = { metadata: { annotations: { $patch: "replace", only: "this" } } };
    expect(applyStrategicMergePatch(deployment(), labels, deploymentMeta).metadata.annotations).toEqual({ only: "this" });
  });

  it("$patch: delete on a map empties it", () => {
    const patch = { spec: { template: { metadata: { labels: { $patch: "delete" } } } } };
    expect(applyStrategicMergePatch(deployment(), patch, deploymentMeta).spec.template.metadata.labels).toEqual({});
  });

  it("$patch: merge on a map is a plain merge", () => {
    const patch = { metadata: { annotations: { $patch: "merge", extra: "1" } } };
    expect(applyStrategicMergePatch(deployment(), patch, deploymentMeta).metadata.annotations).toEqual({ keep: "me", extra: "1" });
  });

  it("$patch: replace as a list item replaces the whole merging list", () => {
    const patch = { spec: { template: { spec: { containers: [{ name: "only", image: "x" }, { $patch: "replace" }] } } } };
    expect(containers(applyStrategicMergePatch(deployment(), patch, deploymentMeta))).toEqual([{ name: "only", image: "x" }]);
  });

  it("unions primitive merge lists and deletes with $deleteFromPrimitiveList", () => {
    const pod = { metadata: { name: "p", finalizers: ["a", "b"] } };
    const added = applyStrategicMergePatch(pod, { metadata: { finalizers: ["b", "c"] } }, podMeta);
    expect([...added.metadata.finalizers].sort()).toEqual(["a", "b", "c"]);
    const removed = applyStrategicMergePatch(pod, { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] } }, podMeta);
    expect(removed.metadata).toEqual({ name: "p", finalizers: ["b"] });
  });

  it("$setElementOrder orders a primitive merge list", () => {
    const pod = { metadata: { finalizers: ["a", "b", "c"] } };
    const patch = { metadata: { "$setElementOrder/finalizers": ["c", "a", "b"] } };
    expect(applyStrategicMergePatch(pod, patch, podMeta).metadata.finalizers).toEqual(["c", "a", "b"]);
  });

  it("replaces lists without a merge strategy and every list of an unknown field", () => {
    const pod = { spec: { containers: [{ name: "c", args: ["a", "b"] }] }, extra: { items: [{ name: "x" }] } };
    const out = applyStrategicMergePatch(pod, { spec: { containers: [{ name: "c", args: ["z"] }] }, extra: { items: [{ name: "y" }] } }, podMeta);
    expect(out.spec.containers[0].args).toEqual(["z"]);
    expect(out.extra.items).toEqual([{ name: "y" }]);
    const noMeta = applyStrategicMergePatch({ spec: { containers: [{ name: "a" }] } }, { spec: { containers: [{ name: "b" }] } }, undefined);
    expect(noMeta.spec.containers).toEqual([{ name: "b" }]);
  });

  it("never leaves directive keys in values that land on absent fields", () => {
    const out = applyStrategicMergePatch({ spec: {} }, {
      spec: { template: { spec: { "$setElementOrder/containers": [{ name: "a" }], containers: [{ name: "a", env: [{ name: "X", $patch: "delete" }] }] } } },
    }, deploymentMeta);
    expect(out).toEqual({ spec: { template: { spec: { containers: [{ name: "a", env: [] }] } } } });
  });

  it("does not modify its inputs", () => {
    const original = deployment();
    const patch = { spec: { template: { spec: { "$setElementOrder/containers": [{ name: "nginx" }], containers: [{ name: "sidecar", $patch: "delete" }] } } } };
    const patchCopy = structuredClone(patch);
    applyStrategicMergePatch(original, patch, deploymentMeta);
    expect(original).toEqual(deployment());
    expect(patch).toEqual(patchCopy);
  });

  it("answers 500 for a merge-list item without its merge key, like the apiserver", () => {
    const patch = { spec: { template: { spec: { containers: [{ image: "x" }] } } } };
    expect(statusOf(() => applyStrategicMergePatch(deployment(), patch, deploymentMeta))).toMatchObject({
      code: 500,
      message: "map: map[image:x] does not contain declared merge key: name",
    });
  });

  it("answers 400 for a malformed $setElementOrder key and 500 for an unknown $patch", () => {
    expect(statusOf(() => applyStrategicMergePatch({}, { $setElementOrder: [] }, podMeta))).toMatchObject({
      code: 400,
      message: "invalid patch format of setElementOrder list",
    });
    expect(statusOf(() => applyStrategicMergePatch({ spec: {} }, { spec: { $patch: "frob" } }, podMeta)).code).toBe(500);
  });

  it("answers 400 for a body that is not a JSON object", () => {
    expect(statusOf(() => applyStrategicMergePatch({}, [1], podMeta))).toMatchObject({ code: 400, reason: "BadRequest" });
  });
});
