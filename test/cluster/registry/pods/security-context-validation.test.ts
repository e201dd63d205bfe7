// securityContext validation: ids in range and the contradictions the apiserver refuses, with its paths and messages.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { podStrategy } from "../../../../src/cluster/registry/pods/strategy";

const ctx = { now: "2025-06-01T12:00:00Z", stored: () => [] };

function pod(securityContext: Record<string, unknown>, podSecurityContext?: Record<string, unknown>): KubeObject {
  return {
    metadata: { name: "p", namespace: "default" },
    spec: { containers: [{ name: "app", image: "nginx", securityContext }], ...(podSecurityContext ? { securityContext: podSecurityContext } : {}) },
  };
}
const messages = (p: KubeObject) => podStrategy.validate!(p, ctx).map((e) => `${e.field}: ${e.message}`);

describe("securityContext validation", () => {
  it("accepts allowPrivilegeEscalation, privileged and capabilities that agree", () => {
    expect(messages(pod({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] }, privileged: false, runAsUser: 1000 }))).toEqual([]);
    expect(messages(pod({ privileged: true }))).toEqual([]);
  });

  it("refuses no privilege escalation for a privileged container, printing the struct as Go does", () => {
    const [message] = messages(pod({ allowPrivilegeEscalation: false, privileged: true }));
    expect(message).toMatch(/^spec\.containers\[0\]\.securityContext: Invalid value: core\.SecurityContext\{Capabilities:\(\*core\.Capabilities\)\(nil\), Privileged:\(\*bool\)\(0xc[0-9a-f]+\), .*AllowPrivilegeEscalation:\(\*bool\)\(0xc[0-9a-f]+\), ProcMount:\(\*core\.ProcMountType\)\(nil\), SeccompProfile:\(\*core\.SeccompProfile\)\(nil\), AppArmorProfile:\(\*core\.AppArmorProfile\)\(nil\)\}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true$/);
  });

  it("refuses no privilege escalation with CAP_SYS_ADMIN added", () => {
    expect(messages(pod({ allowPrivilegeEscalation: false, capabilities: { add: ["CAP_SYS_ADMIN"] } }))[0]).toMatch(/: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN$/);
  });

  it("refuses ids out of range, container and pod", () => {
    expect(messages(pod({ runAsUser: -1 }, { fsGroup: -2, supplementalGroups: [1, -3], runAsGroup: 2147483648 }))).toEqual([
      "spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
      "spec.securityContext.fsGroup: Invalid value: -2: must be between 0 and 2147483647, inclusive",
      "spec.securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive",
      "spec.securityContext.supplementalGroups[1]: Invalid value: -3: must be between 0 and 2147483647, inclusive",
    ]);
  });
});
