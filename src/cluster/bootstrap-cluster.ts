// Writes a new cluster's initial objects through the registry (so they are validated like any other write).
import type { ClusterSpec } from "../api/platform";
import { ingressNginxClass, ingressNginxDeployment, ingressNginxNamespaceLabels, ingressNginxServiceAccount, ingressNginxService } from "./bootstrap-ingress";
import { standardStorageClass } from "./bootstrap-storage";
import { defaultClusterRoleBindings, defaultClusterRoles } from "./bootstrap-rbac";
import { clusterRoleBindings } from "./registry/clusterrolebindings";
import { clusterRoles } from "./registry/clusterroles";
import { controlPlanePods, coreDnsDeployment, metricsServerDeployment, kubeDnsService, kubeProxyDaemonSet, systemServiceAccounts } from "./bootstrap-system";
import {
  apiserverIP,
  kubernetesEndpoints,
  kubernetesService,
  namespaceObject,
  nodeLease,
  nodeObject,
  systemNamespaces,
} from "./bootstrap";
import type { RegistryStore } from "./registry/generic-store";
import { systemPriorityClasses, systemPriorityClassObject } from "./registry/priorityclasses/system";
import { daemonSets } from "./registry/daemonsets";
import { deployments } from "./registry/deployments";
import { endpoints } from "./registry/endpoints";
import { endpointSlices } from "./registry/endpointslices";
import { ingressClasses } from "./registry/ingressclasses";
import { leases } from "./registry/leases";
import { namespaces } from "./registry/namespaces";
import { nodes } from "./registry/nodes";
import { pods } from "./registry/pods";
import { priorityClasses } from "./registry/priorityclasses";
import { serviceAccounts } from "./registry/serviceaccounts";
import { storageClasses } from "./registry/storageclasses";
import { services } from "./registry/services";

export function bootstrapCluster(
  registry: RegistryStore,
  spec: ClusterSpec,
  env: { now: number; rfc3339: (ms: number) => string; uid: () => string },
): void {
  const now = env.rfc3339(env.now);
  const micro = new Date(env.now).toISOString().replace("Z", "000Z");
  for (const name of systemNamespaces()) registry.create(namespaces, undefined, namespaceObject(name));
  // The apiserver's scheduling/bootstrap-system-priority-classes hook; kube-system's pods name these classes.
  for (const pc of systemPriorityClasses) registry.create(priorityClasses, undefined, systemPriorityClassObject(pc));
  // The RBAC bootstrap policy (admin, edit and view get their rules from the clusterrole-aggregation controller).
  for (const role of defaultClusterRoles()) registry.create(clusterRoles, undefined, role);
  for (const binding of defaultClusterRoleBindings()) registry.create(clusterRoleBindings, undefined, binding);
  const registered = [];
  for (let i = 0; i <= spec.workers; i++) {
    const node = registry.create(nodes, undefined, nodeObject(spec, i, now, { machine: env.uid().replace(/-/g, ""), boot: env.uid() }));
    registry.create(leases, "kube-node-lease", nodeLease(node, micro));
    registered.push(node);
  }
  registry.create(services, "default", kubernetesService());
  const [kubernetesEndpointsObject, slice] = kubernetesEndpoints();
  registry.create(endpoints, "default", kubernetesEndpointsObject);
  registry.create(endpointSlices, "default", slice);

  for (const sa of systemServiceAccounts()) registry.create(serviceAccounts, "kube-system", sa);
  for (const pod of controlPlanePods(registered[0], apiserverIP)) registry.create(pods, "kube-system", pod);
  registry.create(services, "kube-system", kubeDnsService());
  registry.create(daemonSets, "kube-system", kubeProxyDaemonSet());
  registry.create(deployments, "kube-system", coreDnsDeployment());
  registry.create(deployments, "kube-system", metricsServerDeployment());

  // minikube's ingress addon.
  const ingressNamespace = namespaceObject("ingress-nginx");
  ingressNamespace.metadata.labels = { ...ingressNginxNamespaceLabels, ...ingressNamespace.metadata.labels };
  registry.create(namespaces, undefined, ingressNamespace);
  registry.create(ingressClasses, undefined, ingressNginxClass());
  registry.create(serviceAccounts, "ingress-nginx", ingressNginxServiceAccount());
  registry.create(services, "ingress-nginx", ingressNginxService());
  registry.create(deployments, "ingress-nginx", ingressNginxDeployment());
  // minikube's default-storageclass addon.
  registry.create(storageClasses, undefined, standardStorageClass());
}
