// kube-system as kubeadm leaves it: the control-plane components as static (mirror) pods on the control-plane
// node, kube-proxy as a DaemonSet, CoreDNS as a Deployment behind the kube-dns Service. They run like any other
// workload in the sandbox, so `kubectl get pods -n kube-system` shows what a real cluster shows.
import type { DaemonSet } from "../api/schemas/apps/daemonset";
import type { Deployment } from "../api/schemas/apps/deployment";
import type { Node } from "../api/schemas/core/node";
import type { Pod } from "../api/schemas/core/pod";
import type { Service } from "../api/schemas/core/service";
import type { ServiceAccount } from "../api/schemas/core/serviceaccount";
import { dnsServiceIP } from "./cluster-dns";

export const kubeVersion = "v1.33.1";
export { dnsServiceIP };

const criticalTolerations = [{ operator: "Exists", effect: "NoExecute" }];

function staticPod(component: string, image: string, node: Node, command: string[], port: number): Pod {
  const nodeName = node.metadata.name!;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${component}-${nodeName}`,
      namespace: "kube-system",
      labels: { component, tier: "control-plane" },
      annotations: {
        "kubernetes.io/config.source": "file",
        "kubernetes.io/config.seen": node.metadata.creationTimestamp ?? "",
        "kubernetes.io/config.hash": component.length.toString(16).padStart(32, "0"),
        "kubernetes.io/config.mirror": component.length.toString(16).padStart(32, "0"),
      },
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: nodeName, uid: node.metadata.uid!, controller: true }],
    },
    spec: {
      nodeName,
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: "system-node-critical",
      tolerations: criticalTolerations,
      securityContext: { seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        {
          name: component,
          image,
          command,
          resources: { requests: { cpu: component === "etcd" ? "100m" : component === "kube-apiserver" ? "250m" : "200m", ...(component === "etcd" ? { memory: "100Mi" } : {}) } },
          livenessProbe: {
            httpGet: { host: "127.0.0.1", path: component === "etcd" ? "/livez" : "/livez", port, scheme: component === "etcd" ? "HTTP" : "HTTPS" },
            initialDelaySeconds: 10,
            timeoutSeconds: 15,
            failureThreshold: 8,
          },
        },
      ],
    },
  };
}

/** The four control-plane static pods of the control-plane node. */
export function controlPlanePods(node: Node, apiserverIP: string): Pod[] {
  return [
    staticPod("etcd", "registry.k8s.io/etcd:3.5.21-0", node, ["etcd", `--advertise-client-urls=https://${apiserverIP}:2379`, "--data-dir=/var/lib/etcd"], 2381),
    staticPod("kube-apiserver", `registry.k8s.io/kube-apiserver:${kubeVersion}`, node, ["kube-apiserver", `--advertise-address=${apiserverIP}`, "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/16"], 6443),
    staticPod("kube-controller-manager", `registry.k8s.io/kube-controller-manager:${kubeVersion}`, node, ["kube-controller-manager", "--cluster-cidr=10.244.0.0/16", "--leader-elect=true"], 10257),
    staticPod("kube-scheduler", `registry.k8s.io/kube-scheduler:${kubeVersion}`, node, ["kube-scheduler", "--leader-elect=true"], 10259),
  ];
}

export function kubeProxyDaemonSet(): DaemonSet {
  const labels = { "k8s-app": "kube-proxy" };
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "kube-proxy", namespace: "kube-system", labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: "system-node-critical",
          hostNetwork: true,
          serviceAccountName: "kube-proxy",
          nodeSelector: { "kubernetes.io/os": "linux" },
          tolerations: [{ operator: "Exists" }],
          containers: [
            {
              name: "kube-proxy",
              image: `registry.k8s.io/kube-proxy:${kubeVersion}`,
              command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
              env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
              securityContext: { privileged: true },
            },
          ],
        },
      },
    },
  };
}

export function coreDnsDeployment(): Deployment {
  const labels = { "k8s-app": "kube-dns" };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "coredns", namespace: "kube-system", labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "coredns",
          nodeSelector: { "kubernetes.io/os": "linux" },
          tolerations: [
            { key: "CriticalAddonsOnly", operator: "Exists" },
            { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
          ],
          containers: [
            {
              name: "coredns",
              image: "registry.k8s.io/coredns/coredns:v1.12.0",
              args: ["-conf", "/etc/coredns/Corefile"],
              ports: [
                { name: "dns", containerPort: 53, protocol: "UDP" },
                { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
                { name: "metrics", containerPort: 9153, protocol: "TCP" },
              ],
              resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
              livenessProbe: { httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: "/ready", port: 8181, scheme: "HTTP" } },
            },
          ],
        },
      },
    },
  };
}

/** minikube's metrics-server addon: the backend of metrics.k8s.io (available once its pod is Ready). */
export function metricsServerDeployment(): Deployment {
  const labels = { "k8s-app": "metrics-server" };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "metrics-server", namespace: "kube-system", labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      strategy: { rollingUpdate: { maxUnavailable: 0 } },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "metrics-server",
          nodeSelector: { "kubernetes.io/os": "linux" },
          // As minikube's single node would take it: a cluster without workers still has its metrics.
          tolerations: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
          containers: [
            {
              name: "metrics-server",
              image: "registry.k8s.io/metrics-server/metrics-server:v0.8.0",
              args: [
                "--cert-dir=/tmp",
                "--secure-port=4443",
                "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
                "--kubelet-use-node-status-port",
                "--metric-resolution=15s",
                "--kubelet-insecure-tls",
              ],
              ports: [{ name: "https", containerPort: 4443, protocol: "TCP" }],
              resources: { requests: { cpu: "100m", memory: "200Mi" } },
              livenessProbe: { httpGet: { path: "/livez", port: "https", scheme: "HTTPS" }, periodSeconds: 10, failureThreshold: 3 },
              readinessProbe: { httpGet: { path: "/readyz", port: "https", scheme: "HTTPS" }, initialDelaySeconds: 20, periodSeconds: 10, failureThreshold: 3 },
              securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false },
            },
          ],
        },
      },
    },
  };
}

export function kubeDnsService(): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    },
    spec: {
      selector: { "k8s-app": "kube-dns" },
      clusterIP: dnsServiceIP,
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
    },
  };
}

export function systemServiceAccounts(): ServiceAccount[] {
  return ["kube-proxy", "coredns", "metrics-server"].map((name) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "kube-system" } }));
}
