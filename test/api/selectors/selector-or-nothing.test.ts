import { describe, expect, it } from "vitest";
import { nothingSelector } from "../../../src/api/selectors/label-selector";
import { labelSelectorOrNothing, mapSelectorOrNothing } from "../../../src/api/selectors/selector-or-nothing";

describe("labelSelectorOrNothing", () => {
  it("selects nothing for an absent or invalid selector and everything for {}", () => {
    expect(labelSelectorOrNothing(undefined)).toBe(nothingSelector);
    expect(labelSelectorOrNothing(null)).toBe(nothingSelector);
    expect(labelSelectorOrNothing({ matchExpressions: [{ key: "a", operator: "Bogus" }] })).toBe(nothingSelector);
    expect(labelSelectorOrNothing({ matchExpressions: "not a list" })).toBe(nothingSelector);
    expect(labelSelectorOrNothing({}).matches({ any: "thing" })).toBe(true);
  });

  it("matches by the selector otherwise", () => {
    const s = labelSelectorOrNothing({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["a"] }] });
    expect(s.matches({ app: "web", tier: "a" })).toBe(true);
    expect(s.matches({ app: "web" })).toBe(false);
  });
});

describe("mapSelectorOrNothing", () => {
  it("selects nothing for an absent or empty map, and by every entry otherwise", () => {
    expect(mapSelectorOrNothing(undefined)).toBe(nothingSelector);
    expect(mapSelectorOrNothing({})).toBe(nothingSelector);
    const s = mapSelectorOrNothing({ app: "web", tier: "a" });
    expect(s.matches({ app: "web", tier: "a", x: "y" })).toBe(true);
    expect(s.matches({ app: "web" })).toBe(false);
  });
});
