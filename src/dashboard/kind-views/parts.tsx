// Small pieces the per-kind sections share: a link to an object when its kind is served, a list of facts, and a
// table with a note when it has no rows.
import type { Child } from "hono/jsx";
import { detailHref, type Def } from "../catalog";
import { Empty } from "../layout";
import { href, type PageContext } from "../page-context";

/** The object's name, linked to its page when the cluster serves its kind. */
export function ObjectLink(props: { ctx: PageContext; def: Def | undefined; namespace?: string; name: string; label?: string }) {
  const { ctx, def } = props;
  const label = props.label ?? props.name;
  if (!def || !props.name) return <>{label}</>;
  return <a href={href(ctx, detailHref(def, def.namespaced ? props.namespace : undefined, props.name), false)}>{label}</a>;
}

/** Label and value pairs; a value that is undefined or empty shows as `<none>`, as kubectl describe prints it. */
export function Facts(props: { label: string; facts: Array<[string, Child | undefined]> }) {
  return (
    <dl class="meta" aria-label={props.label}>
      {props.facts.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value === undefined || value === "" ? "<none>" : value}</dd>
        </>
      ))}
    </dl>
  );
}

/** A titled table (a subsection's: an h3), or a note in place of an empty one. */
export function SectionTable(props: { id: string; title: Child; headers: string[]; rows: Child[][]; empty: string; note?: Child; subsection?: boolean }) {
  return (
    <section aria-labelledby={props.id}>
      {props.subsection ? <h3 id={props.id}>{props.title}</h3> : <h2 id={props.id}>{props.title}</h2>}
      {props.note ? <p class="note">{props.note}</p> : null}
      {props.rows.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>{props.headers.map((h) => <th scope="col">{h}</th>)}</tr>
            </thead>
            <tbody>
              {props.rows.map((cells) => (
                <tr>
                  <th scope="row">{cells[0]}</th>
                  {cells.slice(1).map((c) => <td>{c}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>{props.empty}</Empty>
      )}
    </section>
  );
}
