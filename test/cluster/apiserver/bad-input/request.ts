// Request-level bad input: paths, methods, content types, body sizes and body structure (nesting, YAML aliases) —
// everything the apiserver refuses before it looks at a kind's fields.
import type { BadInputCase } from "./case";
import { allResources, collectionPath, configMaps, nestedArrays, nestedObjects, objectPath, seedConfigMap, storedResources } from "./paths";

const notAllowed = "the server does not allow this method on the requested resource";
const tooLarge = "Request entity too large: limit is 3145728";
const overLimit = 3 * 1024 * 1024 + 1;

/** A ConfigMap body of `bytes` bytes (valid JSON). */
function bigConfigMap(bytes: number): string {
  const head = '{"metadata":{"name":"big"},"data":{"blob":"';
  return head + "x".repeat(bytes - head.length - 3) + '"}}';
}

const percent: BadInputCase[] = [
  ["a lone percent sign as the name", `${configMaps}/%`],
  ["a percent sign and one hex digit", `${configMaps}/a%4`],
  ["a percent escape with non-hex digits", `${configMaps}/%zz`],
  ["a bad escape in the namespace", "/api/v1/namespaces/%/configmaps"],
  ["a bad escape in the resource", "/api/v1/namespaces/default/config%maps"],
  ["a bad escape in a group path", "/apis/apps/v1/namespaces/default/deployments/%g0"],
].flatMap(([name, path]) =>
  ["GET", "PUT", "DELETE"].map((method) => ({
    name: `${name} (${method})`,
    method,
    path,
    ...(method === "PUT" ? { body: '{"metadata":{"name":"x"}}' } : {}),
    code: 400,
    message: /^invalid URL escape /,
  })),
);

/** Methods no route serves: go-restful's 405, on objects and collections of every kind. */
const methods: BadInputCase[] = allResources.flatMap((def) =>
  ["OPTIONS", "PURGE", "PROPFIND"].flatMap((method) => [
    { name: `${method} on a ${def.kind} object`, method, path: objectPath(def), code: 405, message: notAllowed },
    { name: `${method} on ${def.resource}`, method, path: collectionPath(def), code: 405, message: notAllowed },
  ]),
);

const mediaTypes: BadInputCase[] = [
  ...storedResources.map((def) => ({
    name: `a ${def.kind} sent as text/plain`,
    method: "POST",
    path: collectionPath(def),
    body: "name: x",
    contentType: "text/plain",
    code: 415,
  })),
  { name: "XML", method: "POST", path: configMaps, body: "<ConfigMap/>", contentType: "application/xml", code: 415 },
  { name: "a form", method: "POST", path: configMaps, body: "a=b", contentType: "application/x-www-form-urlencoded", code: 415 },
  { name: "PUT as text/plain", method: "PUT", path: seedConfigMap, body: "{}", contentType: "text/plain", code: 415 },
];

const sizes: BadInputCase[] = [
  { name: "a body 1 byte over 3 MiB with its Content-Length", method: "POST", path: configMaps, body: bigConfigMap(overLimit), code: 413, message: tooLarge },
  { name: "a 4 MiB body", method: "POST", path: configMaps, body: bigConfigMap(4 * 1024 * 1024), code: 413, message: tooLarge },
  { name: "a 20 MiB body", method: "POST", path: configMaps, body: bigConfigMap(20 * 1024 * 1024), code: 413, message: tooLarge },
  { name: "a PUT over 3 MiB", method: "PUT", path: seedConfigMap, body: bigConfigMap(overLimit), code: 413, message: tooLarge },
  { name: "a merge patch over 3 MiB", method: "PATCH", path: seedConfigMap, body: bigConfigMap(overLimit), contentType: "application/merge-patch+json", code: 413, message: tooLarge },
  { name: "an apply patch over 3 MiB", method: "PATCH", path: `${seedConfigMap}?fieldManager=t`, body: bigConfigMap(overLimit), contentType: "application/apply-patch+yaml", code: 413, message: tooLarge },
  { name: "a DELETE body over 3 MiB", method: "DELETE", path: seedConfigMap, body: bigConfigMap(overLimit), code: 413, message: tooLarge },
  { name: "an eviction over 3 MiB", method: "POST", path: "/api/v1/namespaces/default/pods/seed/eviction", body: bigConfigMap(overLimit), code: 413, message: tooLarge },
  { name: "3 MiB of garbage to an unknown resource", method: "POST", path: "/api/v1/namespaces/default/widgets", body: "z".repeat(overLimit), code: 404 },
  { name: "3 MiB of garbage with a method nothing serves", method: "PURGE", path: seedConfigMap, body: "z".repeat(overLimit), code: 405 },
];

