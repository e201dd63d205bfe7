// Which message table decodes which apiVersion/kind.

import type { MessageType } from "./schema.js";
import { Deployment } from "./messages/apps.js";
import { SelfSubjectAccessReview, SelfSubjectRulesReview } from "./messages/authorization.js";
import { HorizontalPodAutoscalerV1, HorizontalPodAutoscalerV2 } from "./messages/autoscaling.js";
import { CronJob, Job } from "./messages/batch.js";
import {
  ConfigMap,
  LimitRange,
  Namespace,
  ResourceQuota,
  Secret,
  Service,
  ServiceAccount,
} from "./messages/core.js";
import { Pod } from "./messages/core-pod.js";
import { DeleteOptions } from "./messages/meta.js";
import { Eviction, PodDisruptionBudget } from "./messages/policy.js";
import { ClusterRole, Role, RoleBinding } from "./messages/rbac.js";
import { PriorityClass } from "./messages/scheduling.js";

const byGroupVersion: Record<string, Record<string, MessageType>> = {
  v1: { Namespace, ConfigMap, Secret, Service, ServiceAccount, Pod, ResourceQuota, LimitRange },
  "apps/v1": { Deployment },
  "batch/v1": { Job, CronJob },
  "policy/v1": { PodDisruptionBudget, Eviction },
  "autoscaling/v1": { HorizontalPodAutoscaler: HorizontalPodAutoscalerV1 },
  "autoscaling/v2": { HorizontalPodAutoscaler: HorizontalPodAutoscalerV2 },
  "authorization.k8s.io/v1": { SelfSubjectAccessReview, SelfSubjectRulesReview },
  "scheduling.k8s.io/v1": { PriorityClass },
  "rbac.authorization.k8s.io/v1": {
    Role,
    RoleBinding,
    ClusterRole,
    ClusterRoleBinding: RoleBinding,
  },
};

/** The message table for apiVersion/kind, or undefined when that kind is not decodable. */
export function messageTypeFor(apiVersion: string, kind: string): MessageType | undefined {
  // Like meta/v1 options in Kubernetes' scheme, DeleteOptions is accepted in every served group version.
  if (kind === "DeleteOptions" && apiVersion in byGroupVersion) return DeleteOptions;
  return byGroupVersion[apiVersion]?.[kind];
}
