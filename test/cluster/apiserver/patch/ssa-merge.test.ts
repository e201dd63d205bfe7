import { describe, expect, it } from "vitest";
import { ssaMerge } from "../../../../src/cluster/apiserver/patch/ssa-merge";
import { podMeta } from "./meta-fixture";

const names = (pod: unknown) =>
  (pod as { spec: { containers: { name: string }[] } }).spec.containers.map((c) => c.name);
const pod = (...containers: string[]) => ({ spec: { containers: containers.map((name) => ({ name })) } });

describe("ssaMerge", () => {
  it("appends new keyed items after the live ones", () => {
    expect(names(ssaMerge(pod("a", "b", "c"), pod("b", "d"), podMeta))).toEqual(["a", "b", "c", "d"]);
  });

  it("follows the applied order for items it names", () => {
    expect(names(ssaMerge(pod("a", "b"), pod("b", "a"), podMeta))).toEqual(["b", "a"]);
  });

  it("merges matched items field by field and replaces atomic lists", () => {
    const live = { spec: { containers: [{ name: "a", image: "1", args: ["x", "y"] }] } };
    const applied = { spec: { containers: [{ name: "a", args: ["z"] }] } };
    expect(ssaMerge(live, applied, podMeta)).toEqual({ spec: { containers: [{ name: "a", image: "1", args: ["z"] }] } });
  });

  it("unions sets, deletes on null and does not modify inputs", () => {
    const live = { metadata: { finalizers: ["a"], labels: { x: "1" } } };
    const out = ssaMerge(live, { metadata: { finalizers: ["b"], labels: null } }, podMeta);
    expect(out).toEqual({ metadata: { finalizers: ["a", "b"] } });
    expect(live).toEqual({ metadata: { finalizers: ["a"], labels: { x: "1" } } });
  });
});
