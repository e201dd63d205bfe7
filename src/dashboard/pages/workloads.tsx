// Workloads: every pod controller kind the cluster serves, with kubectl's columns (ready/desired, images) and the
// rollout state from the conditions.
import { listPath, type Def } from "../catalog";
import type { Printed } from "../cluster-client";
import { conditionSummary, ObjectTable } from "../object-table";
import { byRowName, type PageContext } from "../page-context";

export type WorkloadsData = Array<{ def: Def; printed: Printed }>;

export async function loadWorkloads(ctx: PageContext): Promise<WorkloadsData> {
  return Promise.all(
    ctx.catalog.workloads().map(async (def) => {
      const printed = await ctx.client.printedOrEmpty(listPath(def, ctx.ns));
      printed.rows.sort(byRowName);
      return { def, printed };
    }),
  );
}

export function WorkloadsPage(props: { ctx: PageContext; data: WorkloadsData }) {
  return (
    <>
      <h1>Workloads</h1>
      {props.data.map(({ def, printed }) => (
        <section aria-labelledby={`k-${def.resource}`}>
          <h2 id={`k-${def.resource}`}>{def.kind}s ({printed.rows.length})</h2>
          <ObjectTable ctx={props.ctx} def={def} printed={printed} extra={[{ name: "Rollout", cell: conditionSummary }]} />
        </section>
      ))}
    </>
  );
}
