// Writes a new cluster's initial objects through the registry (so they are validated like any other write).
import type { ClusterSpec } from "../api/platform";
import { controlPlanePods, coreDnsDeployment, kubeDnsService, kubeProxyDaemonSet, systemServiceAccounts } from "./bootstrap-system";
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
import { resources } from "./registry/resources";
import { ResourceTable } from "./registry/resource-table";

const table = new ResourceTable(resources);

export function bootstrapCluster(
  registry: RegistryStore,
  spec: ClusterSpec,
  env: { now: number; rfc3339: (ms: number) => string; uid: () => string },
): void {
  const def = (group: string, version: string, resource: string) => table.byResource(group, version, resource)!;
  const now = env.rfc3339(env.now);
  const micro = new Date(env.now).toISOString().replace("Z", "000Z");
  for (const name of systemNamespaces()) registry.create(def("", "v1", "namespaces"), undefined, namespaceObject(name));
  // The apiserver's scheduling/bootstrap-system-priority-classes hook; kube-system's pods name these classes.
  for (const pc of systemPriorityClasses) registry.create(def("scheduling.k8s.io", "v1", "priorityclasses"), undefined, systemPriorityClassObject(pc));
  const nodes = [];
  for (let i = 0; i <= spec.workers; i++) {
    const node = registry.create(def("", "v1", "nodes"), undefined, nodeObject(spec, i, now, { machine: env.uid().replace(/-/g, ""), boot: env.uid() }));
    registry.create(def("coordination.k8s.io", "v1", "leases"), "kube-node-lease", nodeLease(node, micro));
    nodes.push(node);
  }
  registry.create(def("", "v1", "services"), "default", kubernetesService());
  const [endpoints, slice] = kubernetesEndpoints();
  registry.create(def("", "v1", "endpoints"), "default", endpoints);
  registry.create(def("discovery.k8s.io", "v1", "endpointslices"), "default", slice);

  for (const sa of systemServiceAccounts()) registry.create(def("", "v1", "serviceaccounts"), "kube-system", sa);
  for (const pod of controlPlanePods(nodes[0], apiserverIP)) registry.create(def("", "v1", "pods"), "kube-system", pod);
  registry.create(def("", "v1", "services"), "kube-system", kubeDnsService());
  const daemonSets = table.byResource("apps", "v1", "daemonsets");
  if (daemonSets) registry.create(daemonSets, "kube-system", kubeProxyDaemonSet());
  const deployments = table.byResource("apps", "v1", "deployments");
  if (deployments) registry.create(deployments, "kube-system", coreDnsDeployment());
}
