import { describe, expect, it } from "vitest";
import {
  compare,
  difference,
  fromFieldsV1,
  intersection,
  isEmptySet,
  memberPaths,
  pathString,
  removeFields,
  setOf,
  toFieldsV1,
  union,
  withNamedFieldsAsMembers,
} from "../../../../src/cluster/apiserver/patch/field-set";
import { podMeta } from "./meta-fixture";

const fields = {
  "f:metadata": { "f:finalizers": { 'v:"a"': {} }, "f:labels": { ".": {}, "f:app": {} } },
  "f:spec": { "f:containers": { 'k:{"name":"c"}': { ".": {}, "f:image": {}, "f:name": {} } } },
};

describe("field sets", () => {
  it("round-trips FieldsV1", () => {
    expect(toFieldsV1(fromFieldsV1(fields))).toEqual(fields);
  });

  it("makes struct fields with owned fields below them members, not map keys or list items", () => {
    const set = fromFieldsV1({
      "f:metadata": { "f:labels": { "f:app": {} } },
      "f:spec": { "f:containers": { 'k:{"name":"c"}': { "f:resources": { "f:limits": { "f:cpu": {} } } } } },
    });
    expect(memberPaths(withNamedFieldsAsMembers(set, podMeta)).map(pathString)).toEqual([
      ".metadata",
      ".metadata.labels",
      ".metadata.labels.app",
      ".spec",
      ".spec.containers",
      '.spec.containers[name="c"].resources',
      '.spec.containers[name="c"].resources.limits',
      '.spec.containers[name="c"].resources.limits.cpu',
    ]);
  });

  it("prints paths the way structured-merge-diff does", () => {
    expect(memberPaths(fromFieldsV1(fields)).map(pathString)).toEqual([
      '.metadata.finalizers[="a"]',
      ".metadata.labels",
      ".metadata.labels.app",
      '.spec.containers[name="c"]',
      '.spec.containers[name="c"].image',
      '.spec.containers[name="c"].name',
    ]);
    expect(pathString(["f:spec", 'k:{"containerPort":80,"protocol":"TCP"}', "f:name"])).toBe(
      '.spec[containerPort=80,protocol="TCP"].name',
    );
  });

  it("computes union, difference and intersection member by member", () => {
    const a = fromFieldsV1({ "f:spec": { "f:a": {}, "f:b": {} } });
    const b = fromFieldsV1({ "f:spec": { "f:b": {}, "f:c": {} } });
    expect(toFieldsV1(union(a, b))).toEqual({ "f:spec": { "f:a": {}, "f:b": {}, "f:c": {} } });
    expect(toFieldsV1(difference(a, b))).toEqual({ "f:spec": { "f:a": {} } });
    expect(toFieldsV1(intersection(a, b))).toEqual({ "f:spec": { "f:b": {} } });
    expect(isEmptySet(difference(a, a))).toBe(true);
  });

  it("builds the applied set with keyed items, set values and atomic lists as leaves", () => {
    const pod = {
      metadata: { finalizers: ["x"], labels: {} },
      spec: { containers: [{ name: "c", args: ["1", "2"], ports: [{ containerPort: 80, protocol: "TCP" }] }] },
    };
    expect(toFieldsV1(setOf(pod, podMeta))).toEqual({
      "f:metadata": { "f:finalizers": { 'v:"x"': {} }, "f:labels": {} },
      "f:spec": {
        "f:containers": {
          'k:{"name":"c"}': {
            ".": {},
            "f:args": {},
            "f:name": {},
            "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {}, "f:protocol": {} } },
          },
        },
      },
    });
  });

  it("compares two objects into added, modified and removed sets", () => {
    const before = { spec: { containers: [{ name: "a", image: "1" }, { name: "b", image: "1" }] } };
    const after = { spec: { containers: [{ name: "a", image: "2" }, { name: "c", image: "1" }] } };
    const { added, modified, removed } = compare(before, after, podMeta);
    expect(memberPaths(modified).map(pathString)).toEqual(['.spec.containers[name="a"].image']);
    expect(memberPaths(added).map(pathString)).toEqual(['.spec.containers[name="c"]', '.spec.containers[name="c"].image', '.spec.containers[name="c"].name']);
    expect(memberPaths(removed).map(pathString)).toContain('.spec.containers[name="b"]');
  });

  it("removes fields but keeps what another set still owns below them", () => {
    const pod = { spec: { containers: [{ name: "a", image: "1" }, { name: "b", image: "2", args: ["x"] }] } };
    const toRemove = fromFieldsV1({ "f:spec": { "f:containers": { 'k:{"name":"a"}': { ".": {}, "f:image": {} }, 'k:{"name":"b"}': { ".": {}, "f:image": {} } } } });
    const keep = fromFieldsV1({ "f:spec": { "f:containers": { 'k:{"name":"b"}': { "f:args": {} } } } });
    expect(removeFields(pod, toRemove, keep, podMeta)).toEqual({ spec: { containers: [{ name: "b", args: ["x"] }] } });
    expect(pod.spec.containers).toHaveLength(2);
  });
});
