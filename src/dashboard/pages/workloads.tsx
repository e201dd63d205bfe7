// Workloads: every pod controller kind the cluster serves, with kubectl's columns (ready/desired, images) and the
// rollout state from the conditions.
import type { KubeObject } from "../../api/object";
import { listPath, workloadDefs, type Def } from "../catalog";
import { conditionSummary, ObjectTable } from "../object-table";
import { byName, type PageContext } from "../page-context";

export type WorkloadsData = Array<{ def: Def; objects: KubeObject[] }>;

export async function loadWorkloads(ctx: PageContext): Promise<WorkloadsData> {
  return Promise.all(workloadDefs().map(async (def) => ({ def, objects: (await ctx.client.listOrEmpty(listPath(def, ctx.ns))).sort(byName) })));
}

export function WorkloadsPage(props: { ctx: PageContext; data: WorkloadsData }) {
  return (
    <>
      <h1>Workloads</h1>
      {props.data.map(({ def, objects }) => (
        <section aria-labelledby={`k-${def.resource}`}>
          <h2 id={`k-${def.resource}`}>{def.kind}s ({objects.length})</h2>
          <ObjectTable ctx={props.ctx} def={def} objects={objects} extra={[{ name: "Rollout", cell: conditionSummary }]} />
        </section>
      ))}
    </>
  );
}
