// The persistentvolume binder with the built-in provisioner: a claim of the default class is provisioned and bound;
// a claim without a class binds the smallest static volume that fits; WaitForFirstConsumer waits for the scheduler;
// a foreign provisioner is waited for; reclaim policies on claim deletion.
import { describe, expect, it } from "vitest";
import { pvSetup, ns } from "./helpers";

describe("PV binder: dynamic provisioning", () => {
  it("provisions a claim of the default class standard and binds it, with minikube's events and annotations", async () => {
    const t = pvSetup();
    expect((await t.createClaim("data")).status).toBe(201);
    const claim = t.claim("data")!;
    const name = `pvc-${claim.metadata.uid}`;
    expect(claim.spec).toMatchObject({ storageClassName: "standard", volumeName: name });
    expect(claim.metadata.annotations).toMatchObject({
      "pv.kubernetes.io/bind-completed": "yes",
      "pv.kubernetes.io/bound-by-controller": "yes",
      "volume.beta.kubernetes.io/storage-provisioner": "k8s.io/minikube-hostpath",
      "volume.kubernetes.io/storage-provisioner": "k8s.io/minikube-hostpath",
    });
    expect(claim.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect(claim.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } });
    const pv = t.volume(name)!;
    expect(pv.metadata.annotations).toEqual({ "pv.kubernetes.io/provisioned-by": "k8s.io/minikube-hostpath" });
    expect(pv.metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
    expect(pv.spec).toMatchObject({
      accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/tmp/hostpath-provisioner/default/data", type: "" },
      persistentVolumeReclaimPolicy: "Delete", storageClassName: "standard", volumeMode: "Filesystem",
      claimRef: { kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: claim.metadata.uid, apiVersion: "v1" },
    });
    expect(pv.spec!.nodeAffinity).toBeUndefined();
    expect(pv.status?.phase).toBe("Bound");
    expect(t.eventsFor("data")).toEqual([
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Provisioning: External provisioner is provisioning volume for claim "default/data"',
      `ProvisioningSucceeded: Successfully provisioned volume ${name}`,
    ]);
    expect(t.eventSources("data")[1]).toMatch(/^k8s\.io\/minikube-hostpath_[^_]+_.+/);
  });

  it("leaves `storageClassName: \"\"` without a class: no volume, FailedBinding", async () => {
    const t = pvSetup();
    await t.createClaim("plain", { storageClassName: "" });
    expect(t.claim("plain")!.spec!.storageClassName).toBe("");
    expect(t.claim("plain")!.status!.phase).toBe("Pending");
    expect(t.volumes()).toEqual([]);
    expect(t.eventsFor("plain")).toEqual(["FailedBinding: no persistent volumes available for this claim and no storage class is set"]);
  });

  it("waits for an external provisioner it does not run, and refuses an unknown class", async () => {
    const t = pvSetup();
    await t.createClass("ebs", { provisioner: "ebs.csi.aws.com" });
    await t.createClaim("cloud", { storageClassName: "ebs" });
    expect(t.claim("cloud")!.status!.phase).toBe("Pending");
    expect(t.claim("cloud")!.metadata.annotations!["volume.kubernetes.io/storage-provisioner"]).toBe("ebs.csi.aws.com");
    expect(t.eventsFor("cloud")[0]).toMatch(/^ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'ebs\.csi\.aws\.com'/);
    await t.createClaim("nowhere", { storageClassName: "missing" });
    expect(t.eventsFor("nowhere")).toEqual(['ProvisioningFailed: storageclass.storage.k8s.io "missing" not found']);
  });
});

describe("PV binder: static volumes", () => {
  it("binds the smallest Available volume of the claim's class that fits, honouring modes and selector", async () => {
    const t = pvSetup();
    await t.createVolume("big", { capacity: { storage: "10Gi" }, storageClassName: "manual" });
    await t.createVolume("small", { capacity: { storage: "500Mi" }, storageClassName: "manual" });
    await t.createVolume("fits", { capacity: { storage: "2Gi" }, storageClassName: "manual" });
    await t.createVolume("rwx", { capacity: { storage: "1Gi" }, storageClassName: "manual", accessModes: ["ReadWriteMany"] }, { tier: "fast" });
    for (const name of ["big", "small", "fits", "rwx"]) expect(t.volume(name)!.status!.phase).toBe("Available");
    await t.createClaim("db", { storageClassName: "manual" });
    expect(t.claim("db")!.spec!.volumeName).toBe("fits");
    expect(t.claim("db")!.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "2Gi" } });
    expect(t.volume("fits")!.status!.phase).toBe("Bound");
    expect(t.volume("fits")!.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    await t.createClaim("shared", { storageClassName: "manual", accessModes: ["ReadWriteMany"], selector: { matchLabels: { tier: "fast" } } });
    expect(t.claim("shared")!.spec!.volumeName).toBe("rwx");
    await t.createClaim("none", { storageClassName: "manual", resources: { requests: { storage: "20Gi" } } });
    expect(t.claim("none")!.status!.phase).toBe("Pending");
  });

  it("binds a claim to the volume it names, and a volume to the claim its claimRef names", async () => {
    const t = pvSetup();
    await t.createVolume("named", { storageClassName: "" });
    await t.createClaim("wants", { storageClassName: "", volumeName: "named" });
    expect(t.claim("wants")!.status!.phase).toBe("Bound");
    expect(t.claim("wants")!.metadata.annotations!["pv.kubernetes.io/bound-by-controller"]).toBeUndefined();
    expect(t.volume("named")!.spec!.claimRef).toMatchObject({ name: "wants", uid: t.claim("wants")!.metadata.uid });
    await t.createVolume("reserved", { storageClassName: "", claimRef: { namespace: "default", name: "later" } });
    expect(t.volume("reserved")!.status!.phase).toBe("Available");
    await t.createClaim("other", { storageClassName: "" });
    expect(t.claim("other")!.status!.phase).toBe("Pending");
    await t.createClaim("later", { storageClassName: "" });
    expect(t.claim("later")!.spec!.volumeName).toBe("reserved");
  });
});

describe("PV binder: reclaim", () => {
  it("deletes a provisioned volume with its claim (Delete), and keeps a Retain volume Released", async () => {
    const t = pvSetup();
    await t.createClaim("temp");
    const name = t.claim("temp")!.spec!.volumeName!;
    await t.send("DELETE", `${ns}/persistentvolumeclaims/temp`);
    expect(t.claim("temp")).toBeUndefined();
    expect(t.volume(name)).toBeUndefined();

    await t.createVolume("keep", { storageClassName: "manual" });
    await t.createClaim("kept", { storageClassName: "manual" });
    expect(t.volume("keep")!.status!.phase).toBe("Bound");
    await t.send("DELETE", `${ns}/persistentvolumeclaims/kept`);
    expect(t.volume("keep")!.status!.phase).toBe("Released");
    expect(t.volume("keep")!.spec!.claimRef!.name).toBe("kept");
    // A Released volume is not bound again.
    await t.createClaim("kept", { storageClassName: "manual" });
    expect(t.claim("kept")!.status!.phase).toBe("Pending");
  });
});

