// The kubelet's index of what pods' volumes show: a ConfigMap or Secret write finds exactly the pods of its namespace
// that mount it, and a pod's refs follow its latest sync.
import { describe, expect, it } from "vitest";
import { MountedRefs } from "../../../src/cluster/kubelet/mounted-refs";

describe("MountedRefs", () => {
  it("finds the pods of the namespace showing a ref, and follows each pod's latest refs", () => {
    const refs = new MountedRefs();
    refs.set("a/web", new Set(["configmap/kube-root-ca.crt", "secret/db"]));
    refs.set("a/job", new Set(["configmap/kube-root-ca.crt", "pod"]));
    refs.set("b/web", new Set(["configmap/kube-root-ca.crt"]));
    expect(refs.showing("a", "configmap/kube-root-ca.crt").sort()).toEqual(["a/job", "a/web"]);
    expect(refs.showing("a", "secret/db")).toEqual(["a/web"]);
    expect(refs.showing("b", "secret/db")).toEqual([]);
    expect([refs.showsOwnFields("a/job"), refs.showsOwnFields("a/web")]).toEqual([true, false]);

    refs.set("a/web", new Set(["configmap/settings"]));
    expect(refs.showing("a", "secret/db")).toEqual([]);
    expect(refs.showing("a", "configmap/settings")).toEqual(["a/web"]);
    refs.set("a/job", new Set());
    refs.delete("b/web");
    expect(refs.showing("a", "configmap/kube-root-ca.crt")).toEqual([]);
    expect(refs.showing("b", "configmap/kube-root-ca.crt")).toEqual([]);
    expect(refs.showsOwnFields("a/job")).toBe(false);
  });
});
