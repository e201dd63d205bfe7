// Service.
import { z } from "zod";
import { atomic, atomicMap, bool, gvk, int32, list, mapKeys, patch, ref, str, strMap, typeMetaFields } from "../fields";
import { Condition, IntOrString, objectMetadata } from "../meta";

export const ServicePort = z
  .object({
    name: str("Name of the port, required when there are several.").optional(),
    protocol: z.string().meta({ description: "TCP, UDP or SCTP; defaults to TCP.", default: "TCP" }).optional(),
    appProtocol: str("Application protocol hint, e.g. http or kubernetes.io/h2c.").optional(),
    port: int32("Port the Service exposes."),
    targetPort: ref(IntOrString, "Port number or name on the pods; defaults to port.").optional(),
    nodePort: int32("Port opened on every node for NodePort and LoadBalancer Services.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ServicePort", description: "A port exposed by a Service." });
export type ServicePort = z.infer<typeof ServicePort>;

export const ClientIPConfig = z
  .object({ timeoutSeconds: int32("Seconds a ClientIP affinity sticks; defaults to 10800.").optional() })
  .meta({ id: "io.k8s.api.core.v1.ClientIPConfig", description: "Settings of ClientIP session affinity." });

export const SessionAffinityConfig = z
  .object({ clientIP: ref(ClientIPConfig, "ClientIP affinity settings.").optional() })
  .meta({ id: "io.k8s.api.core.v1.SessionAffinityConfig", description: "Session affinity settings." });

export const ServiceSpec = z
  .object({
    ports: list(ServicePort, "Ports the Service exposes.", patch("merge", "port"), mapKeys("port", "protocol")).optional(),
    selector: strMap("Labels of the pods traffic is routed to.", atomicMap).optional(),
    clusterIP: str("Virtual IP of the Service, None for headless; usually allocated.").optional(),
    clusterIPs: list(z.string(), "Virtual IPs of the Service, one per family.", atomic).optional(),
    type: str("ClusterIP, NodePort, LoadBalancer or ExternalName; defaults to ClusterIP.").optional(),
    externalIPs: list(z.string(), "Extra IPs nodes accept traffic for.", atomic).optional(),
    sessionAffinity: str("ClientIP or None; defaults to None.").optional(),
    loadBalancerIP: str("Deprecated requested load balancer IP.").optional(),
    loadBalancerSourceRanges: list(z.string(), "Client CIDRs allowed through the load balancer.", atomic).optional(),
    externalName: str("DNS name returned as a CNAME for ExternalName Services.").optional(),
    externalTrafficPolicy: str("Routing of external traffic: Cluster or Local.").optional(),
    healthCheckNodePort: int32("Node port of the health check for Local external traffic.").optional(),
    publishNotReadyAddresses: bool("Publishes endpoints of pods that are not ready.").optional(),
    sessionAffinityConfig: ref(SessionAffinityConfig, "Session affinity settings.").optional(),
    ipFamilies: list(z.string(), "IP families of the Service: IPv4 and/or IPv6.", atomic).optional(),
    ipFamilyPolicy: str("SingleStack, PreferDualStack or RequireDualStack.").optional(),
    allocateLoadBalancerNodePorts: bool("Allocates node ports for LoadBalancer Services; defaults to true.").optional(),
    loadBalancerClass: str("Load balancer implementation handling the Service.").optional(),
    internalTrafficPolicy: str("Routing of in-cluster traffic: Cluster or Local.").optional(),
    trafficDistribution: str("Preference for routing traffic, e.g. PreferClose.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ServiceSpec", description: "The desired state of a Service." });
export type ServiceSpec = z.infer<typeof ServiceSpec>;

export const PortStatus = z
  .object({
    port: int32("Port number."),
    protocol: str("TCP, UDP or SCTP."),
    error: str("Problem with the port, in CamelCase.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PortStatus", description: "The status of one load balancer port." });

export const LoadBalancerIngress = z
  .object({
    ip: str("IP of the load balancer ingress point.").optional(),
    hostname: str("Hostname of the load balancer ingress point.").optional(),
    ipMode: str("How traffic reaches the IP: VIP or Proxy.").optional(),
    ports: list(PortStatus, "Status of each Service port.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.LoadBalancerIngress", description: "An ingress point of a load balancer." });

export const LoadBalancerStatus = z
  .object({ ingress: list(LoadBalancerIngress, "Ingress points of the load balancer.", atomic).optional() })
  .meta({ id: "io.k8s.api.core.v1.LoadBalancerStatus", description: "The status of a load balancer." });

export const ServiceStatus = z
  .object({
    loadBalancer: ref(LoadBalancerStatus, "Status of the load balancer, if any.").optional(),
    conditions: list(Condition, "Current conditions of the Service.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ServiceStatus", description: "The observed state of a Service." });

export const Service = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(ServiceSpec, "Desired state of the Service.").optional(),
    status: ref(ServiceStatus, "Observed state of the Service.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Service", description: "A stable name and virtual IP for a set of pods.", ...gvk("", "v1", "Service") });
export type Service = z.infer<typeof Service>;
