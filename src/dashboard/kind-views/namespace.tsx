// A namespace's page: the ResourceQuotas (Used / Hard) and LimitRanges that apply to what is created in it.
import type { KubeObject } from "../../api/object";
import { listPath } from "../catalog";
import { byName, type PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { LimitsTable } from "./limit-range";
import { QuotaTable } from "./resource-quota";
import { Empty } from "../layout";

export function NamespacePolicies(props: { ctx: PageContext; quotas: KubeObject[]; limitRanges: KubeObject[] }) {
  const { ctx } = props;
  return (
    <>
      <section aria-labelledby="quotas">
        <h2 id="quotas">ResourceQuotas ({props.quotas.length})</h2>
        {props.quotas.length ? props.quotas.map((q) => <QuotaTable ctx={ctx} quota={q} linkTitle />) : <Empty>No ResourceQuota: this namespace may use what its nodes have.</Empty>}
      </section>
      <section aria-labelledby="limitranges">
        <h2 id="limitranges">LimitRanges ({props.limitRanges.length})</h2>
        {props.limitRanges.length ? props.limitRanges.map((r) => <LimitsTable ctx={ctx} range={r} linkTitle />) : <Empty>No LimitRange: containers get no default requests or limits.</Empty>}
      </section>
    </>
  );
}

export const namespaceView: KindView = {
  async sections(ctx, object) {
    const name = object.metadata.name;
    const list = (resource: string) => {
      const def = ctx.catalog.core(resource);
      return def ? ctx.client.listOrEmpty(listPath(def, name)) : Promise.resolve([]);
    };
    const [quotas, limitRanges] = await Promise.all([list("resourcequotas"), list("limitranges")]);
    return <NamespacePolicies ctx={ctx} quotas={quotas.sort(byName)} limitRanges={limitRanges.sort(byName)} />;
  },
  watches: (catalog) => ["resourcequotas", "limitranges"].flatMap((r) => catalog.core(r) ?? []),
};
