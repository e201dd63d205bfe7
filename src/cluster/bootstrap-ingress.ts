// The ingress-nginx objects minikube's ingress addon leaves in a cluster: the ingress-nginx namespace, the default
// IngressClass `nginx`, the controller's ServiceAccount and Deployment (hostPorts 80 and 443 on its node) and its
// NodePort Service `ingress-nginx-controller`. Left out, to keep a new cluster's writes low (each Service costs its
// Endpoints and EndpointSlice writes too): the admission webhook (its Service ingress-nginx-controller-admission, its
// certificate Jobs and Secret), the RBAC objects, the ConfigMaps.
import type { Deployment } from "../api/schemas/apps/deployment";
import type { Service } from "../api/schemas/core/service";
import type { ServiceAccount } from "../api/schemas/core/serviceaccount";
import type { IngressClass } from "../api/schemas/networking/ingressclass";
import { defaultIngressClassAnnotation } from "../api/schemas/networking/ingressclass";
import { ingressNginx } from "./registry/ingresses/served-by";

export const ingressNginxVersion = "1.11.3";
const namespace = ingressNginx.namespace;
const name = ingressNginx.service;

const commonLabels = {
  "app.kubernetes.io/instance": "ingress-nginx",
  "app.kubernetes.io/name": "ingress-nginx",
  "app.kubernetes.io/part-of": "ingress-nginx",
  "app.kubernetes.io/version": ingressNginxVersion,
};
const controllerLabels = { "app.kubernetes.io/component": "controller", ...commonLabels };

export const ingressNginxNamespaceLabels = { "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx" };

export function ingressNginxClass(): IngressClass {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "IngressClass",
    metadata: { name: ingressNginx.className, labels: controllerLabels, annotations: { [defaultIngressClassAnnotation]: "true" } },
    spec: { controller: ingressNginx.controller },
  };
}

export function ingressNginxServiceAccount(): ServiceAccount {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "ingress-nginx", namespace, labels: controllerLabels }, automountServiceAccountToken: true };
}

export function ingressNginxDeployment(): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: controllerLabels },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      minReadySeconds: 0,
      selector: { matchLabels: { ...ingressNginx.podLabels } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { ...controllerLabels, "gcp-auth-skip-secret": "true" } },
        spec: {
          serviceAccountName: "ingress-nginx",
          terminationGracePeriodSeconds: 0,
          dnsPolicy: "ClusterFirst",
          nodeSelector: { "kubernetes.io/os": "linux" },
          // minikube tolerates the old master taint; the sandbox's control plane carries the control-plane one, and a
          // cluster without workers must still run the controller.
          tolerations: [
            { key: "node-role.kubernetes.io/master", operator: "Equal", effect: "NoSchedule" },
            { key: "node-role.kubernetes.io/control-plane", operator: "Equal", effect: "NoSchedule" },
          ],
          containers: [
            {
              name: "controller",
              image: `registry.k8s.io/ingress-nginx/controller:v${ingressNginxVersion}`,
              imagePullPolicy: "IfNotPresent",
              args: [
                "/nginx-ingress-controller",
                "--election-id=ingress-nginx-leader",
                `--controller-class=${ingressNginx.controller}`,
                "--watch-ingress-without-class=true",
                "--report-node-internal-ip-address",
              ],
              env: [
                { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
                { name: "POD_NAMESPACE", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } } },
                { name: "LD_PRELOAD", value: "/usr/local/lib/libmimalloc.so" },
              ],
              ports: [
                { name: "http", containerPort: 80, hostPort: 80, protocol: "TCP" },
                { name: "https", containerPort: 443, hostPort: 443, protocol: "TCP" },
                { name: "webhook", containerPort: 8443, protocol: "TCP" },
              ],
              resources: { requests: { cpu: "100m", memory: "90Mi" } },
              securityContext: {
                allowPrivilegeEscalation: true,
                capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
                runAsUser: 101,
              },
            },
          ],
        },
      },
    },
  };
}

export function ingressNginxService(): Service {
  const selector = { ...ingressNginx.podLabels };
  return {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace, labels: controllerLabels },
      spec: {
        type: "NodePort",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        selector,
        ports: [
          { name: "http", appProtocol: "http", port: 80, protocol: "TCP", targetPort: "http" },
          { name: "https", appProtocol: "https", port: 443, protocol: "TCP", targetPort: "https" },
        ],
      },
    };
}
