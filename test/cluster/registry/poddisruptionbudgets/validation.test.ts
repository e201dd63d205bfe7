// PodDisruptionBudget validation with the apiserver's messages (pkg/apis/policy/validation), its empty status on
// create, and the status checks of policy/v1.
import { describe, expect, it } from "vitest";
import { pdbStrategy } from "../../../../src/cluster/registry/poddisruptionbudgets/strategy";
import { validatePdb, validatePdbStatus, type PdbFields } from "../../../../src/cluster/registry/poddisruptionbudgets/validation";

const pdb = (spec: Record<string, unknown>, status?: Record<string, unknown>): PdbFields => ({ metadata: { name: "p", namespace: "default" }, spec, ...(status ? { status } : {}) }) as PdbFields;
const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);

describe("PodDisruptionBudget validation", () => {
  it("accepts counts, percentages up to 100%, a selector, and either eviction policy", () => {
    expect(validatePdb(pdb({ minAvailable: 2, selector: { matchLabels: { app: "web" } } }))).toEqual([]);
    expect(validatePdb(pdb({ maxUnavailable: "100%", selector: {}, unhealthyPodEvictionPolicy: "AlwaysAllow" }))).toEqual([]);
    expect(validatePdb(pdb({ minAvailable: "0%", unhealthyPodEvictionPolicy: "IfHealthyBudget" }))).toEqual([]);
    expect(validatePdb(pdb({}))).toEqual([]);
  });

  it("refuses minAvailable and maxUnavailable together, printing the spec as Go does", () => {
    expect(messages(validatePdb(pdb({ minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { app: "web" } } })))).toEqual([
      "spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000a1c0e0), Selector:(*v1.LabelSelector)(0xc000a1c100), MaxUnavailable:(*intstr.IntOrString)(0xc000a1c120), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set",
    ]);
  });

  it("checks each count: non-negative, a percentage with %, at most 100%", () => {
    expect(messages(validatePdb(pdb({ minAvailable: -1 })))).toEqual(["spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"]);
    expect(messages(validatePdb(pdb({ maxUnavailable: "50" })))).toEqual([
      `spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"50"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]);
    expect(messages(validatePdb(pdb({ minAvailable: "150%" })))).toEqual([
      `spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%`,
    ]);
  });

  it("checks the selector and the unhealthy pod eviction policy", () => {
    expect(messages(validatePdb(pdb({ selector: { matchExpressions: [{ key: "app", operator: "In" }] }, unhealthyPodEvictionPolicy: "Never" })))).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
    ]);
  });

  it("starts every budget with the four counts at 0, whatever the body's status", () => {
    const created = pdb({ minAvailable: 1 }, { disruptionsAllowed: 5 });
    pdbStrategy.prepareForCreate!(created, { now: "", stored: () => [] });
    expect(created.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
  });

  it("refuses negative counts and malformed conditions in a status write", () => {
    const status = {
      disruptionsAllowed: -1,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: -2,
      conditions: [
        { type: "DisruptionAllowed", status: "Maybe", lastTransitionTime: "2026-01-01T00:00:00Z", reason: "SufficientPods", message: "" },
        { type: "DisruptionAllowed", status: "True", lastTransitionTime: "", reason: "", message: "" },
      ],
    };
    expect(messages(validatePdbStatus(pdb({}, status)))).toEqual([
      'status.conditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"',
      "status.conditions[1].lastTransitionTime: Required value: must be set",
      "status.conditions[1].reason: Required value: must be set",
      'status.conditions[1].type: Duplicate value: "DisruptionAllowed"',
      "status.disruptionsAllowed: Invalid value: -1: must be greater than or equal to 0",
      "status.expectedPods: Invalid value: -2: must be greater than or equal to 0",
    ]);
  });
});
