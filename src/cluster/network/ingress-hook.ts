// The built-in ingress controller's data path (minikube's ingress addon: ingress-nginx): a connection to port 80 of
// one of its pods is routed by the request's Host header and path over the Ingresses it serves
// (ingress-routes.ts), to a Service's port, or answered with the controller's own 404 page.
import type { Pod } from "../../api/schemas/core/pod";
import type { RegistryStore } from "../registry/generic-store";
import { ingressClasses } from "../registry/ingressclasses";
import { ingresses } from "../registry/ingresses";
import { ingressNginx } from "../registry/ingresses/served-by";
import { ingressNginx404Body, ingressNginxIngresses, routeIngressRequest } from "./ingress-routes";
import type { IngressHook } from "./ports";

const httpPort = 80;
const html = { "content-type": "text/html" };

function isControllerPod(pod: Pod): boolean {
  if (pod.metadata.namespace !== ingressNginx.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(ingressNginx.podLabels).every(([k, v]) => labels[k] === v);
}

/** The hook the cluster network asks about every connection to a pod (undefined: the pod's own program answers). */
export function ingressNginxHook(registry: Pick<RegistryStore, "list">): IngressHook {
  return (pod, port, request) => {
    if (port !== httpPort || !isControllerPod(pod)) return undefined;
    if (!request.http) return { kind: "answer", answer: { status: 0, body: "" } };
    const served = ingressNginxIngresses(registry.list(ingresses), registry.list(ingressClasses));
    const target = routeIngressRequest(served, request.http.headers.host ?? "", request.http.path);
    if (!target) return { kind: "answer", answer: { status: 404, body: ingressNginx404Body, headers: html } };
    return { kind: "backend", namespace: target.namespace, service: target.service, port: target.port.number ?? target.port.name ?? "" };
  };
}
