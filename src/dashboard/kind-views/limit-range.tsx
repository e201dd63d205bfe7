// A LimitRange's limits, one row per type and resource, as `kubectl describe limitrange` prints them (`-` where a
// value is not set).
import type { KubeObject } from "../../api/object";
import type { LimitRange } from "../../api/schemas";
import type { PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { ObjectLink, SectionTable } from "./parts";

export const limitColumns = ["Type", "Resource", "Min", "Max", "Default Request", "Default Limit", "Max Limit/Request Ratio"];

/** The rows of kubectl's limits table: per item, each resource any of its fields names (sorted by name). */
export function limitRows(object: KubeObject): string[][] {
  const range = object as LimitRange;
  return (range.spec?.limits ?? []).flatMap((item) => {
    const fields = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const resources = [...new Set(fields.flatMap((f) => Object.keys(f ?? {})))].sort();
    return resources.map((resource) => [item.type, resource, ...fields.map((f) => (f?.[resource] !== undefined ? String(f[resource]) : "-"))]);
  });
}

/** The limits table of one LimitRange; `linkTitle`: a subsection named after it and linking to its page. */
export function LimitsTable(props: { ctx: PageContext; range: KubeObject; linkTitle?: boolean }) {
  const { ctx, range } = props;
  const name = range.metadata.name ?? "";
  const title = props.linkTitle ? <>LimitRange <ObjectLink ctx={ctx} def={ctx.catalog.core("limitranges")} namespace={range.metadata.namespace} name={name} /></> : "Limits";
  return (
    <SectionTable
      id={`limits-${name}`}
      title={title}
      subsection={props.linkTitle}
      headers={limitColumns}
      rows={limitRows(range)}
      empty="This LimitRange sets no limits."
      note="Defaults fill in a container's missing requests and limits when the pod is created; pods outside min and max are refused."
    />
  );
}

export const limitRangeView: KindView = {
  sections: async (ctx, object) => <LimitsTable ctx={ctx} range={object} />,
};
