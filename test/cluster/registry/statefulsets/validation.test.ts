// StatefulSet defaults and validation with the apiserver's messages (ValidateStatefulSetSpec, ValidateStatefulSetUpdate).
import { describe, expect, it } from "vitest";
import type { StatefulSet } from "../../../../src/api/schemas/apps/statefulset";
import { statefulSetStrategy as strategy } from "../../../../src/cluster/registry/statefulsets/strategy";
import type { StrategyContext } from "../../../../src/cluster/registry/types";

const ctx: StrategyContext<StatefulSet> = { now: "2025-06-01T12:00:00Z", stored: () => [] };

function web(spec: Record<string, unknown> = {}): StatefulSet {
  const sts = {
    metadata: { name: "web", namespace: "default" },
    spec: {
      serviceName: "nginx",
      selector: { matchLabels: { app: "nginx" } },
      template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx", volumeMounts: [{ name: "www", mountPath: "/usr/share/nginx/html" }] }] } },
      volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      ...spec,
    },
  } as StatefulSet;
  strategy.defaults!(sts);
  return sts;
}

const messages = (sts: StatefulSet) => strategy.validate!(sts, ctx).map((e) => `${e.field}: ${e.message}`);

describe("StatefulSet defaults", () => {
  it("fills OrderedReady, RollingUpdate with partition 0, Retain/Retain, one replica, history 10 and the claim template's defaults", () => {
    const sts = web();
    expect(sts.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      revisionHistoryLimit: 10,
    });
    expect(sts.spec!.updateStrategy!.rollingUpdate).toEqual({ partition: 0 });
    expect(sts.spec!.volumeClaimTemplates![0]).toMatchObject({ apiVersion: "v1", kind: "PersistentVolumeClaim", spec: { volumeMode: "Filesystem" }, status: { phase: "Pending" } });
    expect(sts.spec!.template!.spec!.restartPolicy).toBe("Always");
    expect(web({ updateStrategy: { type: "OnDelete" } }).spec!.updateStrategy).toEqual({ type: "OnDelete" });
  });

  it("accepts the tutorial's web StatefulSet; its mounts name a claim template, not a volume", () => {
    expect(messages(web())).toEqual([]);
  });
});

describe("StatefulSet validation", () => {
  it("requires the selector to select the template's labels, and a non-empty selector", () => {
    expect(messages(web({ selector: { matchLabels: { app: "other" } } }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    ]);
    expect(messages(web({ selector: {} }))).toEqual([
      "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset",
    ]);
    const noSelector = web();
    delete (noSelector.spec as Partial<NonNullable<StatefulSet["spec"]>>).selector;
    expect(messages(noSelector)).toEqual(["spec.selector: Required value"]);
  });

  it("checks the policies, the strategy and the counts", () => {
    expect(messages(web({ podManagementPolicy: "Random" }))).toEqual(['spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\'']);
    expect(messages(web({ updateStrategy: { type: "OnDelete", rollingUpdate: { partition: 1 } } }))).toEqual([
      "spec.updateStrategy.rollingUpdate: Invalid value: {\"partition\":1}: only allowed for updateStrategy 'RollingUpdate'",
    ]);
    expect(messages(web({ updateStrategy: { type: "Sometimes" } }))).toEqual([
      "spec.updateStrategy: Invalid value: {\"type\":\"Sometimes\"}: must be 'RollingUpdate' or 'OnDelete'",
    ]);
    expect(messages(web({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: -1 } } }))).toEqual([
      "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
    ]);
    expect(messages(web({ persistentVolumeClaimRetentionPolicy: { whenDeleted: "Keep", whenScaled: "Delete" } }))).toEqual([
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ]);
    expect(messages(web({ replicas: -1, minReadySeconds: -1, ordinals: { start: -1 } }))).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
      "spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });

  it("allows only restartPolicy Always and no activeDeadlineSeconds in the template", () => {
    const sts = web();
    sts.spec!.template!.spec!.restartPolicy = "Never";
    sts.spec!.template!.spec!.activeDeadlineSeconds = 10;
    expect(messages(sts)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported",
    ]);
  });

  it("forbids updates to fields other than replicas, ordinals, template, updateStrategy, revisionHistoryLimit, the retention policy and minReadySeconds", () => {
    const old = web();
    const changed = web({ replicas: 5, minReadySeconds: 3, revisionHistoryLimit: 2, ordinals: { start: 1 }, persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Delete" } });
    changed.spec!.template!.spec!.containers[0].image = "nginx:2";
    expect(strategy.validateUpdate!(changed, old, ctx)).toEqual([]);
    for (const spec of [{ serviceName: "other" }, { podManagementPolicy: "Parallel" }, { volumeClaimTemplates: [] }]) {
      expect(strategy.validateUpdate!(web(spec), old, ctx).map((e) => `${e.field}: ${e.message}`)).toEqual([
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ]);
    }
  });

  it("checks a status write: counts within status.replicas, collisionCount never decremented", () => {
    const old = web();
    old.status = { replicas: 2, readyReplicas: 2, availableReplicas: 2, collisionCount: 1 };
    const next = web();
    next.status = { replicas: 1, readyReplicas: 2, availableReplicas: 1, collisionCount: 0 };
    expect(strategy.validateStatusUpdate!(next, old, ctx).map((e) => `${e.field}: ${e.message}`)).toEqual([
      "status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas",
      "status.collisionCount: Invalid value: 0: cannot be decremented",
    ]);
  });
});
