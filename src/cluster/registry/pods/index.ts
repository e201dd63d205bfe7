import { Pod } from "../../../api/schemas/core/pod";
import { Pod as PodMessage } from "../../../api/protobuf/messages/core-pod";
import { defineResource } from "../define";
import { printer } from "./printer";
import { podStrategy } from "./strategy";
import { podLog } from "./log";
import { evictPod } from "./eviction";
import { podProxy } from "./proxy";
import { bindPod } from "./subresources";
import { podStreamUpgrade } from "./streams/upgrade";

export const pods = defineResource<Pod>({
  group: "",
  version: "v1",
  kind: "Pod",
  resource: "pods",
  namespaced: true,
  shortNames: ["po"],
  categories: ["all"],
  schema: Pod,
  protobuf: PodMessage,
  subresources: ["attach", "binding", "ephemeralcontainers", "eviction", "exec", "log", "portforward", "proxy", "status"],
  subresourceHandlers: {
    attach: podStreamUpgrade("attach"),
    binding: bindPod,
    eviction: evictPod,
    exec: podStreamUpgrade("exec"),
    log: podLog,
    portforward: podStreamUpgrade("portforward"),
    proxy: podProxy,
  },
  strategy: podStrategy,
  printer,
  selectableFields: (pod) => {
    const { spec, status } = pod;
    return {
      "spec.nodeName": spec?.nodeName ?? "",
      "spec.restartPolicy": spec?.restartPolicy ?? "",
      "spec.schedulerName": spec?.schedulerName ?? "",
      "spec.serviceAccountName": spec?.serviceAccountName ?? "",
      "spec.hostNetwork": String(spec?.hostNetwork ?? false),
      "status.phase": status?.phase ?? "",
      "status.podIP": status?.podIP ?? "",
      "status.nominatedNodeName": status?.nominatedNodeName ?? "",
    };
  },
});
