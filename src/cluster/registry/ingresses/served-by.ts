// Which Ingresses an ingress controller serves, as ingress-nginx decides: one whose ingressClassName names an
// IngressClass of its controller; else one whose legacy kubernetes.io/ingress.class annotation is its class name;
// else, one with no class at all, when it watches Ingresses without a class (minikube's addon does).
import type { Ingress } from "../../../api/schemas/networking/ingress";
import type { IngressClass } from "../../../api/schemas/networking/ingressclass";
import { ingressClassAnnotation } from "./validation";

/** The built-in controller: minikube's ingress addon (ingress-nginx), its class, and where its pods run. */
export const ingressNginx = {
  controller: "k8s.io/ingress-nginx",
  className: "nginx",
  watchWithoutClass: true,
  namespace: "ingress-nginx",
  /** Its Service (NodePort; port `http` is 80). */
  service: "ingress-nginx-controller",
  /** The labels of the controller's pods (its Deployment's selector). */
  podLabels: { "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx" },
} as const;

export interface IngressControllerIdentity {
  /** spec.controller of its IngressClasses. */
  controller: string;
  /** --ingress-class: the legacy annotation's value it answers to. */
  className: string;
  /** --watch-ingress-without-class. */
  watchWithoutClass: boolean;
}

export function servedBy(ingress: Ingress, classes: IngressClass[], identity: IngressControllerIdentity = ingressNginx): boolean {
  const name = ingress.spec?.ingressClassName;
  if (name != null) return classes.some((c) => c.metadata.name === name && c.spec?.controller === identity.controller);
  const annotation = ingress.metadata.annotations?.[ingressClassAnnotation];
  if (annotation !== undefined) return annotation === identity.className;
  return identity.watchWithoutClass;
}
