// What a ConfigMap-like volume shows over time: a change is written the sync delay after it was seen, once; the first
// files stay for subPath mounts; the updates kept are bounded.
import { describe, expect, it } from "vitest";
import { keptUpdates, ProjectedHistory } from "../../../src/cluster/kubelet/projected-history";

const T = 1_000_000;

describe("ProjectedHistory", () => {
  it("writes a change the delay after it was first seen, and asks for no sync when nothing changed", () => {
    const history = new ProjectedHistory({ color: "blue" });
    expect(history.sync({ color: "blue" }, T, 1_000)).toBeUndefined();
    expect(history.sync({ color: "red" }, T, 1_000)).toBe(T + 1_000);
    expect(history.sync({ color: "red" }, T + 500, 1_000)).toBe(T + 1_000);
    expect(history.read("color", T + 999)).toBe("blue");
    expect(history.sync({ color: "red" }, T + 1_000, 1_000)).toBeUndefined();
    expect(history.read("color", T + 999)).toBe("blue");
    expect(history.read("color", T + 1_000)).toBe("red");
    expect(history.first.read("color", T + 5_000)).toBe("blue");
    expect(history.sync({ color: "red" }, T + 2_000, 1_000)).toBeUndefined();
  });

  it("drops a change undone before its sync", () => {
    const history = new ProjectedHistory({ a: "1" });
    expect(history.sync({ a: "2" }, T, 1_000)).toBe(T + 1_000);
    expect(history.sync({ a: "1" }, T + 500, 1_000)).toBeUndefined();
    expect(history.sync({ a: "3" }, T + 600, 1_000)).toBe(T + 1_600);
  });

  it(`keeps the first files and the last ${keptUpdates} updates`, () => {
    const history = new ProjectedHistory({ n: "0" });
    for (let i = 1; i <= keptUpdates + 4; i++) {
      history.sync({ n: String(i) }, T + i * 10, 0);
    }
    expect(history.read("n", T + (keptUpdates + 4) * 10)).toBe(String(keptUpdates + 4));
    expect(history.read("n", T + 50)).toBe("5");
    expect(history.read("n", T + 40)).toBe("0");
    expect(history.list("", T)).toEqual(["n"]);
  });
});
