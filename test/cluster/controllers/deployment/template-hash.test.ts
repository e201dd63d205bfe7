import { describe, expect, it } from "vitest";
import { deploymentStrategy } from "../../../../src/cluster/registry/deployments/strategy";
import {
  computeTemplateHash,
  equalIgnoreHash,
  fnv32a,
  normalizeTemplate,
  safeEncodeString,
} from "../../../../src/cluster/controllers/deployment/template-hash";

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: any): any {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reverseKeys(value[k])]));
  return value;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** What `kubectl create deployment web --image=nginx:1.25` stores, after the apiserver's defaulting. */
function createdTemplate() {
  const d: any = {
    metadata: { name: "web" },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25", resources: {} }] } },
    },
  };
  deploymentStrategy.defaults!(d);
  return d.spec.template;
}

/** The template `kubectl rollout undo` sends back (kubectl-wire §8.1): the RS template re-encoded by client-go. */
const undoTemplate = {
  metadata: { creationTimestamp: null, labels: { app: "web" } },
  spec: {
    containers: [
      {
        image: "nginx:1.25",
        imagePullPolicy: "IfNotPresent",
        name: "nginx",
        resources: {},
        terminationMessagePath: "/dev/termination-log",
        terminationMessagePolicy: "File",
      },
    ],
    dnsPolicy: "ClusterFirst",
    restartPolicy: "Always",
    schedulerName: "default-scheduler",
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  },
};

describe("fnv32a and safe encoding", () => {
  it("matches the FNV-1a 32-bit test vectors", () => {
    expect(fnv32a(utf8(""))).toBe(0x811c9dc5);
    expect(fnv32a(utf8("a"))).toBe(0xe40c292c);
    expect(fnv32a(utf8("foobar"))).toBe(0xbf9cf968);
  });

  it("maps digits into the vowel-free alphabet as rand.SafeEncodeString does", () => {
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });
});

describe("computeTemplateHash", () => {
  it("is written in the safe alphabet", () => {
    expect(computeTemplateHash(createdTemplate())).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it("gives the rollout-undo body the same hash as the template it came from", () => {
    expect(computeTemplateHash(undoTemplate)).toBe(computeTemplateHash(createdTemplate()));
    expect(equalIgnoreHash(undoTemplate, createdTemplate())).toBe(true);
  });

  it("ignores the pod-template-hash label, key order and null or empty fields", () => {
    const withHash = structuredClone(createdTemplate());
    withHash.metadata.labels["pod-template-hash"] = "5d8f6c7b9";
    expect(equalIgnoreHash(withHash, createdTemplate())).toBe(true);
    const reordered = reverseKeys(createdTemplate());
    expect(computeTemplateHash(reordered)).toBe(computeTemplateHash(createdTemplate()));
    const withNulls = { ...structuredClone(createdTemplate()), extra: null };
    withNulls.spec.volumes = [];
    expect(computeTemplateHash(withNulls)).toBe(computeTemplateHash(createdTemplate()));
  });

  it("treats canonical-equal quantities as equal", () => {
    const a = structuredClone(createdTemplate());
    a.spec.containers[0].resources = { requests: { cpu: "0.5" } };
    const b = structuredClone(createdTemplate());
    b.spec.containers[0].resources = { requests: { cpu: "500m" } };
    expect(computeTemplateHash(a)).toBe(computeTemplateHash(b));
  });

  it("changes with the image, a restart annotation and the collision count", () => {
    const base = computeTemplateHash(createdTemplate());
    const image = structuredClone(createdTemplate());
    image.spec.containers[0].image = "nginx:1.27";
    expect(computeTemplateHash(image)).not.toBe(base);
    const restarted = structuredClone(createdTemplate());
    restarted.metadata.annotations = { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z" };
    expect(computeTemplateHash(restarted)).not.toBe(base);
    expect(computeTemplateHash(createdTemplate(), 1)).not.toBe(base);
    expect(computeTemplateHash(createdTemplate(), 1)).toBe(computeTemplateHash(createdTemplate(), 1));
  });

  it("keeps meaningful zero values of pointer fields", () => {
    const off = structuredClone(createdTemplate());
    off.spec.automountServiceAccountToken = false;
    expect(normalizeTemplate(off)).toMatchObject({ spec: { automountServiceAccountToken: false } });
    expect(computeTemplateHash(off)).not.toBe(computeTemplateHash(createdTemplate()));
  });
});
