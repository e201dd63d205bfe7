// The resource table: every kind the apiserver serves, the one list of kinds. Adding a kind is one line here plus its
// schema and folder (docs/architecture.md, "Adding a kind"); discovery, routes, OpenAPI, tables and body decoding
// (JSON and protobuf) follow. Order is discovery order (core first, then groups as kubectl lists them).
import { configMaps } from "./configmaps";
import { controllerRevisions } from "./controllerrevisions";
import { cronJobs } from "./cronjobs";
import { daemonSets } from "./daemonsets";
import { endpoints } from "./endpoints";
import { endpointSlices } from "./endpointslices";
import { horizontalPodAutoscalers } from "./horizontalpodautoscalers";
import { horizontalPodAutoscalersV1 } from "./horizontalpodautoscalers/v1";
import { events } from "./events";
import { eventsV1 } from "./events.k8s.io-events";
import { leases } from "./leases";
import { jobs } from "./jobs";
import { ingressClasses } from "./ingressclasses";
import { ingresses } from "./ingresses";
import { limitRanges } from "./limitranges";
import { namespaces } from "./namespaces";
import { networkPolicies } from "./networkpolicies";
import { nodes } from "./nodes";
import { persistentVolumeClaims } from "./persistentvolumeclaims";
import { persistentVolumes } from "./persistentvolumes";
import { podDisruptionBudgets } from "./poddisruptionbudgets";
import { pods } from "./pods";
import { priorityClasses } from "./priorityclasses";
import { podTemplates } from "./podtemplates";
import { replicaSets } from "./replicasets";
import { replicationControllers } from "./replicationcontrollers";
import { clusterRoleBindings } from "./clusterrolebindings";
import { clusterRoles } from "./clusterroles";
import { roleBindings } from "./rolebindings";
import { roles } from "./roles";
import { deployments } from "./deployments";
import { resourceQuotas } from "./resourcequotas";
import { secrets } from "./secrets";
import { selfSubjectAccessReviews } from "./selfsubjectaccessreviews";
import { selfSubjectRulesReviews } from "./selfsubjectrulesreviews";
import { selfSubjectReviews, selfSubjectReviewsV1beta1 } from "./selfsubjectreviews";
import { serviceAccounts } from "./serviceaccounts";
import { services } from "./services";
import { statefulSets } from "./statefulsets";
import { storageClasses } from "./storageclasses";
import type { ResourceDef } from "./types";
import { nodeMetricsResource, podMetricsResource } from "./metrics";

export const resources: ResourceDef[] = [
  configMaps,
  endpoints,
  events,
  limitRanges,
  namespaces,
  nodes,
  persistentVolumeClaims,
  persistentVolumes,
  pods,
  podTemplates,
  replicationControllers,
  resourceQuotas,
  secrets,
  serviceAccounts,
  services,
  controllerRevisions,
  daemonSets,
  deployments,
  replicaSets,
  statefulSets,
  horizontalPodAutoscalers,
  horizontalPodAutoscalersV1,
  cronJobs,
  jobs,
  selfSubjectReviews,
  selfSubjectReviewsV1beta1,
  selfSubjectAccessReviews,
  selfSubjectRulesReviews,
  ingressClasses,
  ingresses,
  networkPolicies,
  podDisruptionBudgets,
  clusterRoleBindings,
  clusterRoles,
  roleBindings,
  roles,
  storageClasses,
  priorityClasses,
  leases,
  endpointSlices,
  eventsV1,
  nodeMetricsResource,
  podMetricsResource,
];
