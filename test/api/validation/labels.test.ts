import { describe, expect, it } from "vitest";
import { validateLabelSelector, validateLabels } from "../../../src/api/validation/labels";

const rendered = (errs: { field: string; message: string }[]) => errs.map((e) => `${e.field}: ${e.message}`);

describe("validateLabels", () => {
  it("reports at the map path for keys and values", () => {
    expect(validateLabels({ app: "web" }, "metadata.labels")).toEqual([]);
    expect(rendered(validateLabels({ "/x": "v" }, "metadata.labels"))).toEqual([
      'metadata.labels: Invalid value: "/x": prefix part must be non-empty',
    ]);
  });
});

describe("validateLabelSelector (metav1 validation)", () => {
  it("accepts a null or well-formed selector", () => {
    expect(validateLabelSelector(null, "spec.selector")).toEqual([]);
    expect(
      validateLabelSelector(
        { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["a"] }] },
        "spec.selector",
      ),
    ).toEqual([]);
  });

  it("checks operators against their values", () => {
    expect(
      rendered(
        validateLabelSelector(
          {
            matchExpressions: [
              { key: "a", operator: "In", values: [] },
              { key: "b", operator: "Exists", values: ["x"] },
              { key: "c", operator: "Gt", values: ["1"] },
            ],
          },
          "spec.selector",
        ),
      ),
    ).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Gt": not a valid selector operator',
    ]);
  });

  it("checks keys and values", () => {
    const errs = rendered(
      validateLabelSelector({ matchExpressions: [{ key: "bad key", operator: "In", values: ["ok", "not ok"] }] }, "s"),
    );
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatch(/^s\.matchExpressions\[0\]\.key: Invalid value: "bad key": name part must consist/);
    expect(errs[1]).toMatch(/^s\.matchExpressions\[0\]\.values\[1\]: Invalid value: "not ok": a valid label must be/);
  });
});
