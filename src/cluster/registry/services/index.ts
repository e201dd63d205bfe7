import { Service } from "../../../api/schemas/core/service";
import { Service as ServiceMessage } from "../../../api/protobuf/messages/core";
import { nameIsDNS1035Label } from "../../../api/validation/names";
import { defineResource } from "../define";
import { printer } from "./printer";
import { serviceProxy } from "./proxy";
import { serviceStrategy } from "./strategy";

export const services = defineResource<Service>({
  group: "",
  version: "v1",
  kind: "Service",
  resource: "services",
  namespaced: true,
  shortNames: ["svc"],
  categories: ["all"],
  schema: Service,
  protobuf: ServiceMessage,
  subresources: ["proxy", "status"],
  subresourceHandlers: { proxy: serviceProxy },
  nameValidator: nameIsDNS1035Label,
  strategy: serviceStrategy,
  printer,
  selectableFields: (svc) => ({
    "spec.clusterIP": svc.spec?.clusterIP ?? "",
    "spec.type": svc.spec?.type ?? "",
  }),
});
