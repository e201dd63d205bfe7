// pods/<[scheme:]name[:port]>/proxy/<path>: the pod's ResourceLocation (the port asked, else its first declared
// container port; it must have an address), then one exchange through the proxy connection.
import { badRequest } from "../../../api/status";
import { proxiedAnswer, proxiedRequest, redirectWithoutPath, splitSchemeNamePort } from "../proxy-subresource";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { pods } from "./index";

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** net.IP.IsGlobalUnicast for IPv4: not unspecified, loopback, link-local, multicast or broadcast. */
function globalUnicast(ip: string | undefined): boolean {
  const m = ip ? ipv4.exec(ip) : null;
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return !(a === 0 || a === 127 || a >= 224 || (a === 169 && b === 254)) && ip !== "255.255.255.255";
}

export async function podProxy(req: SubresourceRequest): Promise<SubresourceResult> {
  const { scheme, name, port } = splitSchemeNamePort(req.name, "pod");
  const pod = req.registry.get(pods, req.namespace, name);
  let target: number | string | undefined = port === "" ? undefined : /^\d+$/.test(port) ? Number(port) : port;
  if (target === undefined) target = (pod.spec?.containers ?? []).find((c) => c.ports?.length)?.ports?.[0].containerPort;
  if (!globalUnicast(pod.status?.podIP)) throw badRequest("address not allowed");
  const redirect = redirectWithoutPath(req);
  if (redirect) return redirect;
  const http = await proxiedRequest(req);
  const answer = await req.proxy.request({ kind: "pod", namespace: req.namespace, name, ...(target !== undefined ? { port: target } : {}), scheme }, http);
  return proxiedAnswer(answer, req.method);
}
