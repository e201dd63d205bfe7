// PersistentVolumeClaims and PersistentVolumes (core/v1 as Kubernetes 1.33 serves them), rendered from plain objects:
// the columns of `kubectl get pvc` and `kubectl get pv`, links between claim, volume and pods.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { ClaimFacts, mountsClaim, persistentVolumeClaimView } from "../../../src/dashboard/kind-views/persistent-volume-claim";
import { persistentVolumeView, VolumeFacts } from "../../../src/dashboard/kind-views/persistent-volume";
import { kindViewOf } from "../../../src/dashboard/kind-views/registry";
import { fakeClient, html, kindDef, pageContext, text } from "./render";

// A claim the default class `standard` provisioned and bound (kubernetes.io "Configure a Pod to Use a PersistentVolume").
const claim: KubeObject = {
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "task-pv-claim", namespace: "default" },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "3Gi" } }, storageClassName: "standard", volumeName: "pvc-0d6f2a1c", volumeMode: "Filesystem" },
  status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "3Gi" } },
};

const volume: KubeObject = {
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: "pvc-0d6f2a1c" },
  spec: {
    capacity: { storage: "3Gi" },
    accessModes: ["ReadWriteOnce", "ReadOnlyMany"],
    persistentVolumeReclaimPolicy: "Delete",
    storageClassName: "standard",
    claimRef: { kind: "PersistentVolumeClaim", namespace: "default", name: "task-pv-claim", uid: "u1" },
    hostPath: { path: "/tmp/hostpath-provisioner/default/task-pv-claim", type: "" },
    volumeMode: "Filesystem",
  },
  status: { phase: "Bound" },
};

const podUsing = (name: string, volumes: unknown[]): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { containers: [{ name: "c" }], volumes } });

describe("PersistentVolumeClaim", () => {
  it("shows status, volume, capacity, access modes and class, the volume linked; and the pods that mount it", async () => {
    const user = podUsing("task-pv-pod", [{ name: "task-pv-storage", persistentVolumeClaim: { claimName: "task-pv-claim" } }]);
    const other = podUsing("other", [{ name: "x", emptyDir: {} }]);
    const { client, asked } = fakeClient({ "/api/v1/namespaces/default/pods": [user, other] });
    const markup = await html(await persistentVolumeClaimView.sections(pageContext(client), claim));
    expect(asked).toEqual(["/api/v1/namespaces/default/pods"]);
    expect(text(markup)).toBe(
      "Claim Status Bound Volume pvc-0d6f2a1c Capacity 3Gi Access modes RWO StorageClass standard Requested 3Gi Requested access modes RWO Volume mode Filesystem Used by task-pv-pod",
    );
    expect(markup).toContain('href="../../../../objects/core~v1/persistentvolumes/_/pvc-0d6f2a1c"');
    expect(markup).toContain('href="../../../../objects/core~v1/pods/default/task-pv-pod"');
  });

  it("a pod's ephemeral volume mounts the claim `<pod>-<volume>`", () => {
    const eph = podUsing("app", [{ name: "scratch", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } } }]);
    expect(mountsClaim(eph, "app-scratch")).toBe(true);
    expect(mountsClaim(eph, "scratch")).toBe(false);
  });

  it("a pending claim without status renders what it asked for", async () => {
    const pending: KubeObject = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "c", namespace: "default" }, spec: { resources: { requests: { storage: "1Gi" } } } };
    expect(text(await html(ClaimFacts, { ctx: pageContext(), claim: pending, usedBy: [] }))).toBe(
      "Claim Status (not reported yet) Volume <none> Capacity <none> Access modes <none> StorageClass <none> Requested 1Gi Requested access modes <none> Volume mode Filesystem Used by <none>",
    );
    const bare: KubeObject = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "b" } };
    expect(text(await html(ClaimFacts, { ctx: pageContext(), claim: bare, usedBy: [] }))).toContain("Status (not reported yet)");
  });
});

describe("PersistentVolume", () => {
  it("shows capacity, access modes, reclaim policy, status and claim (linked), class and where the data is", async () => {
    const markup = await html(await persistentVolumeView.sections(pageContext(), volume));
    expect(text(markup)).toBe(
      "Volume Capacity 3Gi Access modes RWO,ROX Reclaim policy Delete Status Bound Claim default/task-pv-claim StorageClass standard Volume mode Filesystem Source hostPath /tmp/hostpath-provisioner/default/task-pv-claim Reason <none> Message <none>",
    );
    expect(markup).toContain('href="../../../../objects/core~v1/persistentvolumeclaims/default/task-pv-claim"');
  });

  it("a Released volume shows why; a volume without status or spec renders", async () => {
    const released = { ...volume, status: { phase: "Released" } } as KubeObject;
    expect(text(await html(VolumeFacts, { ctx: pageContext(), volume: released }))).toContain("Status Released");
    const bare: KubeObject = { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv0" } };
    expect(text(await html(VolumeFacts, { ctx: pageContext(), volume: bare }))).toBe(
      "Volume Capacity <none> Access modes <none> Reclaim policy <none> Status (not reported yet) Claim <none> StorageClass <none> Volume mode Filesystem Source <none> Reason <none> Message <none>",
    );
  });

  it("both are views of the registry by group and kind", () => {
    expect(kindViewOf(kindDef("", "persistentvolumeclaims"))).toBe(persistentVolumeClaimView);
    expect(kindViewOf(kindDef("", "persistentvolumes"))).toBe(persistentVolumeView);
  });
});
