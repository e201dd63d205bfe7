// The kubelet's reading of securityContext: the effective settings handed to the runtime, the runAsNonRoot check's
// messages (verifyRunAsNonRoot), and volume ownership under fsGroup.
import { describe, expect, it } from "vitest";
import type { Container, Pod } from "../../../src/api/schemas";
import { runAsNonRootError, securityOf, withOwnership } from "../../../src/cluster/kubelet/security-context";

const pod = (spec: Partial<NonNullable<Pod["spec"]>>): Pod => ({ metadata: { name: "p", namespace: "ns", uid: "u-1" }, spec: { containers: [], ...spec } });
const where = `(pod: "p_ns(u-1)", container: c)`;

describe("runAsNonRoot", () => {
  const c = (securityContext?: Container["securityContext"]): Container => ({ name: "c", image: "x", ...(securityContext ? { securityContext } : {}) });

  it("passes without runAsNonRoot, and with a non-root runAsUser or image user", () => {
    expect(runAsNonRootError(pod({}), c(), undefined)).toBeUndefined();
    expect(runAsNonRootError(pod({ securityContext: { runAsNonRoot: true, runAsUser: 1000 } }), c(), undefined)).toBeUndefined();
    expect(runAsNonRootError(pod({}), c({ runAsNonRoot: true }), "101")).toBeUndefined();
    expect(runAsNonRootError(pod({}), c({ runAsNonRoot: true }), "65535:65535")).toBeUndefined();
  });

  it("refuses root by the image, by a runAsUser of 0, and a user it cannot verify", () => {
    expect(runAsNonRootError(pod({ securityContext: { runAsNonRoot: true } }), c(), undefined)).toBe(`container has runAsNonRoot and image will run as root ${where}`);
    expect(runAsNonRootError(pod({}), c({ runAsNonRoot: true }), "0")).toBe(`container has runAsNonRoot and image will run as root ${where}`);
    expect(runAsNonRootError(pod({ securityContext: { runAsUser: 0 } }), c({ runAsNonRoot: true }), "101")).toBe(`container's runAsUser breaks non-root policy ${where}`);
    expect(runAsNonRootError(pod({}), c({ runAsNonRoot: true }), "nonroot:nonroot")).toBe(`container has runAsNonRoot and image has non-numeric user (nonroot), cannot verify user is non-root ${where}`);
  });

  it("the container's setting wins over the pod's", () => {
    expect(runAsNonRootError(pod({ securityContext: { runAsNonRoot: true } }), c({ runAsNonRoot: false }), undefined)).toBeUndefined();
  });
});

describe("what the runtime is told", () => {
  it("the container's user and group over the pod's; supplementalGroups with fsGroup; readOnlyRootFilesystem", () => {
    const p = pod({ securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] } });
    expect(securityOf(p, { name: "c", securityContext: { runAsUser: 2000, readOnlyRootFilesystem: true } })).toEqual({
      user: { uid: 2000, gid: 3000, supplementalGroups: [4000, 2000] },
      readOnlyRootFilesystem: true,
    });
    expect(securityOf(pod({}), { name: "c" })).toEqual({});
  });

  it("fsGroup owns emptyDir (setgid, world-writable) and configMap volumes (their defaultMode readable by the group), not hostPath", () => {
    const p = pod({
      securityContext: { fsGroup: 2000 },
      volumes: [{ name: "e", emptyDir: {} }, { name: "h", hostPath: { path: "/srv" } }, { name: "cm", configMap: { name: "cm", defaultMode: 0o600 } }],
    });
    const container: Container = { name: "c", volumeMounts: [{ name: "e", mountPath: "/e" }, { name: "h", mountPath: "/h" }, { name: "cm", mountPath: "/cm" }] };
    const source = { kind: () => undefined, read: () => undefined, list: () => [] };
    const mounts = withOwnership(p, container, ["/e", "/h", "/cm"].map((mountPath) => ({ mountPath, source })));
    expect(mounts.map((m) => m.attributes)).toEqual([{ gid: 2000, dirMode: 0o2777, fileMode: 0o644 }, undefined, { gid: 2000, dirMode: 0o2777, fileMode: 0o640 }]);
    expect(withOwnership(pod({ volumes: [{ name: "e", emptyDir: {} }] }), { name: "c", volumeMounts: [{ name: "e", mountPath: "/e" }] }, [{ mountPath: "/e", source }])[0]!.attributes).toEqual({ gid: 0, dirMode: 0o777, fileMode: 0o644 });
  });
});