const deep = 10_001;
const nesting: BadInputCase[] = [
  { name: "10,001 nested objects as the body", method: "POST", path: configMaps, body: nestedObjects(deep), code: 400, message: /max depth/ },
  { name: "10,001 nested arrays as the body", method: "POST", path: configMaps, body: nestedArrays(deep), code: 400, message: /max depth/ },
  { name: "10,001 levels under data", method: "POST", path: configMaps, body: `{"metadata":{"name":"deep"},"data":${nestedObjects(deep - 1)}}`, code: 400, message: /max depth/ },
  { name: "10,001 levels under an unknown field", method: "POST", path: configMaps, body: `{"metadata":{"name":"deep"},"x":${nestedObjects(deep - 1)}}`, code: 400, message: /max depth/ },
  {
    name: "10,001 levels in managedFields.fieldsV1",
    method: "POST",
    path: configMaps,
    body: `{"metadata":{"name":"deep","managedFields":[{"manager":"m","operation":"Update","fieldsType":"FieldsV1","fieldsV1":${nestedObjects(deep - 3)}}]}}`,
    code: 400,
    message: /max depth/,
  },
  { name: "10,001 levels in a PUT", method: "PUT", path: seedConfigMap, body: `{"metadata":{"name":"seed"},"data":${nestedArrays(deep - 1)}}`, code: 400, message: /max depth/ },
  { name: "a million unclosed brackets", method: "POST", path: configMaps, body: "[".repeat(1_000_000), code: 400, message: /max depth/ },
  {
    name: "10,000 levels (the most Go decodes) under data: not a string",
    method: "POST",
    path: configMaps,
    body: `{"metadata":{"name":"deep"},"data":{"k":${nestedObjects(9_997)}}}`,
    code: 400,
    message: /^ConfigMap in version "v1" cannot be handled as a ConfigMap: /,
  },
  ...storedResources.map((def) => ({
    name: `10,001 nested arrays as a ${def.kind}`,
    method: "POST",
    path: collectionPath(def),
    body: nestedArrays(deep),
    code: 400,
    message: /max depth/,
  })),
];

const yamlBomb = `apiVersion: v1
kind: ConfigMap
metadata:
  name: bomb
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

const yaml: BadInputCase[] = [
  { name: "an alias inside its own anchor (sequence)", method: "POST", path: configMaps, body: "metadata: &a {name: x, labels: [*a]}\n", contentType: "application/yaml", code: 400 },
  { name: "an alias inside its own anchor (map)", method: "POST", path: configMaps, body: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: self\ndata: &d\n  k: *d\n", contentType: "application/yaml", code: 400 },
  { name: "a whole document that contains itself", method: "POST", path: configMaps, body: "&top\nmetadata:\n  name: x\nself: *top\n", contentType: "application/yaml", code: 400 },
  { name: "a billion laughs", method: "POST", path: configMaps, body: yamlBomb, contentType: "application/yaml", code: 400, message: /excessive aliasing/ },
  { name: "20,000 nested flow sequences", method: "POST", path: configMaps, body: `x: ${nestedArrays(20_000)}\n`, contentType: "application/yaml", code: 400, message: /max depth/ },
  { name: "20,000 nested block sequences", method: "POST", path: configMaps, body: "- ".repeat(20_000) + "x\n", contentType: "application/yaml", code: 400 },
  { name: "a self-referencing apply patch", method: "PATCH", path: `${seedConfigMap}?fieldManager=t`, body: "apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: seed\n  x: *m\n", contentType: "application/apply-patch+yaml", code: 400 },
  { name: "a billion laughs as an apply patch", method: "PATCH", path: `${seedConfigMap}?fieldManager=t`, body: yamlBomb.replace("name: bomb", "name: seed"), contentType: "application/apply-patch+yaml", code: 400, message: /excessive aliasing/ },
  { name: "YAML that is not a map", method: "POST", path: configMaps, body: "- a\n- b\n", contentType: "application/yaml", code: 400 },
  { name: "YAML with a tab indent", method: "POST", path: configMaps, body: "metadata:\n\tname: x\n", contentType: "application/yaml", code: 400 },
];

const bodies: BadInputCase[] = storedResources.flatMap((def) => [
  { name: `truncated JSON for a ${def.kind}`, method: "POST", path: collectionPath(def), body: '{"metadata":{"name":"x"', code: 400, message: /^json: / },
  { name: `a JSON array for a ${def.kind}`, method: "POST", path: collectionPath(def), body: "[]", code: 400 },
  { name: `a JSON string for a ${def.kind}`, method: "POST", path: collectionPath(def), body: '"x"', code: 400 },
  { name: `an empty body for a ${def.kind}`, method: "POST", path: collectionPath(def), body: "", code: 400 },
  { name: `protobuf garbage for a ${def.kind}`, method: "POST", path: collectionPath(def), body: new Uint8Array([0x6b, 0x38, 0x73, 0x00, 0xff, 0xff, 0xff]), contentType: "application/vnd.kubernetes.protobuf", code: 400 },
]);

export const cases: BadInputCase[] = [...percent, ...methods, ...mediaTypes, ...sizes, ...nesting, ...yaml, ...bodies];
