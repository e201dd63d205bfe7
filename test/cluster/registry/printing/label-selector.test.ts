import { describe, expect, it } from "vitest";
import {
  formatLabels,
  formatLabelSelector,
  labelSelectorString,
} from "../../../../src/cluster/registry/printing/label-selector";

describe("formatLabels", () => {
  it("sorts pairs by key and says <none> when empty", () => {
    expect(formatLabels({ tier: "web", app: "shop" })).toBe("app=shop,tier=web");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabels(undefined)).toBe("<none>");
  });
});

describe("labelSelectorString / formatLabelSelector", () => {
  it("merges matchLabels and matchExpressions sorted by key, with sorted set values", () => {
    const selector = {
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "tier", operator: "In", values: ["frontend", "backend"] },
        { key: "env", operator: "NotIn", values: ["prod"] },
        { key: "canary", operator: "Exists" },
        { key: "legacy", operator: "DoesNotExist" },
      ],
    };
    expect(labelSelectorString(selector)).toBe("app=web,canary,env notin (prod),!legacy,tier in (backend,frontend)");
  });

  it("distinguishes empty (<none>) from invalid (<error>)", () => {
    expect(labelSelectorString(undefined)).toBe("");
    expect(formatLabelSelector({})).toBe("<none>");
    expect(formatLabelSelector({ matchExpressions: [{ key: "a", operator: "Bogus" }] })).toBe("<error>");
    expect(formatLabelSelector({ matchExpressions: [{ key: "a", operator: "In", values: [] }] })).toBe("<error>");
    expect(labelSelectorString({ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] })).toBeUndefined();
  });
});
