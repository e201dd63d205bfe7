import { describe, expect, it } from "vitest";
import { admissionForbidden, admissionName } from "../../../src/cluster/admission/forbidden";
import { defaultPriorityClass, resolvePodPriority, type PriorityClassInfo } from "../../../src/cluster/admission/pod-priority";
import { pods } from "../../../src/cluster/registry/pods";
import { priorityClasses } from "../../../src/cluster/registry/priorityclasses";

const high: PriorityClassInfo = { name: "high", value: 1000, preemptionPolicy: "PreemptLowerPriority" };
const polite: PriorityClassInfo = { name: "polite", value: 500, preemptionPolicy: "Never" };

function resolve(pod: Parameters<typeof resolvePodPriority>[0], classes: PriorityClassInfo[] = [high, polite]) {
  return resolvePodPriority(pod, (name) => classes.find((c) => c.name === name), () => classes);
}

describe("Priority admission of a new pod", () => {
  it("takes priority and preemptionPolicy from the named class", () => {
    expect(resolve({ priorityClassName: "high" })).toEqual({ ok: true, priorityClassName: "high", priority: 1000, preemptionPolicy: "PreemptLowerPriority" });
    expect(resolve({ priorityClassName: "polite" })).toEqual({ ok: true, priorityClassName: "polite", priority: 500, preemptionPolicy: "Never" });
  });

  it("refuses a class that does not exist", () => {
    expect(resolve({ priorityClassName: "foo" })).toEqual({ ok: false, reason: "no PriorityClass with name foo was found" });
  });

  it("gives 0 and PreemptLowerPriority without a class name and without a default class", () => {
    expect(resolve({})).toEqual({ ok: true, priorityClassName: "", priority: 0, preemptionPolicy: "PreemptLowerPriority" });
  });

  it("gives the global default class (the lowest if several claim it) to pods without a class name", () => {
    const a = { name: "a", value: 30, globalDefault: true, preemptionPolicy: "Never" };
    const b = { name: "b", value: 20, globalDefault: true, preemptionPolicy: "PreemptLowerPriority" };
    expect(defaultPriorityClass([high, a, b])?.name).toBe("b");
    expect(resolve({}, [high, a])).toEqual({ ok: true, priorityClassName: "a", priority: 30, preemptionPolicy: "Never" });
  });

  it("refuses a pod whose own priority or preemptionPolicy disagrees with the class", () => {
    expect(resolve({ priorityClassName: "high", priority: 7 })).toEqual({
      ok: false,
      reason: "the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name",
    });
    expect(resolve({ priority: 7 })).toMatchObject({ ok: false, reason: expect.stringContaining("computed 0 from the given PriorityClass name") });
    expect(resolve({ priorityClassName: "high", priority: 1000 })).toMatchObject({ ok: true, priority: 1000 });
    expect(resolve({ priorityClassName: "polite", preemptionPolicy: "PreemptLowerPriority" })).toEqual({
      ok: false,
      reason: "the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name",
    });
  });
});

describe("admission errors", () => {
  it("are 403 Forbidden naming the resource, qualified by its group", () => {
    const err = admissionForbidden(pods, "x", "no PriorityClass with name foo was found");
    expect(err.status).toMatchObject({ code: 403, reason: "Forbidden", message: 'pods "x" is forbidden: no PriorityClass with name foo was found', details: { name: "x", kind: "pods" } });
    expect(admissionForbidden(priorityClasses, "b", "why").status.message).toBe('priorityclasses.scheduling.k8s.io "b" is forbidden: why');
  });

  it("name a generated pod by its generateName, as the apiserver does before the name exists", () => {
    expect(admissionName("CREATE", { metadata: { name: "web-abc12", generateName: "web-" } })).toBe("web-");
    expect(admissionName("CREATE", { metadata: { name: "web-1", generateName: "web-" } })).toBe("web-1");
    expect(admissionName("UPDATE", { metadata: { name: "web-abc12", generateName: "web-" } })).toBe("web-abc12");
  });
});
