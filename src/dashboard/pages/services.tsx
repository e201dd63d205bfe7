// Services with their endpoints (the ready addresses and ports of the Endpoints object of the same name).
import type { KubeObject } from "../../api/object";
import { detailHref, listPath } from "../catalog";
import type { Printed } from "../cluster-client";
import { ObjectTable } from "../object-table";
import { byRowName, href, type PageContext } from "../page-context";

export interface ServicesData {
  services: Printed;
  endpoints: Map<string, KubeObject>;
}

export async function loadServices(ctx: PageContext): Promise<ServicesData> {
  const [services, endpoints] = await Promise.all([
    ctx.client.printedOrEmpty(listPath(ctx.catalog.core("services")!, ctx.ns)),
    ctx.client.listOrEmpty(listPath(ctx.catalog.core("endpoints")!, ctx.ns)),
  ]);
  services.rows.sort(byRowName);
  return { services, endpoints: new Map(endpoints.map((e) => [`${e.metadata.namespace}/${e.metadata.name}`, e])) };
}

type Subset = { addresses?: Array<{ ip: string }>; notReadyAddresses?: Array<{ ip: string }>; ports?: Array<{ port: number }> };

/** `10.0.0.5:80, 10.0.0.6:80` and the not-ready count, from an Endpoints object. */
export function endpointsText(endpoints: KubeObject | undefined): string {
  if (!endpoints) return "none";
  const subsets = ((endpoints as { subsets?: Subset[] }).subsets ?? []);
  const ready = subsets.flatMap((s) => (s.addresses ?? []).flatMap((a) => (s.ports?.length ? s.ports.map((p) => `${a.ip}:${p.port}`) : [a.ip])));
  const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  return `${ready.length ? ready.join(", ") : "none ready"}${notReady ? ` (+${notReady} not ready)` : ""}`;
}

export function ServicesPage(props: { ctx: PageContext; data: ServicesData }) {
  const { ctx, data } = props;
  const endpointsDef = ctx.catalog.core("endpoints")!;
  return (
    <>
      <h1>Services</h1>
      <ObjectTable
        ctx={ctx}
        def={ctx.catalog.core("services")!}
        printed={data.services}
        extra={[
          {
            name: "Endpoints",
            cell: (svc) => {
              const ep = data.endpoints.get(`${svc.metadata.namespace}/${svc.metadata.name}`);
              const text = endpointsText(ep);
              return ep ? <a href={href(ctx, detailHref(endpointsDef, svc.metadata.namespace, svc.metadata.name), false)}>{text}</a> : text;
            },
          },
        ]}
      />
    </>
  );
}
