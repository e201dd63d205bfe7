// The access-log store: lines kept by run in time order, a replayed connection adds nothing, and the bounds per run
// and in total hold (the runs appended to least recently lose their lines first).
import { describe, expect, it } from "vitest";
import { AccessLogStore } from "../../../src/cluster/network/access-log";

const line = (text: string) => [{ stream: "stdout" as const, text }];

describe("access-log store", () => {
  it("keeps lines by run in time order and ignores a replayed connection", () => {
    const store = new AccessLogStore();
    store.append("run-a", "c|0|2000", 2000, line("second"));
    store.append("run-a", "c|1|1000", 1000, line("first"));
    store.append("run-a", "c|0|2000", 2000, line("second"));
    expect(store.lines("run-a", 0, Infinity).map((l) => l.text)).toEqual(["first", "second"]);
    expect(store.lines("run-a", 1500, 3000).map((l) => l.text)).toEqual(["second"]);
    expect(store.lines("run-b", 0, Infinity)).toEqual([]);
    // A connection that printed nothing is remembered too.
    store.append("run-a", "c|2|3000", 3000, []);
    expect(store.has("run-a", "c|2|3000")).toBe(true);
    expect(store.size).toBe(2);
  });

  it("bounds the lines per run and in total", () => {
    const store = new AccessLogStore({ perRun: 3, total: 5 });
    for (let i = 0; i < 5; i++) store.append("run-a", `a|${i}`, i, line(`a${i}`));
    expect(store.lines("run-a", 0, Infinity).map((l) => l.text)).toEqual(["a2", "a3", "a4"]);
    for (let i = 0; i < 3; i++) store.append("run-b", `b|${i}`, i, line(`b${i}`));
    expect(store.size).toBe(5);
    expect(store.lines("run-a", 0, Infinity).map((l) => l.text)).toEqual(["a3", "a4"]);
    expect(store.lines("run-b", 0, Infinity)).toHaveLength(3);
    store.forget("run-b");
    expect(store.size).toBe(2);
  });
});
