// Container logs as the read-only token may see them: the node connection wrapped so that a viewer's log request
// carries a LogViewer (every Secret value masked before the kubelet cuts the text; no log of a container that reads
// a value too short to mask).
import { forbidden } from "../../api/status";
import type { LogViewer, NodeConnection, PodLogRequest } from "../registry/pods/node-connection";
import type { Store } from "../storage/store";
import { isShortValue, minRedactedLength } from "./redactor";
import { viewerRedactor } from "./viewer-redactor";

function logViewer(request: PodLogRequest, store: Store): LogViewer {
  return {
    admit(secretValues, container) {
      if (!secretValues.some(isShortValue)) return;
      throw forbidden(
        `pods "${request.pod.metadata.name}" is forbidden: User "${request.caller.user}" cannot get the log of container "${container}": ` +
          `it reads a Secret value shorter than ${minRedactedLength} characters, which cannot be hidden from the read-only token`,
      );
    },
    mask: (text) => viewerRedactor(store).text(text),
  };
}

/** `nodes`, with the read-only token's requests masked. */
export function maskedForViewers(nodes: NodeConnection, store: Store): NodeConnection {
  return {
    ...nodes,
    containerLog: (request) => nodes.containerLog(request.caller.role === "view" ? { ...request, viewer: logViewer(request, store) } : request),
  };
}
