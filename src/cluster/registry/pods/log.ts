// GET pods/<name>/log: the registry's checks (method, PodLogOptions, the pod), then the node's kubelet through the
// node connection (node-connection.ts), as Kubernetes' LogREST does. What the read-only token may see of a log is
// decided around that connection (redaction/log-viewer.ts).
import { failure } from "../../../api/status";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { pods } from "./index";
import { validateLogOptions } from "./log-options";

const textHeaders = { "Content-Type": "text/plain" };

export function podLog(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "GET") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  validateLogOptions(req.query, req.name);
  const pod = req.registry.get(pods, req.namespace, req.name);
  const answer = req.nodes.containerLog({ pod, query: req.query, caller: req.caller });
  if ("text" in answer) return new Response(answer.text, { status: 200, headers: textHeaders });
  return { stream: answer.stream, headers: textHeaders };
}
