// Create, update, delete and the pod subresources with bad options or bodies: CreateOptions/UpdateOptions/
// DeleteOptions validation, strict decoding (duplicate and unknown fields), the UID precondition of an update,
// pod log options, evictions and bindings that are not objects.
import type { BadInputCase } from "./case";
import { apiVersionOf, collectionPath, configMaps, objectPath, seedConfigMap, seedDeployment, seedPod, storedResources } from "./paths";

const creatable = storedResources.filter((d) => d.verbs.includes("create"));
const supportedValidation = 'supported values: "", "Ignore", "Strict", "Warn"';
const strict = 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: ';
const otherUid = "00000000-0000-0000-0000-000000000000";

const options: BadInputCase[] = [
  ...creatable.flatMap((def) => [
    { name: `a create of a ${def.kind} with fieldValidation=Bogus`, method: "POST", path: `${collectionPath(def)}?fieldValidation=Bogus`, body: "{}", code: 422, message: `CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Bogus": ${supportedValidation}` },
    { name: `a create of a ${def.kind} with dryRun=Bogus`, method: "POST", path: `${collectionPath(def)}?dryRun=Bogus`, body: "{}", code: 422, message: `CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Bogus"}: supported values: "All"` },
  ]),
  ...storedResources.flatMap((def) => [
    { name: `an update of a ${def.kind} with fieldValidation=strict`, method: "PUT", path: `${objectPath(def)}?fieldValidation=strict`, body: "{}", code: 422, message: `UpdateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": ${supportedValidation}` },
    { name: `an update of a ${def.kind} with a 129-byte fieldManager`, method: "PUT", path: `${objectPath(def)}?fieldManager=${"m".repeat(129)}`, body: "{}", code: 422, message: 'UpdateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes' },
    { name: `a delete of a ${def.kind} with dryRun=all`, method: "DELETE", path: `${objectPath(def)}?dryRun=all`, code: 422, message: 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"all"}: supported values: "All"' },
    { name: `a delete of a ${def.kind} with propagationPolicy=Bogus`, method: "DELETE", path: `${objectPath(def)}?propagationPolicy=Bogus`, code: 422, message: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Bogus": supported values: "Foreground", "Background", "Orphan", "nil"' },
    { name: `a delete of a ${def.kind} with gracePeriodSeconds=soon`, method: "DELETE", path: `${objectPath(def)}?gracePeriodSeconds=soon`, code: 400 },
    { name: `a delete of a ${def.kind} with a body that is an array`, method: "DELETE", path: objectPath(def), body: "[]", code: 400 },
    { name: `a PUT of the ${def.resource} collection`, method: "PUT", path: collectionPath(def), body: "{}", code: 405 },
    { name: `a POST to a ${def.kind} object`, method: "POST", path: objectPath(def), body: "{}", code: 405 },
  ]),
];

const strictDecoding: BadInputCase[] = [
  { name: "a duplicate field, Strict", method: "POST", path: `${configMaps}?fieldValidation=Strict`, body: '{"metadata":{"name":"dup"},"data":{"a":"1"},"data":{"b":"2"}}', code: 400, message: `${strict}duplicate field "data"` },
  { name: "a duplicate nested field, Strict", method: "POST", path: `${configMaps}?fieldValidation=Strict`, body: '{"metadata":{"name":"dup","name":"dup2"}}', code: 400, message: `${strict}duplicate field "metadata.name"` },
  { name: "a duplicate and an unknown field, Strict", method: "POST", path: `${configMaps}?fieldValidation=Strict`, body: '{"metadata":{"name":"dup"},"data":{},"data":{},"spec":1}', code: 400, message: `${strict}duplicate field "data", unknown field "spec"` },
  { name: "a duplicate map key, Strict", method: "POST", path: `${configMaps}?fieldValidation=Strict`, body: '{"metadata":{"name":"dup"},"data":{"k":"1","k":"2"}}', code: 400, message: `${strict}duplicate field "data.k"` },
  { name: "a duplicate field in a PUT, Strict", method: "PUT", path: `${seedConfigMap}?fieldValidation=Strict`, body: '{"metadata":{"name":"seed"},"data":{"a":"1","a":"1"}}', code: 400, message: `${strict}duplicate field "data.a"` },
  { name: "a duplicate apiVersion, Strict", method: "POST", path: `${configMaps}?fieldValidation=Strict`, body: '{"apiVersion":"v1","apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"}}', code: 400, message: `${strict}duplicate field "apiVersion"` },
  {
    name: "a duplicate YAML key, Strict",
    method: "POST",
    path: `${configMaps}?fieldValidation=Strict`,
    body: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\ndata: {}\ndata: {}\nunknown: baz\n",
    contentType: "application/yaml",
    code: 400,
    message: `${strict}yaml: unmarshal errors:\n  line 6: key "data" already set in map, unknown field "unknown"`,
  },
  ...creatable.map((def) => ({
    name: `a duplicate metadata of a ${def.kind}, Strict`,
    method: "POST",
    path: `${collectionPath(def)}?fieldValidation=Strict`,
    body: `{"apiVersion":"${apiVersionOf(def)}","kind":"${def.kind}","metadata":{"name":"a"},"metadata":{"name":"b"}}`,
    code: 400,
    message: `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: strict decoding error: duplicate field "metadata"`,
  })),
];

/** An update is conditional on the uid its body carries: another uid is the storage's 409. */
const preconditions: BadInputCase[] = [
  { name: "a PUT with another uid", method: "PUT", path: seedConfigMap, body: JSON.stringify({ metadata: { name: "seed", uid: otherUid }, data: { a: "2" } }), code: 409, message: new RegExp(`^Operation cannot be fulfilled on configmaps "seed": StorageError: invalid object, Code: 4, Key: /registry/configmaps/default/seed, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${otherUid}, UID in object meta: [0-9a-f-]{36}$`) },
  { name: "a PUT of a Deployment with another uid", method: "PUT", path: seedDeployment, body: JSON.stringify({ metadata: { name: "seed", uid: otherUid }, spec: { selector: { matchLabels: { app: "seed-web" } }, template: { metadata: { labels: { app: "seed-web" } }, spec: { containers: [{ name: "app", image: "nginx:1.25" }] } } } }), code: 409, message: new RegExp(`^Operation cannot be fulfilled on deployments.apps "seed": .*Precondition failed: UID in precondition: ${otherUid}`) },
  { name: "a PUT with another uid and a stale resourceVersion", method: "PUT", path: seedConfigMap, body: JSON.stringify({ metadata: { name: "seed", uid: otherUid, resourceVersion: "1" } }), code: 409, message: /Precondition failed: UID in precondition/ },
  { name: "a PUT with a stale resourceVersion", method: "PUT", path: seedConfigMap, body: JSON.stringify({ metadata: { name: "seed", resourceVersion: "1" }, data: { a: "3" } }), code: 409 },
  { name: "a PUT with another name", method: "PUT", path: seedConfigMap, body: JSON.stringify({ metadata: { name: "other" } }), code: 400 },
];

const podLog = `${seedPod}/log`;
const subresources: BadInputCase[] = [
  { name: "tailLines=-5", method: "GET", path: `${podLog}?tailLines=-5`, code: 422, message: 'PodLogOptions "seed" is invalid: tailLines: Invalid value: -5: must be greater than or equal to 0' },
  { name: "tailLines=-1 on a missing pod", method: "GET", path: "/api/v1/namespaces/default/pods/absent/log?tailLines=-1", code: 422 },
  { name: "sinceTime=yesterday", method: "GET", path: `${podLog}?sinceTime=yesterday`, code: 400, message: 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"' },
  { name: "sinceTime as a date only", method: "GET", path: `${podLog}?sinceTime=2024-01-01`, code: 400 },
  { name: "sinceTime as seconds", method: "GET", path: `${podLog}?sinceTime=1700000000`, code: 400 },
  { name: "sinceSeconds=0", method: "GET", path: `${podLog}?sinceSeconds=0`, code: 400 },
  { name: "limitBytes=0", method: "GET", path: `${podLog}?limitBytes=0`, code: 400 },
  { name: "a log of an unknown container", method: "GET", path: `${podLog}?container=nope`, code: 400 },
  { name: "an eviction body that is an array", method: "POST", path: `${seedPod}/eviction`, body: "[]", code: 400, message: /cannot unmarshal array/ },
  { name: "an eviction body that is a string", method: "POST", path: `${seedPod}/eviction`, body: '"evict"', code: 400 },
  { name: "an eviction body that is a number", method: "POST", path: `${seedPod}/eviction`, body: "42", code: 400 },
  { name: "an eviction body that is truncated", method: "POST", path: `${seedPod}/eviction`, body: '{"metadata":', code: 400 },
  { name: "an eviction as YAML that is a list", method: "POST", path: `${seedPod}/eviction`, body: "- a\n", contentType: "application/yaml", code: 400 },
  { name: "a binding body that is an array", method: "POST", path: `${seedPod}/binding`, body: "[]", code: 400, message: /cannot unmarshal array/ },
  { name: "an eviction of a missing pod", method: "POST", path: "/api/v1/namespaces/default/pods/absent/eviction", body: '{"metadata":{"name":"absent"}}', code: 404 },
  { name: "an unknown subresource", method: "GET", path: `${seedPod}/nope`, code: 404 },
  { name: "a status of a missing pod", method: "GET", path: "/api/v1/namespaces/default/pods/absent/status", code: 404 },
];

export const cases: BadInputCase[] = [...options, ...strictDecoding, ...preconditions, ...subresources];
