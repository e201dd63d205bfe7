import { describe, expect, it } from "vitest";
import { zeroNullMapValues } from "../../../src/api/schemas/null-map-values";
import { ConfigMap } from "../../../src/api/schemas/core/configmap";
import { Pod } from "../../../src/api/schemas/core/pod";
import { Deployment } from "../../../src/api/schemas/apps/deployment";

describe("zeroNullMapValues (Go's decoding of a null map value)", () => {
  it("turns null label, annotation and data values into empty strings", () => {
    const cm: any = { metadata: { name: "x", labels: { a: null, b: "v" }, annotations: { c: null } }, data: { k: null }, binaryData: { b: null } };
    zeroNullMapValues(cm, ConfigMap);
    expect(cm).toEqual({ metadata: { name: "x", labels: { a: "", b: "v" }, annotations: { c: "" } }, data: { k: "" }, binaryData: { b: "" } });
  });

  it("reaches maps inside lists and nested objects, and zeroes null quantities", () => {
    const d: any = {
      spec: {
        selector: { matchLabels: { app: null } },
        template: { metadata: { labels: { app: null } }, spec: { containers: [{ name: "a", resources: { limits: { cpu: null } } }], nodeSelector: { zone: null } } },
      },
    };
    zeroNullMapValues(d, Deployment);
    expect(d.spec.selector.matchLabels.app).toBe("");
    expect(d.spec.template.metadata.labels.app).toBe("");
    expect(d.spec.template.spec.nodeSelector.zone).toBe("");
    expect(d.spec.template.spec.containers[0].resources.limits.cpu).toBe("0");
  });

  it("leaves nulls of struct fields alone (a null Time stays null)", () => {
    const pod: any = { metadata: { name: "p", creationTimestamp: null }, spec: { containers: [] }, status: { conditions: [{ type: "Ready", lastProbeTime: null }] } };
    zeroNullMapValues(pod, Pod);
    expect(pod.metadata.creationTimestamp).toBeNull();
    expect(pod.status.conditions[0].lastProbeTime).toBeNull();
  });
});
