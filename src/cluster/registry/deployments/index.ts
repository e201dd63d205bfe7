import { Deployment } from "../../../api/schemas/apps/deployment";
import { Deployment as DeploymentMessage } from "../../../api/protobuf/messages/apps";
import { defineResource } from "../define";
import { selectorString } from "../pod-template";
import { printer } from "./printer";
import { deploymentStrategy } from "./strategy";

type Json = Record<string, any>;

export const deployments = defineResource({
  group: "apps",
  version: "v1",
  kind: "Deployment",
  resource: "deployments",
  namespaced: true,
  shortNames: ["deploy"],
  categories: ["all"],
  schema: Deployment,
  protobuf: DeploymentMessage,
  subresources: ["scale", "status"],
  hasGeneration: true,
  strategy: deploymentStrategy,
  printer,
  scale: {
    specReplicas: (d) => ((d.spec ?? {}) as Json).replicas ?? 1,
    setSpecReplicas: (d, replicas) => void (((d.spec ??= {}) as Json).replicas = replicas),
    statusReplicas: (d) => ((d.status ?? {}) as Json).replicas ?? 0,
    selector: (d) => selectorString(((d.spec ?? {}) as Json).selector),
  },
});
