// kube-controller-manager's clusterrole-aggregation controller: a ClusterRole with an aggregationRule gets, as its
// rules, the union of the rules of every other ClusterRole its selectors match (by selector, then by name; a rule
// already present is not repeated). A learner's ClusterRole labelled `rbac.authorization.k8s.io/aggregate-to-view:
// "true"` so extends `view` (and, through the chain of labels, `edit` and `admin`).
import { labelSelectorOrNothing } from "../../../api/selectors/selector-or-nothing";
import type { LabelMatcher } from "../../../api/selectors/label-selector";
import { deepEqual } from "../../../api/json-equal";
import type { ClusterRole } from "../../../api/schemas/rbac/clusterrole";
import type { PolicyRule } from "../../../api/schemas/rbac/policy-rule";
import { clusterRoles } from "../../registry/clusterroles";
import { watch, type Controller, type ControllerContext, type KindEvent } from "../../control-loop/types";

export class ClusterRoleAggregationController implements Controller {
  readonly name = "clusterrole-aggregation-controller";
  readonly for = clusterRoles;
  readonly ignoreDeleted = true;
  /** The selectors of every aggregated ClusterRole, kept from store events so a watch's keys need no scan. */
  private readonly aggregators = new Map<string, LabelMatcher[]>();
  readonly watches = [watch(clusterRoles, (event) => this.keysOf(event))];

  resync(ctx: ControllerContext): string[] {
    this.aggregators.clear();
    for (const role of ctx.registry.list(clusterRoles)) this.remember(role);
    return [...this.aggregators.keys()];
  }

  reconcile(name: string, ctx: ControllerContext): void {
    const role = ctx.registry.tryGet(clusterRoles, undefined, name);
    if (!role?.aggregationRule) return;
    const all = ctx.registry.list(clusterRoles).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
    const rules = aggregatedRules(role, all, new Set());
    if (deepEqual(rules, role.rules ?? [])) return;
    ctx.registry.update(clusterRoles, undefined, name, { ...role, rules });
  }

  /** An aggregated role wakes itself (`for`); any role wakes the aggregated roles that select it, before or after. */
  private keysOf(event: KindEvent<ClusterRole>): string[] {
    const name = event.object.metadata.name!;
    if (event.type === "DELETED") this.aggregators.delete(name);
    else this.remember(event.object);
    const labelSets = [event.object.metadata.labels ?? {}, event.prev?.metadata.labels ?? {}];
    const keys: string[] = [];
    for (const [aggregator, matchers] of this.aggregators) {
      if (aggregator !== name && matchers.some((m) => labelSets.some((labels) => m.matches(labels)))) keys.push(aggregator);
    }
    return keys;
  }

  private remember(role: ClusterRole): void {
    const name = role.metadata.name!;
    if (role.aggregationRule) this.aggregators.set(name, (role.aggregationRule.clusterRoleSelectors ?? []).map((s) => labelSelectorOrNothing(s)));
    else this.aggregators.delete(name);
  }
}

/**
 * The rules the controller converges to for an aggregated role. An aggregated role it selects counts with its own
 * converged rules (not those stored now), so a chain (admin ← edit ← view) is written once per role, not once per
 * link; the end state is the controller's fixed point. A cycle counts each role once.
 */
function aggregatedRules(role: ClusterRole, all: ClusterRole[], visiting: Set<string>): PolicyRule[] {
  const name = role.metadata.name!;
  visiting.add(name);
  const rules: PolicyRule[] = [];
  for (const selector of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const matcher = labelSelectorOrNothing(selector);
    for (const other of all) {
      const otherName = other.metadata.name!;
      if (otherName === name || !matcher.matches(other.metadata.labels ?? {})) continue;
      const theirs = other.aggregationRule && !visiting.has(otherName) ? aggregatedRules(other, all, visiting) : (other.rules ?? []);
      for (const rule of theirs) if (!rules.some((r) => deepEqual(r, rule))) rules.push(rule);
    }
  }
  visiting.delete(name);
  return rules;
}
