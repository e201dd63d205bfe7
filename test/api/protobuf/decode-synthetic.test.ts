import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeKubernetesProtobuf } from "../../../src/api/protobuf/index";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";
import { StatusError } from "../../../src/api/status";
import { MAGIC, bytes, entry, envelope, int, message, str, sub } from "./encode";

function decodeError(body: Uint8Array): StatusError {
  try {
    decodeKubernetesProtobuf(body, messageTypes);
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  throw new Error("expected a StatusError");
}

/** ObjectMeta as field 1 of a kind message. */
const meta = (...fields: Uint8Array[]) => sub(1, ...fields);

/** The served kinds' and body kinds' messages, as the apiserver decodes with them. */
const { messageTypes } = new ResourceTable(resources);

describe("decodeKubernetesProtobuf on hand-built bodies", () => {
  it("keeps replicas 0 (pointer) but drops minReadySeconds 0 and paused false", () => {
    const raw = message(meta(str(1, "web")), sub(2, int(1, 0), int(5, 0), int(7, false), int(6, 0)));
    const { object } = decodeKubernetesProtobuf(envelope("apps/v1", "Deployment", raw), messageTypes);
    expect(object.spec).toEqual({ replicas: 0, revisionHistoryLimit: 0 });
  });

  it("renders Time as RFC3339 and omits an empty Time", () => {
    const withTime = message(meta(str(1, "a"), sub(8, int(1, 1735689600), int(2, 5)), sub(9)));
    const { object } = decodeKubernetesProtobuf(envelope("v1", "ConfigMap", withTime), messageTypes);
    expect(object.metadata).toEqual({ name: "a", creationTimestamp: "2025-01-01T00:00:00Z" });
  });

  it("decodes metadata lists: ownerReferences, finalizers, managedFields", () => {
    const raw = message(
      meta(
        str(1, "child"),
        sub(13, str(1, "ReplicaSet"), str(3, "rs"), str(4, "u1"), str(5, "apps/v1"), int(6, true), int(7, false)),
        str(14, "example.com/f"),
        sub(17, str(1, "kubectl"), str(2, "Update"), str(6, "FieldsV1"), sub(7, str(1, '{"f:data":{}}'))),
      ),
    );
    const { object } = decodeKubernetesProtobuf(envelope("v1", "ConfigMap", raw), messageTypes);
    expect(object.metadata).toEqual({
      name: "child",
      ownerReferences: [
        { kind: "ReplicaSet", name: "rs", uid: "u1", apiVersion: "apps/v1", controller: true, blockOwnerDeletion: false },
      ],
      finalizers: ["example.com/f"],
      managedFields: [{ manager: "kubectl", operation: "Update", fieldsType: "FieldsV1", fieldsV1: { "f:data": {} } }],
    });
  });

  it("keeps empty map values and encodes arbitrary bytes as base64", () => {
    const raw = message(meta(str(1, "s")), entry(2, "empty", ""), sub(2, str(1, "bin"), bytes(2, Uint8Array.of(0, 255))));
    const { object } = decodeKubernetesProtobuf(envelope("v1", "Secret", raw), messageTypes);
    expect(object.data).toEqual({ empty: "", bin: "AP8=" });
  });

  it("decodes IntOrString strings, negative int64 and packed repeated int64", () => {
    const deployment = message(meta(str(1, "d")), sub(2, sub(4, sub(2, sub(1, int(1, 1), str(3, "50%"))))));
    expect(decodeKubernetesProtobuf(envelope("apps/v1", "Deployment", deployment), messageTypes).object.spec).toEqual({
      strategy: { rollingUpdate: { maxUnavailable: "50%" } },
    });
    const packed = bytes(4, Uint8Array.of(1, 2, 3));
    const pod = message(meta(str(1, "p")), sub(2, int(5, -1), sub(14, packed)));
    expect(decodeKubernetesProtobuf(envelope("v1", "Pod", pod), messageTypes).object.spec).toEqual({
      activeDeadlineSeconds: -1,
      securityContext: { supplementalGroups: [1, 2, 3] },
    });
  });

  it("decodes Eviction with its DeleteOptions and LimitRange quantities", () => {
    const eviction = message(meta(str(1, "p"), str(3, "default")), sub(2, int(1, 0), str(4, "Background")));
    expect(decodeKubernetesProtobuf(envelope("policy/v1", "Eviction", eviction), messageTypes).object).toEqual({
      apiVersion: "policy/v1",
      kind: "Eviction",
      metadata: { name: "p", namespace: "default" },
      deleteOptions: { gracePeriodSeconds: 0, propagationPolicy: "Background" },
    });
    const limits = message(meta(str(1, "l")), sub(2, sub(1, str(1, "Container"), sub(4, str(1, "cpu"), sub(2, str(1, "500m"))))));
    expect(decodeKubernetesProtobuf(envelope("v1", "LimitRange", limits), messageTypes).object.spec).toEqual({
      limits: [{ type: "Container", default: { cpu: "500m" } }],
    });
  });

  it("decodes a StorageClass, keeping pointer zero values", () => {
    const raw = message(
      meta(str(1, "fast")),
      str(2, "example.com/disk"),
      entry(3, "type", "ssd"),
      str(4, "Retain"),
      str(5, "debug"),
      int(6, false),
      str(7, "WaitForFirstConsumer"),
      sub(8, sub(1, str(1, "topology.kubernetes.io/zone"), str(2, "a"), str(2, "b"))),
    );
    expect(decodeKubernetesProtobuf(envelope("storage.k8s.io/v1", "StorageClass", raw), messageTypes).object).toEqual({
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "fast" },
      provisioner: "example.com/disk",
      parameters: { type: "ssd" },
      reclaimPolicy: "Retain",
      mountOptions: ["debug"],
      allowVolumeExpansion: false,
      volumeBindingMode: "WaitForFirstConsumer",
      allowedTopologies: [{ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["a", "b"] }] }],
    });
  });

  it("decodes an Ingress as `kubectl create ingress` sends it: the rule value inlined, pathType a pointer", () => {
    // kubectl create ingress simple --class=nginx --rule="foo.com/bar*=svc1:8080,tls=my-cert" --default-backend=web:http
    const backend = (name: string, port: Uint8Array) => sub(4, str(1, name), sub(2, port));
    const path = sub(1, str(1, "/bar"), sub(2, backend("svc1", int(2, 8080))), str(3, "Prefix"));
    const raw = message(
      meta(str(1, "simple"), str(3, "default")),
      sub(2, sub(1, backend("web", str(1, "http"))), sub(2, str(1, "foo.com"), str(2, "my-cert")), sub(3, str(1, "foo.com"), sub(2, sub(1, path))), str(4, "nginx")),
      sub(3, sub(1)),
    );
    expect(decodeKubernetesProtobuf(envelope("networking.k8s.io/v1", "Ingress", raw), messageTypes).object).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "simple", namespace: "default" },
      spec: {
        ingressClassName: "nginx",
        defaultBackend: { service: { name: "web", port: { name: "http" } } },
        tls: [{ hosts: ["foo.com"], secretName: "my-cert" }],
        rules: [{ host: "foo.com", http: { paths: [{ path: "/bar", pathType: "Prefix", backend: { service: { name: "svc1", port: { number: 8080 } } } }] } }],
      },
      status: { loadBalancer: {} },
    });
  });

  it("decodes DeleteOptions in meta.k8s.io/v1 and in every served group version", () => {
    const raw = message(int(1, 3));
    for (const apiVersion of ["meta.k8s.io/v1", "v1", "apps/v1", "storage.k8s.io/v1"]) {
      expect(decodeKubernetesProtobuf(envelope(apiVersion, "DeleteOptions", raw), messageTypes).object).toEqual({
        apiVersion,
        kind: "DeleteOptions",
        gracePeriodSeconds: 3,
      });
    }
  });

  it("skips fields it does not know, as the Go decoder does", () => {
    const raw = message(meta(str(1, "c"), str(99, "future")), int(42, 7), entry(2, "a", "1"));
    expect(decodeKubernetesProtobuf(envelope("v1", "ConfigMap", raw), messageTypes).object).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c" },
      data: { a: "1" },
    });
  });
});

