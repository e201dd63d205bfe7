// Scale and replicas (issue 9): concurrent `scale` requests without a resourceVersion all apply to the object as it
// is; one that names a stale resourceVersion gets 409; replicas outside int32 are refused with the apiserver's
// answers, through `scale` (the decoder's 400 for a Scale body, the patch handler's 422 for a patch) and through a
// Deployment, ReplicaSet or ReplicationController spec (the decoder's 400), and nothing is stored.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

const deployPath = "/apis/apps/v1/namespaces/default/deployments";
let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 0 });
});

function deployment(name: string, replicas: unknown) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } },
    },
  };
}

async function createDeployment(name: string, replicas = 1): Promise<any> {
  const { status, body } = await kubeJson(cluster, deployPath, { method: "POST", body: deployment(name, replicas) });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

const mergePatch = (replicas: unknown) => ({
  method: "PATCH",
  raw: `{"spec":{"replicas":${replicas}}}`,
  contentType: "application/merge-patch+json",
});

describe("the scale subresource", () => {
  it("applies 10 concurrent scales without a resourceVersion, each to the object as it is", async () => {
    await createDeployment("busy");
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => kubeJson(cluster, `${deployPath}/busy/scale`, mergePatch(i + 2))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const versions = answers.map((a) => Number(a.body.metadata.resourceVersion));
    expect(new Set(versions).size).toBe(10);
    const last = answers[versions.indexOf(Math.max(...versions))].body.spec.replicas;
    const { body } = await kubeJson(cluster, `${deployPath}/busy`);
    expect(body.spec.replicas).toBe(last);
  });

  it("applies 10 concurrent PUTs of a Scale without a resourceVersion; with a stale one, only the first wins", async () => {
    const d = await createDeployment("puts");
    const put = (replicas: number, resourceVersion?: string) =>
      kubeJson(cluster, `${deployPath}/puts/scale`, {
        method: "PUT",
        body: {
          apiVersion: "autoscaling/v1",
          kind: "Scale",
          metadata: { name: "puts", namespace: "default", ...(resourceVersion ? { resourceVersion } : {}) },
          spec: { replicas },
        },
      });
    const free = await Promise.all(Array.from({ length: 10 }, (_, i) => put(i + 1)));
    expect(free.map((a) => a.status)).toEqual(Array(10).fill(200));
    const current = (await kubeJson(cluster, `${deployPath}/puts/scale`)).body.metadata.resourceVersion;
    expect(current).not.toBe(d.metadata.resourceVersion);
    const pinned = await Promise.all(Array.from({ length: 5 }, (_, i) => put(i + 1, current)));
    expect(pinned.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(pinned.find((a) => a.status === 409)!.body.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "puts": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it("refuses replicas outside int32 in a Scale body with the decoder's 400, and stores nothing", async () => {
    const d = await createDeployment("big", 2);
    for (const [replicas, shown] of [["2147483648", "2147483648"], ["1e308", "1e308"], ["-2147483649", "-2147483649"], ["1.5", "1.5"]]) {
      const raw = `{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"big","namespace":"default"},"spec":{"replicas":${replicas}}}`;
      const { status, body } = await kubeJson(cluster, `${deployPath}/big/scale`, { method: "PUT", raw });
      expect(status).toBe(400);
      expect(body).toMatchObject({ kind: "Status", reason: "BadRequest", code: 400 });
      expect(body.message).toBe(
        `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal number ${shown} into Go struct field ScaleSpec.spec.replicas of type int32`,
      );
    }
    const wrongType = await kubeJson(cluster, `${deployPath}/big/scale`, {
      method: "PUT",
      body: { kind: "Scale", metadata: { name: "big" }, spec: { replicas: "3" } },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toBe(
      'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32',
    );
    const { body } = await kubeJson(cluster, `${deployPath}/big`);
    expect(body.spec.replicas).toBe(2);
    expect(body.metadata.resourceVersion).toBe(d.metadata.resourceVersion);
  });

  it("refuses a patch that makes replicas leave int32 with the patch handler's 422, quoting the patched Scale", async () => {
    const d = await createDeployment("patched", 2);
    for (const replicas of ["2147483648", "1e308"]) {
      const { status, body } = await kubeJson(cluster, `${deployPath}/patched/scale`, mergePatch(replicas));
      expect(status).toBe(422);
      expect(body).toMatchObject({ kind: "Status", reason: "Invalid", code: 422 });
      const scale =
        `{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"creationTimestamp":${JSON.stringify(d.metadata.creationTimestamp)},` +
        `"name":"patched","namespace":"default","resourceVersion":"${d.metadata.resourceVersion}","uid":"${d.metadata.uid}"},` +
        `"spec":{"replicas":${replicas}},"status":{"replicas":0,"selector":"app=patched"}}`;
      expect(body.message).toBe(
        ` "" is invalid: patch: Invalid value: ${JSON.stringify(scale)}: json: cannot unmarshal number ${replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
      );
      expect(body.details.causes).toEqual([
        { reason: "FieldValueInvalid", field: "patch", message: expect.stringContaining(`cannot unmarshal number ${replicas}`) },
      ]);
    }
    const negative = await kubeJson(cluster, `${deployPath}/patched/scale`, mergePatch("-1"));
    expect(negative.status).toBe(422);
    expect(negative.body.message).toBe(
      'Scale.autoscaling "patched" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    const { body } = await kubeJson(cluster, `${deployPath}/patched`);
    expect(body.spec.replicas).toBe(2);
  });
});

describe("field ownership through the scale subresource", () => {
  it("makes the scaler own spec.replicas, so a later apply of another replica count conflicts (helm upgrade after kubectl scale)", async () => {
    const apply = (replicas: number, force = false) =>
      kubeJson(cluster, `${deployPath}/owned?fieldManager=helm${force ? "&force=true" : ""}`, {
        method: "PATCH",
        contentType: "application/apply-patch+yaml",
        body: deployment("owned", replicas),
      });
    expect((await apply(1)).status).toBe(201);
    const scaled = await kubeJson(cluster, `${deployPath}/owned/scale`, { ...mergePatch(2), headers: { "user-agent": "kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0" } });
    expect(scaled.status).toBe(200);
    const { body } = await kubeJson(cluster, `${deployPath}/owned`);
    const scaler = body.metadata.managedFields.find((m: any) => m.manager === "kubectl");
    expect(scaler).toMatchObject({ operation: "Update", apiVersion: "apps/v1", subresource: "scale", fieldsV1: { "f:spec": { "f:replicas": {} } } });

    const conflict = await apply(3);
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    const forced = await apply(3, true);
    expect(forced.status).toBe(200);
    expect(forced.body.spec.replicas).toBe(3);
  });
});

describe("replicas of a workload spec", () => {
  it("refuses replicas outside int32 in a Deployment, ReplicaSet or ReplicationController with the decoder's 400", async () => {
    const replicationController = {
      apiVersion: "v1",
      kind: "ReplicationController",
      metadata: { name: "huge" },
      spec: { replicas: 0, selector: { app: "huge" }, template: deployment("huge", 0).spec.template },
    };
    const kinds = [
      { path: deployPath, kind: "Deployment", version: "v1", object: deployment("huge", 0) },
      { path: "/apis/apps/v1/namespaces/default/replicasets", kind: "ReplicaSet", version: "v1", object: { ...deployment("huge", 0), kind: "ReplicaSet" } },
      { path: "/api/v1/namespaces/default/replicationcontrollers", kind: "ReplicationController", version: "v1", object: replicationController },
    ];
    for (const k of kinds) {
      for (const replicas of ["2147483648", "1e308"]) {
        const raw = JSON.stringify(k.object).replace('"replicas":0', `"replicas":${replicas}`);
        const { status, body } = await kubeJson(cluster, k.path, { method: "POST", raw });
        expect(status, `${k.kind} ${replicas}: ${JSON.stringify(body)}`).toBe(400);
        expect(body.reason).toBe("BadRequest");
        expect(body.message).toMatch(new RegExp(`^${k.kind} in version "${k.version}" cannot be handled as a ${k.kind}: json: `));
        // The detail is the schema check's (src/cluster/apiserver/schema-check.ts); Kubernetes says `json: cannot
        // unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32`.
        expect(body.message).toContain("spec.replicas");
      }
      const { status } = await kubeJson(cluster, `${k.path}/huge`);
      expect(status).toBe(404);
    }
  });
});
