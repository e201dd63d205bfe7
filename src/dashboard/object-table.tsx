// A kind's objects as a table with the columns `kubectl get` prints for it (the cluster's Table), each name a link
// to the object's page, plus optional extra columns.
import type { Child } from "hono/jsx";
import type { KubeObject } from "../api/object";
import type { TableColumnDefinition } from "../api/table";
import { detailHref, type Def } from "./catalog";
import type { Printed } from "./cluster-client";
import { Empty } from "./layout";
import { href, type PageContext } from "./page-context";

export interface ExtraColumn {
  name: string;
  cell(obj: KubeObject): Child;
}

/** Printed columns shown: the default ones, plus the images of pod controllers. */
function shownColumns(columns: TableColumnDefinition[]): number[] {
  return columns.flatMap((c, i) => ((c.priority === 0 || c.name === "Images") && c.name !== "Name" ? [i] : []));
}

export function ObjectTable(props: { ctx: PageContext; def: Def; printed: Printed; extra?: ExtraColumn[]; caption?: string }) {
  const { ctx, def } = props;
  const { columns, rows } = props.printed;
  if (!rows.length) return <Empty>No {def.resource}{ctx.ns ? ` in namespace ${ctx.ns}` : ""}.</Empty>;
  const indexes = shownColumns(columns);
  const showNamespace = def.namespaced && !ctx.ns;
  return (
    <div class="scroll">
      <table>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {showNamespace ? <th scope="col">Namespace</th> : null}
            <th scope="col">Name</th>
            {indexes.map((i) => <th scope="col">{columns[i].name}</th>)}
            {(props.extra ?? []).map((c) => <th scope="col">{c.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ object: obj, cells }) => {
            return (
              <tr>
                {showNamespace ? <td>{obj.metadata.namespace}</td> : null}
                <th scope="row">
                  <a href={href(ctx, detailHref(def, obj.metadata.namespace, obj.metadata.name), false)}>{obj.metadata.name}</a>
                </th>
                {indexes.map((i) => <td>{cellText(cells[i])}</td>)}
                {(props.extra ?? []).map((c) => <td>{c.cell(obj)}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** `Type` of each condition, with its status when not True, e.g. `Available, Progressing=False (reason)`. */
export function conditionSummary(obj: KubeObject): string {
  const conditions = ((obj as { status?: { conditions?: Array<{ type: string; status: string; reason?: string }> } }).status?.conditions ?? []);
  return conditions.map((c) => (c.status === "True" ? c.type : `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}`)).join(", ");
}