describe("decodeKubernetesProtobuf errors (400 BadRequest)", () => {
  it("rejects a body without the k8s\\0 prefix", () => {
    const error = decodeError(new TextEncoder().encode('{"kind":"Pod"}'));
    expect(error.code).toBe(400);
    expect(error.status.reason).toBe("BadRequest");
    expect(error.status.message).toBe(
      "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]",
    );
  });

  it("rejects empty data and a bare prefix", () => {
    expect(decodeError(new Uint8Array()).status.message).toBe("empty data");
    expect(decodeError(MAGIC).status.message).toBe("empty body");
  });

  it("rejects a truncated body", () => {
    const full = readFileSync(new URL("./fixtures/deployment.bin", import.meta.url));
    const error = decodeError(full.subarray(0, full.length - 40));
    expect(error.code).toBe(400);
    expect(error.status.message).toMatch(/unexpected EOF/);
  });

  it("rejects truncated object bytes naming the kind", () => {
    const raw = message(meta(str(1, "web")));
    const error = decodeError(envelope("apps/v1", "Deployment", raw.subarray(0, raw.length - 1)));
    expect(error.status.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: unexpected EOF');
  });

  it("rejects a wrong wire type for a known field", () => {
    const error = decodeError(envelope("v1", "ConfigMap", message(int(1, 5))));
    expect(error.status.message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: proto: wrong wireType = 0 for field Metadata',
    );
  });

  it("rejects kinds it cannot decode, in the scheme's wording", () => {
    const error = decodeError(envelope("v1", "Frobnicator", message()));
    expect(error.code).toBe(400);
    expect(error.status.message).toBe(
      'no kind "Frobnicator" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
    expect(decodeError(envelope("autoscaling/v2", "HorizontalPodAutoscaler", message())).status.message).toMatch(/^no kind "HorizontalPodAutoscaler"/);
    expect(decodeError(envelope("apps/v2", "DeleteOptions", message())).status.message).toMatch(/^no kind "DeleteOptions"/);
    expect(decodeError(envelope("apps/v2", "Deployment", message())).status.message).toMatch(
      /^no kind "Deployment" is registered for version "apps\/v2"/,
    );
  });
});
