// Endpoints (the legacy per-Service address list).
import { z } from "zod";
import { atomic, gvk, int32, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata, ObjectReference } from "../meta";

export const EndpointAddress = z
  .object({
    ip: str("IP address of the endpoint."),
    hostname: str("Hostname of the endpoint.").optional(),
    nodeName: str("Node hosting the endpoint.").optional(),
    targetRef: ref(ObjectReference, "Object providing the endpoint, usually a pod.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EndpointAddress", description: "One address of an endpoint set.", "x-kubernetes-map-type": "atomic" });

export const EndpointPort = z
  .object({
    name: str("Name of the port, matching the Service port name.").optional(),
    port: int32("Port number."),
    protocol: z.string().meta({ description: "TCP, UDP or SCTP; defaults to TCP.", default: "TCP" }).optional(),
    appProtocol: str("Application protocol of the port.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EndpointPort", description: "One port of an endpoint set.", "x-kubernetes-map-type": "atomic" });

export const EndpointSubset = z
  .object({
    addresses: list(EndpointAddress, "Ready addresses.", atomic).optional(),
    notReadyAddresses: list(EndpointAddress, "Addresses that are not ready.", atomic).optional(),
    ports: list(EndpointPort, "Ports available on every address.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EndpointSubset", description: "Addresses that share the same ports." });

export const Endpoints = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    subsets: list(EndpointSubset, "Groups of addresses and their ports.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Endpoints", description: "The addresses backing a Service.", ...gvk("", "v1", "Endpoints") });
export type Endpoints = z.infer<typeof Endpoints>;
