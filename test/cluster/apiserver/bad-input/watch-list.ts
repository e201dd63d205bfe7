// Reads with bad options: resourceVersion values strconv.ParseUint refuses, resourceVersionMatch, continue tokens,
// selectors, paging and watch parameters — on lists, gets and watches of every kind.
import type { BadInputCase } from "./case";
import { allResources, collectionPath, configMaps, objectPath, storedResources } from "./paths";

// Kinds an aggregated API computes (metrics.k8s.io) answer through their own server, not the generic list options.
const listable = allResources.filter((d) => d.verbs.includes("list") && !d.virtualRead);
const watchable = allResources.filter((d) => d.verbs.includes("watch"));

function badVersion(value: string, why = "invalid syntax"): string {
  return `invalid resource version: resourceVersion: Invalid value: ${JSON.stringify(value)}: strconv.ParseUint: parsing ${JSON.stringify(value)}: ${why}`;
}

const listInvalid = 'ListOptions.meta.k8s.io "" is invalid: ';
const rv = (value: string) => encodeURIComponent(value);

const versions: BadInputCase[] = [
  ...listable.map((def) => ({ name: `a list of ${def.resource} at resourceVersion abc`, method: "GET", path: `${collectionPath(def)}?resourceVersion=abc`, code: 400, message: badVersion("abc") })),
  ...watchable.map((def) => ({ name: `a watch of ${def.resource} from resourceVersion 1.5`, method: "GET", path: `${collectionPath(def)}?watch=1&resourceVersion=1.5`, code: 400, message: badVersion("1.5") })),
  ...storedResources.map((def) => ({ name: `a get of a ${def.kind} at resourceVersion -1`, method: "GET", path: `${objectPath(def)}?resourceVersion=-1`, code: 400, message: badVersion("-1") })),
  ...["-1", "1e309", "0x10", "1.5", "+1", " 1", "1 ", "١", "NaN", "Infinity", "0.0", "1_000"].flatMap((value) => [
    { name: `a list at resourceVersion ${JSON.stringify(value)}`, method: "GET", path: `${configMaps}?resourceVersion=${rv(value)}`, code: 400, message: badVersion(value) },
    { name: `a watch from resourceVersion ${JSON.stringify(value)}`, method: "GET", path: `${configMaps}?watch=true&resourceVersion=${rv(value)}`, code: 400, message: badVersion(value) },
    { name: `a limited list at resourceVersion ${JSON.stringify(value)}`, method: "GET", path: `${configMaps}?limit=1&resourceVersion=${rv(value)}`, code: 400, message: badVersion(value) },
  ]),
  { name: "a resourceVersion past uint64", method: "GET", path: `${configMaps}?resourceVersion=18446744073709551616`, code: 400, message: badVersion("18446744073709551616", "value out of range") },
  { name: "a watch from a resourceVersion past uint64", method: "GET", path: `${configMaps}?watch=true&resourceVersion=99999999999999999999`, code: 400, message: badVersion("99999999999999999999", "value out of range") },
];

const continueToken = btoa(JSON.stringify({ v: "meta.k8s.io/v1", rv: 1, start: "/registry/configmaps/default/a" }));

