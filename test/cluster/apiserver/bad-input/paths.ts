// Paths and bodies the request-level case files share: every served resource, its collection and object paths, and
// the objects the runner seeds (named `seed`) so that writes to an existing object can be tried.
import { resources } from "../../../../src/cluster/registry/resources";
import type { ResourceDef } from "../../../../src/cluster/registry/types";

export const ns = "default";

/** Every resource kubectl can reach, computed kinds (access reviews) included. */
export const allResources: ResourceDef[] = resources;

/** Resources stored as objects (get, update and patch served). */
export const storedResources = resources.filter((d) => d.verbs.includes("get") && d.verbs.includes("update") && d.verbs.includes("patch"));

export function apiVersionOf(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

export function collectionPath(def: ResourceDef): string {
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  return def.namespaced ? `${base}/namespaces/${ns}/${def.resource}` : `${base}/${def.resource}`;
}

export function objectPath(def: ResourceDef, name = "seed"): string {
  return `${collectionPath(def)}/${name}`;
}

/** `depth` nested objects `{"a":{"a":...}}` around `inner` (a JSON text). */
export function nestedObjects(depth: number, inner = "1"): string {
  return '{"a":'.repeat(depth) + inner + "}".repeat(depth);
}

/** `depth` nested arrays around `inner`. */
export function nestedArrays(depth: number, inner = "1"): string {
  return "[".repeat(depth) + inner + "]".repeat(depth);
}

/** The seeded ConfigMap, the object most request-level cases write to. */
export const seedConfigMap = `/api/v1/namespaces/${ns}/configmaps/seed`;
export const configMaps = `/api/v1/namespaces/${ns}/configmaps`;
export const seedPod = `/api/v1/namespaces/${ns}/pods/seed`;
export const seedDeployment = `/apis/apps/v1/namespaces/${ns}/deployments/seed`;

/** Objects the runner creates before the corpus (collection path, body). */
export const seeds: [string, unknown][] = [
  [configMaps, { metadata: { name: "seed", labels: { app: "seed" } }, data: { a: "1" } }],
  [`/api/v1/namespaces/${ns}/secrets`, { metadata: { name: "seed" }, stringData: { password: "hunter2" } }],
  [`/api/v1/namespaces/${ns}/pods`, { metadata: { name: "seed", labels: { app: "seed" } }, spec: { containers: [{ name: "app", image: "nginx:1.25" }] } }],
  [
    `/apis/apps/v1/namespaces/${ns}/deployments`,
    {
      metadata: { name: "seed" },
      spec: { replicas: 1, selector: { matchLabels: { app: "seed-web" } }, template: { metadata: { labels: { app: "seed-web" } }, spec: { containers: [{ name: "app", image: "nginx:1.25" }] } } },
    },
  ],
];
