// PATCH in all its types (JSON patch, merge, strategic merge, server-side apply): malformed patches, patch options
// (PatchOptions validation), apply's own checks, nesting limits, and patches whose result Kubernetes refuses.
import type { BadInputCase } from "./case";
import { apiVersionOf, collectionPath, nestedArrays, nestedObjects, objectPath, seedConfigMap, storedResources } from "./paths";

const json = "application/json-patch+json";
const merge = "application/merge-patch+json";
const strategic = "application/strategic-merge-patch+json";
const apply = "application/apply-patch+yaml";
const jsonTypes = [json, merge, strategic];

const patchOptionsInvalid = 'PatchOptions.meta.k8s.io "" is invalid: ';

/** What every kind answers, whether or not the object exists: the patch is refused before it is looked up. */
const perKind: BadInputCase[] = storedResources.flatMap((def) => {
  const path = objectPath(def);
  const av = apiVersionOf(def);
  return [
    ...jsonTypes.map((type) => ({ name: `truncated ${type} on a ${def.kind}`, method: "PATCH", path, body: '{"metadata":', contentType: type, code: 400, message: "invalid JSON patch" })),
    ...jsonTypes.map((type) => ({ name: `10,001 levels of ${type} on a ${def.kind}`, method: "PATCH", path, body: nestedObjects(10_001), contentType: type, code: 400, message: "invalid JSON patch" })),
    { name: `apply without fieldManager on a ${def.kind}`, method: "PATCH", path, body: JSON.stringify({ apiVersion: av, kind: def.kind, metadata: { name: "seed" } }), contentType: apply, code: 422, message: `${patchOptionsInvalid}fieldManager: Required value: is required for apply patch` },
    { name: `force on a merge patch of a ${def.kind}`, method: "PATCH", path: `${path}?force=true`, body: "{}", contentType: merge, code: 422, message: `${patchOptionsInvalid}force: Forbidden: may not be specified for non-apply patch` },
    { name: `fieldValidation=Bogus on a ${def.kind}`, method: "PATCH", path: `${path}?fieldValidation=Bogus`, body: "{}", contentType: merge, code: 422, message: `${patchOptionsInvalid}fieldValidation: Unsupported value: "Bogus": supported values: "", "Ignore", "Strict", "Warn"` },
    { name: `apply without apiVersion and kind on a ${def.kind}`, method: "PATCH", path: `${path}?fieldManager=t`, body: '{"metadata":{"name":"seed"}}', contentType: apply, code: 400, message: "invalid object type: /, Kind=" },
    { name: `a YAML patch type on a ${def.kind}`, method: "PATCH", path, body: "{}", contentType: "application/json-patch+yaml", code: 415 },
    { name: `a CBOR apply on a ${def.kind}`, method: "PATCH", path: `${path}?fieldManager=t`, body: new Uint8Array([0xa0]), contentType: "application/apply-patch+cbor", code: 415 },
    { name: `a PATCH of the ${def.resource} collection`, method: "PATCH", path: collectionPath(def), body: "{}", contentType: merge, code: 405 },
  ];
});

