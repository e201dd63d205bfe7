// ConfigMaps and Secrets: names, types and keys only; never a value.
import type { KubeObject } from "../../api/object";
import { listPath } from "../catalog";
import type { Printed } from "../cluster-client";
import { ObjectTable } from "../object-table";
import { byRowName, type PageContext } from "../page-context";

export interface ConfigData {
  configMaps: Printed;
  secrets: Printed;
}

export async function loadConfig(ctx: PageContext): Promise<ConfigData> {
  const [configMaps, secrets] = await Promise.all([
    ctx.client.printedOrEmpty(listPath(ctx.catalog.core("configmaps")!, ctx.ns)),
    ctx.client.printedOrEmpty(listPath(ctx.catalog.core("secrets")!, ctx.ns)),
  ]);
  configMaps.rows.sort(byRowName);
  secrets.rows.sort(byRowName);
  return { configMaps, secrets };
}

/** The keys of `data` and `binaryData`, sorted; values are never read. */
export function keysOf(obj: KubeObject): string {
  const o = obj as { data?: Record<string, unknown>; binaryData?: Record<string, unknown> };
  const keys = [...Object.keys(o.data ?? {}), ...Object.keys(o.binaryData ?? {})].sort();
  return keys.length ? keys.join(", ") : "(none)";
}

export function ConfigPage(props: { ctx: PageContext; data: ConfigData }) {
  const { ctx, data } = props;
  return (
    <>
      <h1>Configuration</h1>
      <section aria-labelledby="configmaps">
        <h2 id="configmaps">ConfigMaps ({data.configMaps.rows.length})</h2>
        <ObjectTable ctx={ctx} def={ctx.catalog.core("configmaps")!} printed={data.configMaps} extra={[{ name: "Keys", cell: keysOf }]} />
      </section>
      <section aria-labelledby="secrets">
        <h2 id="secrets">Secrets ({data.secrets.rows.length})</h2>
        <p class="note">Secret values are never shown here, whoever opens the dashboard: only names, types and keys.</p>
        <ObjectTable ctx={ctx} def={ctx.catalog.core("secrets")!} printed={data.secrets} extra={[{ name: "Keys", cell: keysOf }]} />
      </section>
    </>
  );
}
