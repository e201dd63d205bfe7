// Validation of the smaller kinds (ConfigMap, Secret, ResourceQuota, Lease, EndpointSlice, Endpoints, core Event),
// with the apiserver's field paths and messages.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { configMapStrategy } from "../../../src/cluster/registry/configmaps/strategy";
import { endpointsStrategy } from "../../../src/cluster/registry/endpoints/strategy";
import { endpointSliceStrategy } from "../../../src/cluster/registry/endpointslices/strategy";
import { eventStrategy } from "../../../src/cluster/registry/events/strategy";
import { leaseStrategy } from "../../../src/cluster/registry/leases/strategy";
import { resourceQuotaStrategy } from "../../../src/cluster/registry/resourcequotas/strategy";
import { secretStrategy } from "../../../src/cluster/registry/secrets/strategy";
import type { Strategy } from "../../../src/cluster/registry/types";

const ctx = { now: "2025-06-01T12:00:00Z", stored: () => [] };
const obj = (fields: Record<string, unknown>, namespace = "default"): KubeObject => ({ metadata: { name: "x", namespace }, ...fields }) as KubeObject;
const messages = (strategy: Strategy<any>, o: KubeObject) => {
  strategy.defaults?.(o);
  return strategy.validate!(o, ctx).map((e) => `${e.field}: ${e.message}`);
};

describe("ConfigMap", () => {
  it("refuses a key in both data and binaryData, and more than 1 MiB at the path []", () => {
    expect(messages(configMapStrategy, obj({ data: { k: "x" }, binaryData: { k: "eA==" } }))).toEqual([
      'data[k]: Invalid value: "k": duplicate of key present in binaryData',
    ]);
    expect(messages(configMapStrategy, obj({ data: { a: "x".repeat(1024 * 1024), b: "y" } }))).toEqual(["[]: Too long: may not be more than 1048576 bytes"]);
    expect(messages(configMapStrategy, obj({ data: { a: "x".repeat(1024 * 1024) } }))).toEqual([]);
  });

  it("keeps immutable data, binaryData and the flag itself", () => {
    const old = obj({ immutable: true, data: { a: "1" } });
    expect(configMapStrategy.validateUpdate!(obj({ immutable: true, data: { a: "1" } }), old, ctx)).toEqual([]);
    expect(configMapStrategy.validateUpdate!(obj({ data: { a: "1" }, binaryData: { b: "eA==" } }), old, ctx).map((e) => e.field)).toEqual(["immutable", "binaryData"]);
  });
});

describe("Secret", () => {
  it("checks keys, decoded size and the keys of each type", () => {
    expect(messages(secretStrategy, obj({ stringData: { "a/b": "x" } }))[0]).toMatch(/^data\[a\/b\]: Invalid value: "a\/b": a valid config key/);
    expect(messages(secretStrategy, obj({ stringData: { a: "x".repeat(1024 * 1024 + 1) } }))).toEqual(["data: Too long: may not be more than 1048576 bytes"]);
    expect(messages(secretStrategy, obj({ type: "kubernetes.io/basic-auth", data: { password: "" } }))).toEqual([]);
    expect(messages(secretStrategy, obj({ type: "kubernetes.io/service-account-token" }))).toEqual([
      "metadata.annotations[kubernetes.io/service-account.name]: Required value",
    ]);
  });
});

describe("immutable Secret", () => {
  it("keeps its data, in any key order, and the flag itself", () => {
    const old = obj({ type: "Opaque", immutable: true, data: { a: "eA==", b: "eQ==" } });
    expect(secretStrategy.validateUpdate!(obj({ type: "Opaque", immutable: true, data: { b: "eQ==", a: "eA==" } }), old, ctx)).toEqual([]);
    expect(secretStrategy.validateUpdate!(obj({ type: "Opaque", data: { a: "eg==" } }), old, ctx).map((e) => `${e.field}: ${e.message}`)).toEqual([
      "immutable: Forbidden: field is immutable when `immutable` is set",
      "data: Forbidden: field is immutable when `immutable` is set",
    ]);
  });
});

describe("ResourceQuota", () => {
  it("refuses negative limits and fractional counts", () => {
    expect(messages(resourceQuotaStrategy, obj({ spec: { hard: { cpu: "-100m", pods: "2.5", memory: "1Gi" } } }))).toEqual([
      'spec.hard[cpu]: Invalid value: "-100m": must be greater than or equal to 0',
      'spec.hard[pods]: Invalid value: "2500m": must be an integer',
    ]);
  });
});

describe("Lease", () => {
  it("needs a positive duration and non-negative transitions", () => {
    expect(messages(leaseStrategy, obj({ spec: { leaseDurationSeconds: 0, leaseTransitions: -1 } }))).toEqual([
      "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
      "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0",
    ]);
    expect(messages(leaseStrategy, obj({ spec: { leaseDurationSeconds: 15 } }))).toEqual([]);
  });
});

describe("EndpointSlice and Endpoints", () => {
  it("check address types, ports and protocols", () => {
    expect(messages(endpointSliceStrategy, obj({ addressType: "IPv5", ports: [{ port: 0 }, { port: null, protocol: "TCP" }] }))).toEqual([
      'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"',
      "ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
    expect(messages(endpointsStrategy, obj({ subsets: [{ ports: [{ port: 80 }, { port: 70000, protocol: "HTTP" }] }] }))).toEqual([
      "subsets[0].ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'subsets[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
});

describe("core Event", () => {
  it("keeps the involved object in the event's namespace; cluster-scoped objects' events in default", () => {
    expect(messages(eventStrategy, obj({ involvedObject: { kind: "Pod", namespace: "default" } }))).toEqual([]);
    expect(messages(eventStrategy, obj({ involvedObject: { kind: "Node" } }))).toEqual([]);
    expect(messages(eventStrategy, obj({ involvedObject: { kind: "Node" } }, "kube-system"))).toEqual([
      'involvedObject.namespace: Invalid value: "": does not match event.namespace',
    ]);
    expect(messages(eventStrategy, obj({ involvedObject: { kind: "Pod", namespace: "other" } }))).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
  });
});
