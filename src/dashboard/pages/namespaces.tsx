// Namespaces with their phase and their ResourceQuotas (used versus hard).
import type { KubeObject } from "../../api/object";
import { detailHref, listPath } from "../catalog";
import { Empty, StateBadge } from "../layout";
import { byName, href, type PageContext } from "../page-context";

export interface NamespacesData {
  namespaces: KubeObject[];
  quotas: KubeObject[];
}

export async function loadNamespaces(ctx: PageContext): Promise<NamespacesData> {
  const [namespaces, quotas] = await Promise.all([
    ctx.client.listOrEmpty(listPath(ctx.catalog.core("namespaces")!)),
    ctx.client.listOrEmpty(listPath(ctx.catalog.core("resourcequotas")!, ctx.ns)),
  ]);
  return { namespaces: namespaces.sort(byName), quotas: quotas.sort(byName) };
}

type QuotaStatus = { status?: { hard?: Record<string, string>; used?: Record<string, string> }; spec?: { hard?: Record<string, string> } };

/** `pods: 3/10` for each resource of a quota. */
export function quotaLines(quota: KubeObject): string[] {
  const q = quota as QuotaStatus;
  const hard = q.status?.hard ?? q.spec?.hard ?? {};
  return Object.keys(hard).sort().map((k) => `${k}: ${q.status?.used?.[k] ?? "?"}/${hard[k]}`);
}

export function NamespacesPage(props: { ctx: PageContext; data: NamespacesData }) {
  const { ctx, data } = props;
  const shown = ctx.ns ? data.namespaces.filter((n) => n.metadata.name === ctx.ns) : data.namespaces;
  const quotaDef = ctx.catalog.core("resourcequotas")!;
  return (
    <>
      <h1>Namespaces</h1>
      {shown.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Phase</th><th scope="col">Quotas</th></tr>
            </thead>
            <tbody>
              {shown.map((ns) => {
                const phase = (ns as { status?: { phase?: string } }).status?.phase ?? "Active";
                const quotas = data.quotas.filter((q) => q.metadata.namespace === ns.metadata.name);
                return (
                  <tr>
                    <th scope="row">
                      <a href={href(ctx, detailHref(ctx.catalog.core("namespaces")!, undefined, ns.metadata.name), false)}>{ns.metadata.name}</a>
                    </th>
                    <td><StateBadge label={phase} tone={phase === "Active" ? "running" : "terminating"} /></td>
                    <td>
                      {quotas.length ? (
                        <ul class="plain">
                          {quotas.map((q) => (
                            <li>
                              <a href={href(ctx, detailHref(quotaDef, q.metadata.namespace, q.metadata.name), false)}>{q.metadata.name}</a>: {quotaLines(q).join(", ")}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "none"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>No such namespace.</Empty>
      )}
    </>
  );
}
