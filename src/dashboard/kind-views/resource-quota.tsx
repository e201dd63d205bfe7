// A ResourceQuota's Used / Hard table (status.used against status.hard, as `kubectl describe quota` prints it), shown
// on the quota's page and in its namespace's page.
import type { KubeObject } from "../../api/object";
import { parseQuantity } from "../../api/quantity";
import type { ResourceQuota } from "../../api/schemas";
import { StateBadge } from "../layout";
import type { PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { ObjectLink, SectionTable } from "./parts";

export interface QuotaRow {
  resource: string;
  /** undefined until the quota controller has counted. */
  used?: string;
  hard: string;
  /** Used has reached Hard: the next object asking for more is refused. */
  full: boolean;
}

function reached(used: string | undefined, hard: string): boolean {
  if (used === undefined) return false;
  try {
    return parseQuantity(used).cmp(parseQuantity(hard)) >= 0;
  } catch {
    return false;
  }
}

/**
 * One row per resource of status.hard, sorted by name; before the quota controller has filled the status, the rows
 * of spec.hard with nothing used yet.
 */
export function quotaRows(object: KubeObject): QuotaRow[] {
  const quota = object as ResourceQuota;
  const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
  const counted = quota.status?.hard !== undefined;
  return Object.keys(hard)
    .sort()
    .map((resource) => {
      const used = counted ? String(quota.status?.used?.[resource] ?? "0") : undefined;
      return { resource, used, hard: String(hard[resource]), full: reached(used, String(hard[resource])) };
    });
}

/** `Scopes` of a quota, as kubectl describe names them (scopes, then each scopeSelector requirement). */
export function quotaScopes(object: KubeObject): string[] {
  const quota = object as ResourceQuota;
  const selected = (quota.spec?.scopeSelector?.matchExpressions ?? []).map((e) => `${e.scopeName} ${e.operator}${e.values?.length ? ` (${e.values.join(", ")})` : ""}`);
  return [...(quota.spec?.scopes ?? []), ...selected];
}

/** The Used / Hard table of one quota; `linkTitle`: a subsection named after the quota and linking to its page. */
export function QuotaTable(props: { ctx: PageContext; quota: KubeObject; linkTitle?: boolean }) {
  const { ctx, quota } = props;
  const rows = quotaRows(quota);
  const name = quota.metadata.name ?? "";
  const scopes = quotaScopes(quota);
  const counted = rows.every((r) => r.used !== undefined);
  const title = props.linkTitle ? <>ResourceQuota <ObjectLink ctx={ctx} def={ctx.catalog.core("resourcequotas")} namespace={quota.metadata.namespace} name={name} /></> : "Used and hard limits";
  const notes = [scopes.length ? `Scopes: ${scopes.join("; ")}.` : "", counted ? "" : "Not counted yet: the quota controller fills Used within seconds."].filter(Boolean).join(" ");
  return (
    <SectionTable
      id={`quota-${name}`}
      title={title}
      subsection={props.linkTitle}
      headers={["Resource", "Used", "Hard"]}
      rows={rows.map((r) => [<code>{r.resource}</code>, <>{r.used ?? "-"}{r.full ? <> <StateBadge label="at limit" tone="failed" /></> : null}</>, r.hard])}
      empty="This quota limits nothing."
      note={notes || undefined}
    />
  );
}

export const resourceQuotaView: KindView = {
  sections: async (ctx, object) => <QuotaTable ctx={ctx} quota={object} />,
};
