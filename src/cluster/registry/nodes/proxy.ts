// nodes/<[scheme:]name[:port]>/proxy/<path>: the node's ResourceLocation (its kubelet's port unless another is
// asked), then one exchange through the proxy connection.
import { proxiedAnswer, proxiedRequest, redirectWithoutPath, splitSchemeNamePort } from "../proxy-subresource";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { nodes } from "./index";

export async function nodeProxy(req: SubresourceRequest): Promise<SubresourceResult> {
  const { scheme, name, port } = splitSchemeNamePort(req.name, "node");
  req.registry.get(nodes, undefined, name);
  const redirect = redirectWithoutPath(req);
  if (redirect) return redirect;
  const http = await proxiedRequest(req);
  const target = port === "" ? undefined : /^\d+$/.test(port) ? Number(port) : port;
  const answer = await req.proxy.request({ kind: "node", name, ...(target !== undefined ? { port: target } : {}), scheme }, http);
  return proxiedAnswer(answer, req.method);
}