const matches: BadInputCase[] = [
  ...listable.map((def) => ({
    name: `an unknown resourceVersionMatch on ${def.resource}`,
    method: "GET",
    path: `${collectionPath(def)}?resourceVersion=0&resourceVersionMatch=Bogus`,
    code: 422,
    message: `${listInvalid}resourceVersionMatch: Unsupported value: "Bogus": supported values: "Exact", "NotOlderThan", ""`,
  })),
  { name: "resourceVersionMatch without resourceVersion", method: "GET", path: `${configMaps}?resourceVersionMatch=NotOlderThan`, code: 422, message: `${listInvalid}resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided` },
  { name: "resourceVersionMatch=Exact at resourceVersion 0", method: "GET", path: `${configMaps}?resourceVersion=0&resourceVersionMatch=Exact`, code: 422, message: `${listInvalid}resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"` },
  { name: "resourceVersionMatch with continue", method: "GET", path: `${configMaps}?resourceVersion=1&resourceVersionMatch=Exact&continue=${continueToken}`, code: 422, message: `${listInvalid}resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided` },
  { name: "a lowercase resourceVersionMatch", method: "GET", path: `${configMaps}?resourceVersion=1&resourceVersionMatch=exact`, code: 422 },
  { name: "resourceVersionMatch on a watch without sendInitialEvents", method: "GET", path: `${configMaps}?watch=1&resourceVersionMatch=NotOlderThan`, code: 422, message: `${listInvalid}resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided` },
  { name: "sendInitialEvents on a watch without resourceVersionMatch", method: "GET", path: `${configMaps}?watch=1&sendInitialEvents=true`, code: 422, message: `${listInvalid}resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan` },
  { name: "sendInitialEvents on a list", method: "GET", path: `${configMaps}?sendInitialEvents=true`, code: 422, message: `${listInvalid}sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list` },
  { name: "continue with resourceVersion", method: "GET", path: `${configMaps}?limit=1&resourceVersion=5&continue=${continueToken}`, code: 400, message: "specifying resource version is not allowed when using continue" },
  { name: "a continue token that is not base64", method: "GET", path: `${configMaps}?limit=1&continue=%25%25%25`, code: 400 },
  { name: "a continue token of base64 garbage", method: "GET", path: `${configMaps}?limit=1&continue=${btoa("garbage")}`, code: 400 },
];

const selectors: BadInputCase[] = [
  ...listable.flatMap((def) => [
    { name: `an unclosed set selector on ${def.resource}`, method: "GET", path: `${collectionPath(def)}?labelSelector=${rv("a in (b")}`, code: 400 },
    { name: `a field selector on an unknown field of ${def.resource}`, method: "GET", path: `${collectionPath(def)}?fieldSelector=${rv("spec.nope=1")}`, code: 400 },
  ]),
  { name: "a selector that is only an operator", method: "GET", path: `${configMaps}?labelSelector=${rv("!=")}`, code: 400 },
  { name: "a label key with a space", method: "GET", path: `${configMaps}?labelSelector=${rv("a b=c")}`, code: 400 },
  { name: "a label key of 64 characters", method: "GET", path: `${configMaps}?labelSelector=${"k".repeat(64)}=v`, code: 400 },
  { name: "a label value that is not one", method: "GET", path: `${configMaps}?labelSelector=${rv("a=b c")}`, code: 400 },
  { name: "gt with a word", method: "GET", path: `${configMaps}?labelSelector=${rv("a>b")}`, code: 400 },
  { name: "a field selector without an operator", method: "GET", path: `${configMaps}?fieldSelector=metadata.name`, code: 400 },
  { name: "a set-based field selector", method: "GET", path: `${configMaps}?fieldSelector=${rv("metadata.name in (a)")}`, code: 400 },
  { name: "a watch with a bad selector", method: "GET", path: `${configMaps}?watch=true&labelSelector=${rv("a in (")}`, code: 400 },
  { name: "a deletecollection with a bad selector", method: "DELETE", path: `${configMaps}?labelSelector=${rv("a in (")}`, code: 400 },
  // Accepted by Kubernetes' parser: `()` is the empty value, and a NUL inside a token ends it (`a\0=b` is `a=b`).
  { name: "a in () selects the empty value", method: "GET", path: `${configMaps}?labelSelector=${rv("a in ()")}`, code: 200 },
  { name: "a NUL inside a key", method: "GET", path: `${configMaps}?labelSelector=a%00=b`, code: 200 },
];

const paging: BadInputCase[] = [
  { name: "a limit that is a word", method: "GET", path: `${configMaps}?limit=abc`, code: 400 },
  { name: "a timeoutSeconds that is a word", method: "GET", path: `${configMaps}?watch=true&timeoutSeconds=abc`, code: 400 },
];

export const cases: BadInputCase[] = [...versions, ...matches, ...selectors, ...paging];
