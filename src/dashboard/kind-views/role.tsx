// A Role's or ClusterRole's rules as `kubectl describe role` prints them: each rule broken down to one resource, name
// or URL and one verb, the verbs of the same resource (and name) merged again, then sorted as kubectl sorts them;
// a ClusterRole's aggregation selectors.
import type { KubeObject } from "../../api/object";
import { stringMapAt } from "../json-read";
import type { KindView } from "./kind-view";
import { SectionTable } from "./parts";

/** A PolicyRule (rbac.authorization.k8s.io/v1). */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface RoleShape {
  rules?: PolicyRule[] | null;
  aggregationRule?: { clusterRoleSelectors?: Array<{ matchLabels?: Record<string, string> }> };
}

/** One row of kubectl's table: `Resources`, `Non-Resource URLs`, `Resource Names`, `Verbs`. */
export type RuleRow = [string, string, string, string];

/** rbac's BreakdownRule: one rule per group, resource, resource name and verb; one per URL and verb. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        const names = rule.resourceNames?.length ? rule.resourceNames.map((n) => [n]) : [undefined];
        for (const resourceNames of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], ...(resourceNames ? { resourceNames } : {}) });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** rbac's CompactRules: rules of one group and resource (and name) merge their verbs, in order; URL rules stay apart. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const apart: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    if (rule.nonResourceURLs?.length) {
      apart.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...(rule.verbs ?? [])] });
    else for (const verb of rule.verbs ?? []) if (!existing.verbs!.includes(verb)) existing.verbs!.push(verb);
  }
  return [...apart, ...simple.values()];
}

/** Go's `%v` of a []string: `[a b]`. */
const goList = (values: string[] | undefined) => `[${(values ?? []).join(" ")}]`;

/** The generated PolicyRule.String(), by which kubectl sorts the rules. */
const ruleString = (r: PolicyRule) =>
  `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;

/** kubectl's CombineResourceGroup: `pods`, `deployments.apps`, `deployments.apps/scale`. */
function resourceText(r: PolicyRule): string {
  const resource = r.resources?.[0];
  if (!resource) return "";
  const [name, sub] = resource.split(/\/(.*)/s);
  const group = r.apiGroups?.[0];
  return `${name}${group ? `.${group}` : ""}${sub !== undefined ? `/${sub}` : ""}`;
}

/** The rows of `kubectl describe role|clusterrole`'s PolicyRule table. */
export function ruleRows(object: KubeObject): RuleRow[] {
  const rules = (object as RoleShape).rules ?? [];
  const rows = compact(rules.flatMap(breakdown)).map((r) => ({ key: ruleString(r), r }));
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map(({ r }) => [resourceText(r), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)]);
}

/** The label selectors of an aggregated ClusterRole: `a=b, c=d` per selector. */
export function aggregationSelectors(object: KubeObject): string[] {
  return ((object as RoleShape).aggregationRule?.clusterRoleSelectors ?? []).map((s) =>
    Object.entries(stringMapAt(s, "matchLabels") ?? {}).map(([k, v]) => `${k}=${v}`).join(", "),
  );
}

export function RoleRules(props: { role: KubeObject }) {
  const selectors = aggregationSelectors(props.role);
  const note = selectors.length ? <>Aggregated: the rules of every ClusterRole labelled {selectors.map((s, i) => <>{i ? " or " : ""}<code>{s}</code></>)}.</> : undefined;
  return <SectionTable id="rules" title="Rules" headers={["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]} rows={ruleRows(props.role)} empty="No rules: this role allows nothing." note={note} />;
}

export const roleView: KindView = {
  sections: async (_ctx, object) => <RoleRules role={object} />,
};
