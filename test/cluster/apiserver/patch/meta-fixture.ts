// A hand-written PatchMeta tree shaped like the parts of Pod/Deployment/Node the tests touch, with the struct tags
// Kubernetes really uses (k8s.io/api core/v1 and apps/v1).
import type { PatchMeta } from "../../../../src/cluster/apiserver/patch/patch-meta";

interface Spec {
  strategy?: string;
  key?: string;
  listType?: string;
  mapKeys?: string[];
  fields?: Record<string, Spec>;
  items?: Spec;
}

export function metaTree(spec: Spec): PatchMeta {
  return {
    patchStrategy: spec.strategy,
    patchMergeKey: spec.key,
    listType: spec.listType,
    listMapKeys: spec.mapKeys,
    field: (name) => (spec.fields?.[name] ? metaTree(spec.fields[name]) : undefined),
    items: () => (spec.items ? metaTree(spec.items) : undefined),
  };
}

const str: Spec = {};
const strMap: Spec = { items: str };
const objectMeta: Spec = {
  fields: {
    labels: strMap,
    annotations: strMap,
    finalizers: { strategy: "merge", listType: "set", items: str },
    ownerReferences: { strategy: "merge", key: "uid", listType: "map", mapKeys: ["uid"], items: {} },
  },
};
const container: Spec = {
  fields: {
    name: str,
    image: str,
    args: { listType: "atomic", items: str },
    ports: {
      strategy: "merge",
      key: "containerPort",
      listType: "map",
      mapKeys: ["containerPort", "protocol"],
      items: { fields: { containerPort: str, protocol: str, name: str } },
    },
    env: {
      strategy: "merge",
      key: "name",
      listType: "map",
      mapKeys: ["name"],
      items: { fields: { name: str, value: str, valueFrom: {} } },
    },
    resources: { fields: { limits: strMap, requests: strMap } },
    livenessProbe: {
      fields: { httpGet: { fields: { path: str, port: str, scheme: str } }, periodSeconds: str, failureThreshold: str },
    },
  },
};
const podSpec: Spec = {
  fields: {
    containers: { strategy: "merge", key: "name", listType: "map", mapKeys: ["name"], items: container },
    volumes: {
      strategy: "merge,retainKeys",
      key: "name",
      listType: "map",
      mapKeys: ["name"],
      items: { fields: { name: str, emptyDir: {}, hostPath: { fields: { path: str } }, configMap: {} } },
    },
    tolerations: { listType: "atomic", items: {} },
    nodeSelector: strMap,
  },
};
export const deploymentMeta = metaTree({
  fields: {
    metadata: objectMeta,
    spec: {
      fields: {
        replicas: str,
        selector: {},
        strategy: { strategy: "retainKeys", fields: { type: str, rollingUpdate: {} } },
        template: { fields: { metadata: objectMeta, spec: podSpec } },
      },
    },
  },
});
export const podMeta = metaTree({ fields: { metadata: objectMeta, spec: podSpec } });
export const nodeMeta = metaTree({
  fields: {
    metadata: objectMeta,
    spec: { fields: { unschedulable: str, podCIDR: str, taints: { listType: "atomic", items: {} } } },
  },
});