const seed = seedConfigMap;
const onSeed: BadInputCase[] = [
  // JSON patch (RFC 6902)
  { name: "a JSON patch that is an object", method: "PATCH", path: seed, body: "{}", contentType: json, code: 400 },
  { name: "a JSON patch of numbers", method: "PATCH", path: seed, body: "[1,2]", contentType: json, code: 400 },
  { name: "a JSON patch with an unknown op", method: "PATCH", path: seed, body: '[{"op":"explode","path":"/data"}]', contentType: json, code: 422 },
  { name: "a JSON patch removing what is not there", method: "PATCH", path: seed, body: '[{"op":"remove","path":"/data/nope"}]', contentType: json, code: 422 },
  { name: "a failed JSON patch test", method: "PATCH", path: seed, body: '[{"op":"test","path":"/data/a","value":"2"},{"op":"add","path":"/data/b","value":"x"}]', contentType: json, code: 422 },
  { name: "a JSON patch path without a slash", method: "PATCH", path: seed, body: '[{"op":"add","path":"data","value":{}}]', contentType: json, code: 422 },
  { name: "a JSON patch value nested 10,001 levels", method: "PATCH", path: seed, body: `[{"op":"add","path":"/data/b","value":${nestedArrays(10_000)}}]`, contentType: json, code: 400, message: "invalid JSON patch" },
  { name: "a JSON patch giving data a number", method: "PATCH", path: seed, body: '[{"op":"replace","path":"/data","value":5}]', contentType: json, code: 400, message: /^ConfigMap in version "v1" cannot be handled as a ConfigMap: / },
  { name: "a JSON patch renaming the object", method: "PATCH", path: seed, body: '[{"op":"replace","path":"/metadata/name","value":"other"}]', contentType: json, code: 400 },
  { name: "a JSON patch changing the uid", method: "PATCH", path: seed, body: '[{"op":"replace","path":"/metadata/uid","value":"0000"}]', contentType: json, code: 422 },
  // merge patch
  { name: "a merge patch that is a string", method: "PATCH", path: seed, body: '"x"', contentType: merge, code: 400 },
  { name: "a merge patch giving data a list", method: "PATCH", path: seed, body: '{"data":[1]}', contentType: merge, code: 400, message: /^ConfigMap in version "v1" cannot be handled as a ConfigMap: / },
  { name: "a merge patch setting kind", method: "PATCH", path: seed, body: '{"kind":"Secret"}', contentType: merge, code: 400 },
  { name: "a merge patch with an invalid label", method: "PATCH", path: seed, body: '{"metadata":{"labels":{"a":"not valid!"}}}', contentType: merge, code: 422 },
  { name: "a merge patch with a duplicate field, Strict", method: "PATCH", path: `${seed}?fieldValidation=Strict`, body: '{"data":{"a":"1","a":"2"}}', contentType: merge, code: 400, message: /strict decoding error: duplicate field "data\.a"/ },
  { name: "a merge patch with an unknown field, Strict", method: "PATCH", path: `${seed}?fieldValidation=Strict`, body: '{"spec":{}}', contentType: merge, code: 400, message: /strict decoding error: unknown field "spec"/ },
  { name: "a merge patch with a stale resourceVersion", method: "PATCH", path: seed, body: '{"metadata":{"resourceVersion":"1"},"data":{"a":"2"}}', contentType: merge, code: 409 },
  { name: "a merge patch nesting 9,000 levels under data", method: "PATCH", path: seed, body: `{"data":{"b":${nestedObjects(9_000)}}}`, contentType: merge, code: 400 },
  { name: "a merge patch with force=maybe", method: "PATCH", path: `${seed}?force=maybe`, body: "{}", contentType: merge, code: 422, message: `${patchOptionsInvalid}force: Forbidden: may not be specified for non-apply patch` },
  { name: "a merge patch with dryRun=Bogus", method: "PATCH", path: `${seed}?dryRun=Bogus`, body: "{}", contentType: merge, code: 422, message: `${patchOptionsInvalid}dryRun: Unsupported value: []string{"Bogus"}: supported values: "All"` },
  { name: "a merge patch of a missing object", method: "PATCH", path: seed.replace("/seed", "/absent"), body: "{}", contentType: merge, code: 404 },
  // strategic merge patch
  { name: "a strategic patch that is an array", method: "PATCH", path: seed, body: "[]", contentType: strategic, code: 400 },
  { name: "a strategic patch with a duplicate field, Strict", method: "PATCH", path: `${seed}?fieldValidation=Strict`, body: '{"data":{"a":"1"},"data":{"a":"2"}}', contentType: strategic, code: 400, message: /duplicate field "data"/ },
  { name: "a strategic patch of a missing object", method: "PATCH", path: seed.replace("/seed", "/absent"), body: "{}", contentType: strategic, code: 404 },
  // server-side apply
  { name: "apply with managedFields", method: "PATCH", path: `${seed}?fieldManager=t`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed","managedFields":[]}}', contentType: apply, code: 400, message: "metadata.managedFields must be nil" },
  { name: "apply without kind", method: "PATCH", path: `${seed}?fieldManager=t`, body: '{"apiVersion":"v1","metadata":{"name":"seed"}}', contentType: apply, code: 400, message: "invalid object type: /v1, Kind=" },
  { name: "apply with another kind", method: "PATCH", path: `${seed}?fieldManager=t`, body: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"seed"}}', contentType: apply, code: 400, message: "invalid object type: /v1, Kind=Secret" },
  { name: "apply with another group", method: "PATCH", path: `${seed}?fieldManager=t`, body: '{"apiVersion":"apps/v1","kind":"ConfigMap","metadata":{"name":"seed"}}', contentType: apply, code: 400, message: "invalid object type: apps/v1, Kind=ConfigMap" },
  { name: "apply of a list", method: "PATCH", path: `${seed}?fieldManager=t`, body: "- a\n", contentType: apply, code: 400 },
  { name: "apply with another name", method: "PATCH", path: `${seed}?fieldManager=t`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}', contentType: apply, code: 400 },
  { name: "apply with a fieldManager of 129 bytes", method: "PATCH", path: `${seed}?fieldManager=${"m".repeat(129)}`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed"}}', contentType: apply, code: 422, message: `${patchOptionsInvalid}fieldManager: Too long: may not be more than 128 bytes` },
  { name: "apply with a control character in fieldManager", method: "PATCH", path: `${seed}?fieldManager=a%01b`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed"}}', contentType: apply, code: 422, message: `${patchOptionsInvalid}fieldManager: Invalid value: "a\\u0001b": invalid character U+0001 (at position 1)` },
  { name: "apply that conflicts, without force", method: "PATCH", path: `${seed}?fieldManager=intruder`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed"},"data":{"a":"changed"}}', contentType: apply, code: 409 },
  { name: "apply with force=false conflicts too", method: "PATCH", path: `${seed}?fieldManager=intruder&force=false`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed"},"data":{"a":"changed"}}', contentType: apply, code: 409 },
  // force=maybe is force=true to the apiserver (any value but "false" and "0"): the dry run takes the field over.
  { name: "apply with force=maybe forces (dry run)", method: "PATCH", path: `${seed}?fieldManager=intruder&force=maybe&dryRun=All`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed"},"data":{"a":"changed"}}', contentType: apply, code: 200 },
  { name: "apply with an invalid label", method: "PATCH", path: `${seed}?fieldManager=t`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"seed","labels":{"a":"b c"}}}', contentType: apply, code: 422 },
];

export const cases: BadInputCase[] = [...perKind, ...onSeed];
