// services/<[scheme:]name[:port]>/proxy/<path>: the Service's ResourceLocation (a port number names the Service port
// it matches; an endpoint must serve that port), then one exchange through the proxy connection.
import { failure } from "../../../api/status";
import { endpoints } from "../endpoints";
import { proxiedAnswer, proxiedRequest, redirectWithoutPath, splitSchemeNamePort } from "../proxy-subresource";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { services } from "./index";

const unavailable = (message: string) => failure(503, "ServiceUnavailable", message);

export async function serviceProxy(req: SubresourceRequest): Promise<SubresourceResult> {
  const { scheme, name, port } = splitSchemeNamePort(req.name, "service");
  let portName = port;
  if (/^[+-]?\d+$/.test(port)) {
    const svc = req.registry.get(services, req.namespace, name);
    const number = Number(port);
    const found = (svc.spec?.ports ?? []).find((p) => p.port === number);
    if (!found) throw unavailable(`no service port ${number} found for service ${JSON.stringify(name)}`);
    portName = found.name ?? "";
  }
  const subsets = req.registry.get(endpoints, req.namespace, name).subsets ?? [];
  if (subsets.length === 0) throw unavailable(`no endpoints available for service ${JSON.stringify(name)}`);
  const served = subsets.some((s) => (s.addresses?.length ?? 0) > 0 && (s.ports ?? []).some((p) => (p.name ?? "") === portName));
  if (!served) throw unavailable(`no endpoints available for service ${JSON.stringify(req.name)}`);
  const redirect = redirectWithoutPath(req);
  if (redirect) return redirect;
  const http = await proxiedRequest(req);
  const answer = await req.proxy.request({ kind: "service", namespace: req.namespace, name, port: portName, scheme }, http);
  return proxiedAnswer(answer, req.method);
}
