// The "Open the app" links of a Service's page (one per TCP port) and of an Ingress's page (one per host), through the
// share link (app-route.ts).
import { anyHost, appSuffix, ingressAppSuffix } from "../../api/app-links";
import type { KubeObject } from "../../api/object";
import { fieldAt, recordsAt, stringAt } from "../json-read";
import { href, type PageContext } from "../page-context";

/** `name:port` of each TCP port of a Service that routes to pods (not ExternalName). */
export function appPorts(svc: KubeObject): Array<{ port: number; label: string }> {
  if (stringAt(svc, "spec", "type") === "ExternalName") return [];
  return recordsAt(svc, "spec", "ports").flatMap((p) => {
    if (typeof p.port !== "number" || (p.protocol !== undefined && p.protocol !== "TCP")) return [];
    return [{ port: p.port, label: typeof p.name === "string" && p.name ? `${p.name} (${p.port})` : String(p.port) }];
  });
}

export function AppLinks(props: { ctx: PageContext; service: KubeObject }) {
  const { ctx, service } = props;
  const ports = appPorts(service);
  if (!ports.length) return null;
  const { namespace = "", name = "" } = service.metadata;
  return (
    <section aria-labelledby="open-app">
      <h2 id="open-app">Open the app</h2>
      <ul class="plain">
        {ports.map((p) => (
          <li>
            <a href={href(ctx, `apps/${appSuffix(namespace, name, p.port)}`, false)} rel="noopener noreferrer">Port {p.label}</a>
          </li>
        ))}
      </ul>
      <p class="note">Opens what the Service's pods answer on that port (GET only, in a sandboxed page).</p>
    </section>
  );
}

/** The hosts of an Ingress's rules (`anyHost` for rules without one, or a default backend alone), each once. */
export function ingressHosts(ingress: KubeObject): string[] {
  const hosts = recordsAt(ingress, "spec", "rules").map((r) => (typeof r.host === "string" && r.host ? r.host : anyHost));
  if (!hosts.length && fieldAt(ingress, "spec", "defaultBackend") !== undefined) hosts.push(anyHost);
  return [...new Set(hosts)];
}

export function IngressLinks(props: { ctx: PageContext; ingress: KubeObject }) {
  const { ctx, ingress } = props;
  const hosts = ingressHosts(ingress);
  if (!hosts.length) return null;
  const { namespace = "", name = "" } = ingress.metadata;
  return (
    <section aria-labelledby="open-app">
      <h2 id="open-app">Open the app</h2>
      <ul class="plain">
        {hosts.map((host) => (
          <li>
            <a href={href(ctx, `apps/${ingressAppSuffix(namespace, name, host)}`, false)} rel="noopener noreferrer">{host === anyHost ? "Any host" : host}</a>
          </li>
        ))}
      </ul>
      <p class="note">Opens what the ingress controller answers for that host (GET only, in a sandboxed page).</p>
    </section>
  );
}
