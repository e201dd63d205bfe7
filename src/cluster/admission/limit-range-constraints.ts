// The checks of the LimitRanger admission plugin (plugin/pkg/admission/limitranger): the defaults a Container item
// gives containers, the min, max and limit/request ratio of Container and Pod items, and a pod's total requests and
// limits as that plugin counts them. Messages are Kubernetes'.
import type { Container } from "../../api/schemas/core/container";
import type { LimitRange } from "../../api/schemas/core/limitrange";
import type { PodSpec } from "../../api/schemas/core/pod-spec";
import type { ResourceList } from "../../api/schemas/meta";
import { canonicalQuantity, quantityFromJSON, type Quantity } from "../../api/quantity";

type LimitRangeItem = NonNullable<LimitRange["spec"]>["limits"][number];
type Quantities = Map<string, Quantity>;

/** resource.MaxMilliValue: above it, comparisons fall back to whole units. */
const maxMilliValue = (2n ** 63n - 1n) / 1000n;

function parsed(list: ResourceList | undefined): Quantities {
  const out: Quantities = new Map();
  for (const [name, value] of Object.entries(list ?? {})) out.set(name, quantityFromJSON(value));
  return out;
}

/** Resource names in a stable order (Kubernetes walks a Go map, in no set order). */
const sortedEntries = (list: ResourceList | undefined) => Object.entries(list ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** requestLimitEnforcedValues: millis, unless one of the values would overflow them. */
function comparable(...qs: Array<Quantity | undefined>): number[] {
  const milli = qs.every((q) => !q || q.value() <= maxMilliValue);
  return qs.map((q) => (q ? Number(milli ? q.milliValue() : q.value()) : 0));
}

function minConstraint(type: string, name: string, enforced: Quantity, requests: Quantities, limits: Quantities): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = comparable(req, lim, enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${type} is ${enforced}, but request is ${req}`;
  if (lim && l < e) return `minimum ${name} usage per ${type} is ${enforced}, but limit is ${lim}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, requests: Quantities, limits: Quantities): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = comparable(req, lim, enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${enforced}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${type} is ${enforced}, but limit is ${lim}`;
  if (req && r > e) return `maximum ${name} usage per ${type} is ${enforced}, but request is ${req}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Quantity, requests: Quantities, limits: Quantities): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l] = comparable(req, lim, enforced);
  const prefix = `${name} max limit to request ratio per ${type} is ${enforced}`;
  if (!req || r === 0) return `${prefix}, but no request is specified or request is 0`;
  if (!lim || l === 0) return `${prefix}, but no limit is specified or limit is 0`;
  const observed = l / r;
  const milli = enforced.value() <= maxMilliValue;
  const allowed = Number(milli ? enforced.milliValue() : enforced.value());
  if ((milli ? observed * 1000 : observed) > allowed) return `${prefix}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

/** The min, max and ratio messages of one item against one set of requests and limits. */
function violations(item: LimitRangeItem, requests: Quantities, limits: Quantities): string[] {
  const out: Array<string | undefined> = [];
  for (const [name, v] of sortedEntries(item.min)) out.push(minConstraint(item.type, name, quantityFromJSON(v), requests, limits));
  for (const [name, v] of sortedEntries(item.max)) out.push(maxConstraint(item.type, name, quantityFromJSON(v), requests, limits));
  for (const [name, v] of sortedEntries(item.maxLimitRequestRatio)) out.push(ratioConstraint(item.type, name, quantityFromJSON(v), requests, limits));
  return out.filter((m): m is string => m !== undefined);
}

const isSidecar = (c: Container) => c.restartPolicy === "Always";

function addInto(into: Quantities, list: Quantities): void {
  for (const [name, q] of list) into.set(name, into.get(name)?.add(q) ?? q);
}

function maxInto(into: Quantities, list: Quantities): void {
  for (const [name, q] of list) {
    const held = into.get(name);
    if (!held || q.cmp(held) > 0) into.set(name, q);
  }
}

/**
 * podRequests/podLimits of the plugin: the app containers and sidecars summed, against the largest init container
 * (each counted with the sidecars started before it).
 */
function podTotal(spec: PodSpec, of: "requests" | "limits"): Quantities {
  const total: Quantities = new Map();
  for (const c of spec.containers ?? []) addInto(total, parsed(c.resources?.[of]));
  const sidecars: Quantities = new Map();
  const initMax: Quantities = new Map();
  for (const c of spec.initContainers ?? []) {
    const own = parsed(c.resources?.[of]);
    if (isSidecar(c)) {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const running: Quantities = new Map();
      addInto(running, own);
      addInto(running, sidecars);
      maxInto(initMax, running);
    }
  }
  maxInto(total, initMax);
  return total;
}

/** PodValidateLimitFunc: every violation of one LimitRange, in Kubernetes' order (items, then containers, then init containers). */
export function podLimitViolations(limitRange: LimitRange, spec: PodSpec): string[] {
  const out: string[] = [];
  for (const item of limitRange.spec?.limits ?? []) {
    if (item.type === "Container") {
      for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
        out.push(...violations(item, parsed(c.resources?.requests), parsed(c.resources?.limits)));
      }
    }
    if (item.type === "Pod") out.push(...violations(item, podTotal(spec, "requests"), podTotal(spec, "limits")));
  }
  return out;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several (each once) in brackets. */
export function aggregateMessage(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
}

/** defaultContainerResourceRequirements: the limits and requests the LimitRange's Container items default. */
function containerDefaults(limitRange: LimitRange): { limits: ResourceList; requests: ResourceList } {
  const limits: ResourceList = {};
  const requests: ResourceList = {};
  for (const item of limitRange.spec?.limits ?? []) {
    if (item.type !== "Container") continue;
    for (const [name, v] of Object.entries(item.defaultRequest ?? {})) requests[name] = canonicalQuantity(v);
    for (const [name, v] of Object.entries(item.default ?? {})) limits[name] = canonicalQuantity(v);
  }
  return { limits, requests };
}

/** mergeContainerResources: fills what the container lacks; the annotation's phrases for it. */
function mergeContainer(c: Container, defaults: { limits: ResourceList; requests: ResourceList }, label: string): string[] {
  const resources = (c.resources ??= {});
  const limits = (resources.limits ??= {});
  const requests = (resources.requests ??= {});
  const setLimits = Object.keys(defaults.limits).filter((name) => !(name in limits));
  const setRequests = Object.keys(defaults.requests).filter((name) => !(name in requests));
  for (const name of setLimits) limits[name] = defaults.limits[name];
  for (const name of setRequests) requests[name] = defaults.requests[name];
  // Go keeps the empty maps, which serialize as nothing.
  if (!Object.keys(limits).length) delete resources.limits;
  if (!Object.keys(requests).length) delete resources.requests;
  const phrases: string[] = [];
  if (setRequests.length) phrases.push(`${setRequests.sort().join(", ")} request for ${label} ${c.name}`);
  if (setLimits.length) phrases.push(`${setLimits.sort().join(", ")} limit for ${label} ${c.name}`);
  return phrases;
}

/**
 * PodMutateLimitFunc: applies the LimitRange's defaults to the pod's containers and init containers; returns the
 * `kubernetes.io/limit-ranger` annotation's value when anything was set.
 */
export function applyContainerDefaults(limitRange: LimitRange, spec: PodSpec): string | undefined {
  const defaults = containerDefaults(limitRange);
  const phrases = [
    ...(spec.containers ?? []).flatMap((c) => mergeContainer(c, defaults, "container")),
    ...(spec.initContainers ?? []).flatMap((c) => mergeContainer(c, defaults, "init container")),
  ];
  return phrases.length ? `LimitRanger plugin set: ${phrases.join("; ")}` : undefined;
}

function maxRequestConstraint(type: string, name: string, enforced: Quantity, requests: Quantities): string | undefined {
  const req = requests.get(name);
  const [r, e] = comparable(req, enforced);
  if (!req) return `maximum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (r > e) return `maximum ${name} usage per ${type} is ${enforced}, but request is ${req}`;
  return undefined;
}

/** PersistentVolumeClaimValidateLimitFunc: the min and max of PersistentVolumeClaim items against the claim's requests. */
export function claimLimitViolations(limitRange: LimitRange, requests: ResourceList | undefined): string[] {
  const out: Array<string | undefined> = [];
  const asked = parsed(requests);
  for (const item of limitRange.spec?.limits ?? []) {
    if (item.type !== "PersistentVolumeClaim") continue;
    for (const [name, v] of sortedEntries(item.min)) out.push(minConstraint(item.type, name, quantityFromJSON(v), asked, new Map()));
    for (const [name, v] of sortedEntries(item.max)) out.push(maxRequestConstraint(item.type, name, quantityFromJSON(v), asked));
  }
  return out.filter((m): m is string => m !== undefined);
}
