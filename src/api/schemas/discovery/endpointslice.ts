// discovery.k8s.io/v1 EndpointSlice.
import { z } from "zod";
import { atomic, bool, gvk, int32, list, ref, set, str, strMap, typeMetaFields } from "../fields";
import { objectMetadata, ObjectReference } from "../meta";

export const EndpointConditions = z
  .object({
    ready: bool("Whether the endpoint is ready for traffic.").optional(),
    serving: bool("Whether the endpoint can serve, regardless of termination.").optional(),
    terminating: bool("Whether the endpoint is terminating.").optional(),
  })
  .meta({ id: "io.k8s.api.discovery.v1.EndpointConditions", description: "The state of an endpoint." });

export const ForZone = z
  .object({ name: str("Name of the zone.") })
  .meta({ id: "io.k8s.api.discovery.v1.ForZone", description: "A zone that should consume an endpoint." });

export const ForNode = z
  .object({ name: str("Name of the node.") })
  .meta({ id: "io.k8s.api.discovery.v1.ForNode", description: "A node that should consume an endpoint." });

export const EndpointHints = z
  .object({
    forZones: list(ForZone, "Zones that should consume the endpoint.", atomic).optional(),
    forNodes: list(ForNode, "Nodes that should consume the endpoint.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.discovery.v1.EndpointHints", description: "Routing hints for an endpoint." });

export const Endpoint = z
  .object({
    addresses: list(z.string(), "Addresses of the endpoint, all of the slice's address type.", set),
    conditions: ref(EndpointConditions, "State of the endpoint.").optional(),
    hostname: str("Hostname of the endpoint.").optional(),
    targetRef: ref(ObjectReference, "Object providing the endpoint, usually a pod.").optional(),
    deprecatedTopology: strMap("Deprecated topology labels of the endpoint.").optional(),
    nodeName: str("Node hosting the endpoint.").optional(),
    zone: str("Zone of the endpoint.").optional(),
    hints: ref(EndpointHints, "Routing hints for consumers.").optional(),
  })
  .meta({ id: "io.k8s.api.discovery.v1.Endpoint", description: "One backend of a Service." });

export const EndpointPort = z
  .object({
    name: str("Name of the port, matching the Service port name.").optional(),
    protocol: z.string().meta({ description: "TCP, UDP or SCTP; defaults to TCP.", default: "TCP" }).optional(),
    port: int32("Port number; empty means all ports.").optional(),
    appProtocol: str("Application protocol of the port.").optional(),
  })
  .meta({ id: "io.k8s.api.discovery.v1.EndpointPort", description: "A port of an EndpointSlice.", "x-kubernetes-map-type": "atomic" });

export const EndpointSlice = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    addressType: str("Type of the addresses: IPv4, IPv6 or FQDN."),
    endpoints: list(Endpoint, "Backends in this slice.", atomic),
    ports: list(EndpointPort, "Ports exposed by every endpoint of the slice.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.discovery.v1.EndpointSlice",
    description: "A subset of the backends of a Service.",
    ...gvk("discovery.k8s.io", "v1", "EndpointSlice"),
  });
export type EndpointSlice = z.infer<typeof EndpointSlice>;
