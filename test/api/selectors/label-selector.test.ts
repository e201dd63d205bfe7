import { describe, expect, it } from "vitest";
import {
  everythingSelector,
  labelSelectorFromObject,
  nothingSelector,
  parseLabelSelector,
  selectorFromSet,
} from "../../../src/api/selectors/label-selector";
import { StatusError } from "../../../src/api/status";

/** The message of the 400 the selector is rejected with. */
function rejection(selector: string): string {
  try {
    parseLabelSelector(selector);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    const err = e as StatusError;
    expect(err.code).toBe(400);
    expect(err.status.reason).toBe("BadRequest");
    return err.status.message!;
  }
  throw new Error(`selector ${JSON.stringify(selector)} was accepted`);
}

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("parseLabelSelector matching", () => {
  const web = { app: "web", tier: "front" };
  it.each([
    ["app=web", true],
    ["app==web", true],
    ["app=db", false],
    ["app!=db", true],
    ["missing!=x", true],
    ["app in (web,db)", true],
    ["app in (db)", false],
    ["app notin (db)", true],
    ["missing notin (db)", true],
    ["app notin (web)", false],
    ["app", true],
    ["missing", false],
    ["!missing", true],
    ["!app", false],
    ["app=web,tier=front", true],
    ["app=web,tier=back", false],
    [" app = web ,\ttier in ( front , back ) ", true],
    ["", true],
  ])("%j on {app: web, tier: front} → %s", (selector, expected) => {
    expect(parseLabelSelector(selector).matches(web)).toBe(expected);
  });

  it("treats a missing label set like an empty one", () => {
    expect(parseLabelSelector("!app").matches(undefined)).toBe(true);
    expect(parseLabelSelector("app").matches(null)).toBe(false);
  });

  it("supports the empty value and the Gt/Lt operators", () => {
    expect(parseLabelSelector("x in (foo,,baz),y,z notin ()").matches({ x: "", y: "1" })).toBe(true);
    expect(parseLabelSelector("a=").matches({ a: "" })).toBe(true);
    expect(parseLabelSelector("n>5").matches({ n: "7" })).toBe(true);
    expect(parseLabelSelector("n<5").matches({ n: "7" })).toBe(false);
    expect(parseLabelSelector("n>5").matches({ n: "x" })).toBe(false);
  });

  it("treats the words in/notin as values in value positions", () => {
    expect(parseLabelSelector("in in (in,notin)").matches({ in: "notin" })).toBe(true);
  });

  it("reports emptiness and exact matches, and prints sorted requirements", () => {
    expect(parseLabelSelector("").isEmpty()).toBe(true);
    const sel = parseLabelSelector("tier in (z,a),app=web,!gone");
    expect(sel.isEmpty()).toBe(false);
    expect(sel.toString()).toBe("app=web,!gone,tier in (a,z)"); // sorted by key, not by text
    expect(sel.requiresExactMatch("app")).toBe("web");
    expect(sel.requiresExactMatch("tier")).toBeUndefined();
  });
});

describe("parseLabelSelector errors (messages as the apiserver returns them)", () => {
  it("rejects a bad key (kubectl get pods -l app:monolith)", () => {
    expect(rejection("app:monolith")).toBe(`unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_PART}`);
  });

  it("rejects a bad key prefix", () => {
    expect(rejection("app.kubernetes_io/name=x")).toBe(
      'unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    );
  });

  it("rejects a key with too many slashes", () => {
    expect(rejection("a/b/c ?=? def")).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    );
  });

  it("rejects a bad value", () => {
    expect(rejection("app=demo-{nginx}")).toBe(
      "unable to parse requirement: values[0][app]: Invalid value: \"demo-{nginx}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });

  it("rejects a non-integer Gt operand", () => {
    expect(rejection("environment>qa")).toBe(
      "unable to parse requirement: values[0]: Invalid value: \"qa\": for 'Gt', 'Lt' operators, the value must be an integer",
    );
  });

  it.each([
    ["type=app,versionv1.0.1)", "found ')'"],
    ["env IN (a)", "found 'IN'"],
    ["e!!!!!ss", "found '!'"],
    ["x (", "found '('"],
  ])("rejects a missing operator: %j", (selector, found) => {
    expect(rejection(selector)).toBe(`unable to parse requirement: ${found}, expected: in, notin, =, ==, !=, gt, lt`);
  });

  it("rejects structural mistakes outside a requirement", () => {
    expect(rejection("a,")).toBe("found '', expected: identifier after ','");
    expect(rejection("!a=b")).toBe("found '=', expected: ',' or 'end of string'");
    expect(rejection("=a")).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(rejection("a in x")).toBe("unable to parse requirement: found 'x' expected: '('");
    expect(rejection("a in (b c)")).toBe("unable to parse requirement: found 'c', expected: ',' or ')'");
  });
});

describe("labelSelectorFromObject (metav1.LabelSelectorAsSelector)", () => {
  it("matches nothing for a null selector and everything for an empty one", () => {
    expect(labelSelectorFromObject(null).matches({ a: "b" })).toBe(false);
    expect(labelSelectorFromObject(null).isEmpty()).toBe(false);
    expect(labelSelectorFromObject({}).matches({ a: "b" })).toBe(true);
    expect(labelSelectorFromObject({}).isEmpty()).toBe(true);
    expect(nothingSelector.matches({})).toBe(false);
    expect(everythingSelector.matches({})).toBe(true);
  });

  it("combines matchLabels and matchExpressions", () => {
    const sel = labelSelectorFromObject({
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "tier", operator: "In", values: ["front", "edge"] },
        { key: "env", operator: "NotIn", values: ["prod"] },
        { key: "owner", operator: "Exists" },
        { key: "legacy", operator: "DoesNotExist" },
      ],
    });
    expect(sel.matches({ app: "web", tier: "edge", owner: "me" })).toBe(true);
    expect(sel.matches({ app: "web", tier: "edge", owner: "me", env: "prod" })).toBe(false);
    expect(sel.matches({ app: "web", tier: "edge" })).toBe(false);
    expect(sel.matches({ app: "web", tier: "edge", owner: "me", legacy: "1" })).toBe(false);
  });

  it("rejects invalid selectors with Kubernetes' messages", () => {
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: "a", operator: "In", values: [] }] })).toThrow(
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] })).toThrow(
      '"Gt" is not a valid label selector operator',
    );
  });

  it("selectorFromSet matches exactly the given labels", () => {
    const sel = selectorFromSet({ b: "2", a: "1" });
    expect(sel.toString()).toBe("a=1,b=2");
    expect(sel.matches({ a: "1", b: "2", c: "3" })).toBe(true);
    expect(sel.matches({ a: "1" })).toBe(false);
    expect(selectorFromSet(undefined).isEmpty()).toBe(true);
  });
});

describe("labelSelectorFromObject(...).toString()", () => {
  it("prints requirements sorted by key, set values sorted, as kubectl shows them", () => {
    expect(
      labelSelectorFromObject({
        matchLabels: { app: "web" },
        matchExpressions: [
          { key: "tier", operator: "In", values: ["b", "a"] },
          { key: "x", operator: "Exists" },
          { key: "y", operator: "DoesNotExist" },
          { key: "env", operator: "NotIn", values: ["prod"] },
        ],
      }).toString(),
    ).toBe("app=web,env notin (prod),tier in (a,b),x,!y");
  });
});
