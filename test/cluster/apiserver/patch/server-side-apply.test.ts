import { describe, expect, it } from "vitest";
import { recordUpdateManager, serverSideApply } from "../../../../src/cluster/apiserver/patch/server-side-apply";
import { StatusError } from "../../../../src/api/status";
import type { KubeObject } from "../../../../src/api/object";
import { deploymentMeta } from "./meta-fixture";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const T0 = "2025-01-01T00:00:00Z";
const T1 = Date.parse("2025-01-01T00:05:00.123Z");

const config = (image = "nginx:1.25", extra: Any = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", labels: { app: "web" } },
  spec: {
    replicas: 1,
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "nginx", image, ports: [{ containerPort: 80 }] }, ...(extra.containers ?? [])] },
    },
  },
});

const apply = (current: KubeObject | undefined, applied: KubeObject, now: number | string = T0, force = false, manager = "kubectl") =>
  serverSideApply({ current, applied, manager, force, now, apiVersion: "apps/v1", meta: deploymentMeta }) as Any;

function conflictOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err.status;
    throw err;
  }
  throw new Error("expected a conflict");
}

describe("serverSideApply", () => {
  it("creates the object when there is none and records an Apply entry in FieldsV1 notation", () => {
    const out = apply(undefined, config());
    expect(out.spec).toEqual(config().spec);
    expect(out.metadata.managedFields).toEqual([
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "apps/v1",
        time: T0,
        fieldsType: "FieldsV1",
        fieldsV1: {
          "f:metadata": { "f:labels": { "f:app": {} } },
          "f:spec": {
            "f:replicas": {},
            "f:template": {
              "f:metadata": { "f:labels": { "f:app": {} } },
              "f:spec": {
                "f:containers": {
                  'k:{"name":"nginx"}': {
                    ".": {},
                    "f:image": {},
                    "f:name": {},
                    "f:ports": { 'k:{"containerPort":80}': { ".": {}, "f:containerPort": {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it("re-applies a changed image, keeps server metadata and stamps the time in whole seconds", () => {
    const live = { ...apply(undefined, config()), metadata: { ...apply(undefined, config()).metadata, uid: "u1", resourceVersion: "5" } };
    const out = apply(live, config("nginx:1.27"), T1);
    expect(out.spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect(out.metadata.uid).toBe("u1");
    expect(out.metadata.resourceVersion).toBe("5");
    expect(out.metadata.managedFields).toHaveLength(1);
    expect(out.metadata.managedFields[0].time).toBe("2025-01-01T00:05:00Z");
  });

  it("removes fields the manager stops applying", () => {
    const withSidecar = apply(undefined, config("nginx:1.25", { containers: [{ name: "sidecar", image: "busybox" }] }));
    const out = apply(withSidecar, { ...config(), metadata: { name: "web" } });
    expect(out.spec.template.spec.containers.map((c: Any) => c.name)).toEqual(["nginx"]);
    // metadata.labels is a field of ObjectMeta: released with its last label, as the apiserver leaves no `labels`.
    expect(out.metadata.labels).toBeUndefined();
    expect(out.metadata.managedFields[0].fieldsV1["f:metadata"]).toBeUndefined();
  });

  it("removes a struct it stops applying, with the fields defaulting put in it", () => {
    const probed = config();
    (probed.spec as Any).template.spec.containers[0].livenessProbe = { httpGet: { path: "/", port: "http" } };
    const live = apply(undefined, probed, T0, false, "helm");
    // What the apiserver's defaulting adds after the write; no manager owns these.
    Object.assign(live.spec.template.spec.containers[0].livenessProbe, { periodSeconds: 10, failureThreshold: 3 });
    live.spec.template.spec.containers[0].livenessProbe.httpGet.scheme = "HTTP";

    const out = apply(live, config(), T1, false, "helm");
    expect(out.spec.template.spec.containers[0]).toEqual({ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80 }] });
    expect(out.metadata.managedFields[0].fieldsV1["f:spec"]["f:template"]["f:spec"]["f:containers"]['k:{"name":"nginx"}']["f:livenessProbe"]).toBeUndefined();
  });

  it("keeps a struct it stops applying while another manager owns a field in it", () => {
    const probed = config();
    (probed.spec as Any).template.spec.containers[0].livenessProbe = { httpGet: { path: "/", port: "http" } };
    let live = apply(undefined, probed, T0, false, "helm");
    const tuned = structuredClone(live);
    tuned.spec.template.spec.containers[0].livenessProbe.periodSeconds = 5;
    live = recordUpdateManager({ current: live, updated: tuned, manager: "kubectl-edit", now: T0, apiVersion: "apps/v1", meta: deploymentMeta });

    const out = apply(live, config(), T1, false, "helm");
    expect(out.spec.template.spec.containers[0].livenessProbe).toEqual({ periodSeconds: 5 });
  });

  it("keeps fields it stops applying when another manager also owns them", () => {
    let live = apply(undefined, config());
    live = recordUpdateManager({
      current: live,
      updated: { ...live, metadata: { ...live.metadata, labels: { app: "web", team: "a" } } },
      manager: "kubectl-label",
      now: T0,
      apiVersion: "apps/v1",
      meta: deploymentMeta,
    });
    const applied = config();
    applied.metadata.labels = { team: "a" };
    const out = apply(live, applied);
    expect(out.metadata.labels).toEqual({ team: "a" });
    const out2 = apply(out, { ...config(), metadata: { name: "web" } });
    expect(out2.metadata.labels).toEqual({ team: "a" });
  });

  it("answers 409 when changing a field another manager owns, with the apiserver's wording", () => {
    const live = {
      ...config(),
      metadata: {
        name: "web",
        labels: { app: "web" },
        managedFields: [
          {
            manager: "kubectl-client-side-apply",
            operation: "Update" as const,
            apiVersion: "apps/v1",
            time: T0,
            fieldsType: "FieldsV1" as const,
            fieldsV1: { "f:spec": { "f:replicas": {} } },
          },
        ],
      },
    };
    const applied = config();
    (applied.spec as Any).replicas = 3;
    expect(conflictOf(() => apply(live, applied))).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      code: 409,
      reason: "Conflict",
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      details: {
        causes: [
          {
            reason: "FieldManagerConflict",
            message: 'conflict with "kubectl-client-side-apply" using apps/v1',
            field: ".spec.replicas",
          },
        ],
      },
    });

    const sameValue = apply(live, config());
    expect(sameValue.metadata.managedFields.map((m: Any) => m.manager)).toEqual(["kubectl", "kubectl-client-side-apply"]);

    const forced = apply(live, applied, T0, true);
    expect(forced.spec.replicas).toBe(3);
    expect(forced.metadata.managedFields.map((m: Any) => m.manager)).toEqual(["kubectl"]);
  });

  it("lists several conflicts per manager and names keyed list items in paths", () => {
    let live = apply(undefined, config(), T0, false, "alice");
    const applied = config("nginx:2");
    (applied.spec as Any).replicas = 4;
    const status = conflictOf(() => apply(live, applied, T0, false, "bob"));
    expect(status.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "alice":\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
    );
    expect(status.details?.causes?.map((c) => c.field)).toEqual([".spec.replicas", '.spec.template.spec.containers[name="nginx"].image']);
    live = apply(live, applied, T0, true, "bob");
    expect(live.spec.replicas).toBe(4);
  });

  it("merges keyed lists: live-only items stay, applied items follow the applied order", () => {
    const live: Any = apply(undefined, config("a", { containers: [{ name: "b", image: "b" }, { name: "c", image: "c" }] }), T0, false, "other");
    const applied: Any = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { template: { spec: { containers: [{ name: "b", image: "b2" }, { name: "d", image: "d" }] } } } };
    const out = apply(live, applied, T0, true);
    expect(out.spec.template.spec.containers.map((c: Any) => `${c.name}:${c.image}`)).toEqual(["nginx:a", "b:b2", "c:c", "d:d"]);
  });

  it("treats an object without managedFields as owned by before-first-apply", () => {
    const live = { ...config(), metadata: { name: "web", labels: { app: "web" } } };
    const applied = config();
    (applied.spec as Any).replicas = 2;
    const status = conflictOf(() => apply(live, applied));
    expect(status.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  it("does not modify its inputs", () => {
    const live = apply(undefined, config());
    const snapshot = structuredClone(live);
    const applied = config("nginx:9");
    apply(live, applied);
    expect(live).toEqual(snapshot);
    expect(applied).toEqual(config("nginx:9"));
  });
});

describe("recordUpdateManager", () => {
  const created = () =>
    recordUpdateManager({ current: undefined, updated: config(), manager: "kubectl-create", now: T0, apiVersion: "apps/v1", meta: deploymentMeta }) as Any;

  it("gives a creating manager every field, each added map and item marked with '.'", () => {
    const [entry] = created().metadata.managedFields;
    expect(entry).toMatchObject({ manager: "kubectl-create", operation: "Update", apiVersion: "apps/v1", time: T0, fieldsType: "FieldsV1" });
    expect(entry.fieldsV1["f:metadata"]).toEqual({ "f:labels": { ".": {}, "f:app": {} } });
    expect(entry.fieldsV1["f:spec"]["f:template"]["f:spec"]["f:containers"]['k:{"name":"nginx"}']).toEqual({
      ".": {},
      "f:image": {},
      "f:name": {},
      "f:ports": { ".": {}, 'k:{"containerPort":80}': { ".": {}, "f:containerPort": {} } },
    });
  });

  it("moves changed fields to the writing manager and drops removed fields from everyone", () => {
    const live = created();
    const scaled = structuredClone(live);
    scaled.spec.replicas = 3;
    delete scaled.metadata.labels;
    const out = recordUpdateManager({ current: live, updated: scaled, manager: "kubectl-scale", now: T1, apiVersion: "apps/v1", meta: deploymentMeta }) as Any;
    const byName = Object.fromEntries(out.metadata.managedFields.map((m: Any) => [m.manager, m]));
    expect(byName["kubectl-scale"].fieldsV1).toEqual({ "f:spec": { "f:replicas": {} } });
    expect(byName["kubectl-scale"].time).toBe("2025-01-01T00:05:00Z");
    expect(byName["kubectl-create"].fieldsV1["f:spec"]["f:replicas"]).toBeUndefined();
    expect(byName["kubectl-create"].fieldsV1["f:metadata"]).toBeUndefined();
  });

  it("leaves managedFields alone for a write that changes nothing", () => {
    const live = created();
    const out = recordUpdateManager({ current: live, updated: structuredClone(live), manager: "x", now: T1, apiVersion: "apps/v1", meta: deploymentMeta }) as Any;
    expect(out.metadata.managedFields).toEqual(live.metadata.managedFields);
  });
});
