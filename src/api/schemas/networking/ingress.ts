// networking.k8s.io/v1 Ingress: HTTP routes by host and path from outside the cluster to Services.
import { z } from "zod";
import { atomic, gvk, int32, list, ref, str, typeMetaFields } from "../fields";
import { TypedLocalObjectReference, objectMetadata } from "../meta";

export const ServiceBackendPort = z
  .object({
    name: str("Name of the Service's port; exclusive with number.").optional(),
    number: int32("Number of the Service's port; exclusive with name.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.ServiceBackendPort", description: "The Service port a backend refers to, by name or number." });

export const IngressServiceBackend = z
  .object({
    name: str("Name of the Service, in the Ingress's namespace."),
    port: ref(ServiceBackendPort, "Port of the Service; a name or a number is required.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressServiceBackend", description: "A Service as a backend." });

export const IngressBackend = z
  .object({
    service: ref(IngressServiceBackend, "A Service as the backend; exclusive with resource.").optional(),
    resource: ref(TypedLocalObjectReference, "Another resource in the Ingress's namespace as the backend; exclusive with service.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressBackend", description: "Where matching requests go: a Service port or a resource." });

export const HTTPIngressPath = z
  .object({
    path: str("Path matched against the request's path; must start with '/' for Exact and Prefix.").optional(),
    // Required, but checked by validation (as the apiserver does, with its message), not by decoding.
    pathType: str("How the path matches: Exact, Prefix (by path elements) or ImplementationSpecific; required.").optional(),
    backend: ref(IngressBackend, "Where requests matching this path go; required.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.HTTPIngressPath", description: "A path and the backend its requests go to." });

export const HTTPIngressRuleValue = z
  .object({ paths: list(HTTPIngressPath, "Paths and their backends.", atomic) })
  .meta({ id: "io.k8s.api.networking.v1.HTTPIngressRuleValue", description: "The HTTP paths of a rule and their backends." });

export const IngressRule = z
  .object({
    host: str("Host the rule matches: a DNS name (foo.bar.com) or a wildcard of one label (*.bar.com); absent matches every host.").optional(),
    http: ref(HTTPIngressRuleValue, "The rule's HTTP paths.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressRule", description: "The paths under a host and their backends." });

export const IngressTLS = z
  .object({
    hosts: list(z.string(), "Hosts the certificate covers; defaults to the wildcard host of the controller.", atomic).optional(),
    secretName: str("Secret holding the TLS certificate and key.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressTLS", description: "TLS for some hosts of the Ingress." });

export const IngressSpec = z
  .object({
    ingressClassName: str("Name of the IngressClass; when absent, the default class is set on creation.").optional(),
    defaultBackend: ref(IngressBackend, "Backend of requests that match no rule.").optional(),
    tls: list(IngressTLS, "TLS configuration: port 443 with a certificate for these hosts.", atomic).optional(),
    rules: list(IngressRule, "Host rules; requests that match none go to the default backend.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressSpec", description: "The routes an Ingress asks its controller to serve." });

export const IngressPortStatus = z
  .object({
    port: int32("Port number of the ingress port."),
    protocol: str("TCP, UDP or SCTP."),
    error: str("Problem with the port, in CamelCase.").optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressPortStatus", description: "The status of one port of an ingress point." });

export const IngressLoadBalancerIngress = z
  .object({
    ip: str("IP of the ingress point.").optional(),
    hostname: str("DNS name of the ingress point.").optional(),
    ports: list(IngressPortStatus, "Ports of the ingress point.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.networking.v1.IngressLoadBalancerIngress", description: "An ingress point of the load balancer." });

export const IngressLoadBalancerStatus = z
  .object({ ingress: list(IngressLoadBalancerIngress, "Ingress points of the load balancer.", atomic).optional() })
  .meta({ id: "io.k8s.api.networking.v1.IngressLoadBalancerStatus", description: "The status of the Ingress's load balancer." });

export const IngressStatus = z
  .object({ loadBalancer: ref(IngressLoadBalancerStatus, "Where the Ingress is served.").optional() })
  .meta({ id: "io.k8s.api.networking.v1.IngressStatus", description: "The observed state of an Ingress." });

export const Ingress = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(IngressSpec, "The routes of the Ingress.").optional(),
    status: ref(IngressStatus, "Where the Ingress is served, as its controller reports.").optional(),
  })
  .meta({
    id: "io.k8s.api.networking.v1.Ingress",
    description: "Rules that let inbound HTTP requests reach Services by host and path, served by an ingress controller.",
    ...gvk("networking.k8s.io", "v1", "Ingress"),
  });
export type Ingress = z.infer<typeof Ingress>;
export type IngressSpec = z.infer<typeof IngressSpec>;
export type IngressBackend = z.infer<typeof IngressBackend>;
export type IngressRule = z.infer<typeof IngressRule>;
export type HTTPIngressPath = z.infer<typeof HTTPIngressPath>;
export type IngressLoadBalancerIngress = z.infer<typeof IngressLoadBalancerIngress>;
