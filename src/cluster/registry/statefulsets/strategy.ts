// StatefulSets (apps/v1): defaults (OrderedReady, RollingUpdate with partition 0, Retain/Retain, one replica, history
// 10, each claim template a Filesystem claim Pending), a zeroed status on create, ValidateStatefulSetSpec's checks and
// the update rule that only replicas, ordinals, template, updateStrategy, revisionHistoryLimit, the claim retention
// policy and minReadySeconds may change.
import { cloneJson } from "../../../api/clone";
import { deepEqual } from "../../../api/json-equal";
import { labelSelectorFromObject, type LabelMatcher } from "../../../api/selectors/label-selector";
import type { StatefulSet, StatefulSetSpec } from "../../../api/schemas/apps/statefulset";
import type { PodTemplateSpec } from "../../../api/schemas/core/pod";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { isDNS1035Label } from "../../../api/validation/names";
import { defaultPodTemplate, goLabelSelector, invalidRendered, nonNegative, zeroValue } from "../pod-template";
import { validateControllerTemplate } from "../replicasets/template";
import type { Strategy } from "../types";

const policies = ["OrderedReady", "Parallel"];
const retention = ["Retain", "Delete"];

export const statefulSetStrategy: Strategy<StatefulSet> = {
  defaults(sts) {
    const spec = (sts.spec ??= zeroValue<StatefulSetSpec>());
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= "OrderedReady";
    const strategy = (spec.updateStrategy ??= {});
    strategy.type ??= "RollingUpdate";
    if (strategy.type === "RollingUpdate") {
      const rolling = (strategy.rollingUpdate ??= {});
      rolling.partition ??= 0;
    }
    const policy = (spec.persistentVolumeClaimRetentionPolicy ??= {});
    policy.whenDeleted ??= "Retain";
    policy.whenScaled ??= "Retain";
    spec.revisionHistoryLimit ??= 10;
    for (const claim of spec.volumeClaimTemplates ?? []) {
      // SetDefaults_PersistentVolumeClaim runs on the embedded claims: the type, Filesystem, phase Pending.
      claim.apiVersion ??= "v1";
      claim.kind ??= "PersistentVolumeClaim";
      claim.spec ??= {};
      claim.spec.volumeMode ??= "Filesystem";
      claim.status ??= {};
      claim.status.phase ??= "Pending";
    }
    defaultPodTemplate((spec.template ??= {}));
  },
  prepareForCreate(sts) {
    sts.status = { replicas: 0, availableReplicas: 0 };
  },
  validate(sts) {
    return validateSpec(sts.spec ?? zeroValue<StatefulSetSpec>());
  },
  validateStatusUpdate(sts, old) {
    return validateStatus(sts.status, old.status);
  },
  validateUpdate(sts, old) {
    const spec = { ...(sts.spec ?? zeroValue<StatefulSetSpec>()) };
    const before = old.spec ?? zeroValue<StatefulSetSpec>();
    for (const field of mutableFields) (spec as Record<string, unknown>)[field] = before[field];
    if (deepEqual(withoutUndefined(spec), withoutUndefined(before))) return [];
    return [fieldError.forbidden("spec", forbiddenUpdate)];
  },
};

const mutableFields = ["replicas", "template", "updateStrategy", "minReadySeconds", "ordinals", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy"] as const;

/** ValidateStatefulSetUpdate's message (1.31 and later, since revisionHistoryLimit may change). */
export const forbiddenUpdate =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function withoutUndefined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {}));
}

function validateSpec(spec: Partial<StatefulSetSpec>): FieldError[] {
  const errors: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errors.push(fieldError.required("spec.podManagementPolicy"));
  else if (!policies.includes(policy)) errors.push(fieldError.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"));

  const strategy = spec.updateStrategy ?? {};
  if (!strategy.type) errors.push(fieldError.required("spec.updateStrategy"));
  else if (strategy.type === "OnDelete") {
    if (strategy.rollingUpdate) errors.push(fieldError.invalid("spec.updateStrategy.rollingUpdate", strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (strategy.type === "RollingUpdate") {
    errors.push(...nonNegative("spec.updateStrategy.rollingUpdate.partition", strategy.rollingUpdate?.partition));
  } else {
    errors.push(fieldError.invalid("spec.updateStrategy", strategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }

  const claims = spec.persistentVolumeClaimRetentionPolicy;
  if (claims) {
    for (const when of ["whenDeleted", "whenScaled"] as const) {
      const value = claims[when];
      if (!retention.includes(value ?? "")) errors.push(fieldError.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${when}`, value ?? "", retention));
    }
  }
  errors.push(...nonNegative("spec.replicas", spec.replicas));
  errors.push(...nonNegative("spec.minReadySeconds", spec.minReadySeconds));
  errors.push(...nonNegative("spec.revisionHistoryLimit", spec.revisionHistoryLimit));
  errors.push(...nonNegative("spec.ordinals.start", spec.ordinals?.start));
  if (spec.serviceName) {
    for (const message of isDNS1035Label(spec.serviceName)) errors.push(fieldError.invalid("spec.serviceName", spec.serviceName, message));
  }

  let matcher: LabelMatcher | undefined;
  if (!spec.selector) {
    errors.push(fieldError.required("spec.selector"));
  } else {
    const selectorErrors = validateLabelSelector(spec.selector, "spec.selector");
    errors.push(...selectorErrors);
    if (!Object.keys(spec.selector.matchLabels ?? {}).length && !(spec.selector.matchExpressions ?? []).length) {
      errors.push(invalidRendered("spec.selector", goLabelSelector(spec.selector), "empty selector is invalid for statefulset"));
    }
    if (!selectorErrors.length) matcher = labelSelectorFromObject(spec.selector);
  }
  if (matcher) errors.push(...validateControllerTemplate(withClaimVolumes(spec), matcher, "spec.template", "StatefulSet"));
  return errors;
}

/**
 * The template as its pods get it: a volume for each claim template (what its mounts name), so the pod spec is checked
 * as the controller will create it.
 */
function withClaimVolumes(spec: Partial<StatefulSetSpec>): PodTemplateSpec | undefined {
  const names = (spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name).filter((n): n is string => !!n);
  if (!spec.template || !names.length) return spec.template;
  const template = cloneJson(spec.template);
  const podSpec = (template.spec ??= zeroValue<NonNullable<PodTemplateSpec["spec"]>>());
  const volumes = (podSpec.volumes ??= []);
  for (const name of names) if (!volumes.some((v) => v.name === name)) volumes.push({ name, persistentVolumeClaim: { claimName: name } });
  return template;
}

/** ValidateStatefulSetStatusUpdate: counts non-negative and within status.replicas; collisionCount never decremented. */
function validateStatus(status: StatefulSet["status"], old: StatefulSet["status"]): FieldError[] {
  const s = status ?? { replicas: 0, availableReplicas: 0 };
  const errors: FieldError[] = [];
  for (const field of ["replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas", "observedGeneration", "collisionCount"] as const) {
    errors.push(...nonNegative(`status.${field}`, s[field]));
  }
  const replicas = s.replicas ?? 0;
  for (const field of ["readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"] as const) {
    if ((s[field] ?? 0) > replicas) errors.push(fieldError.invalid(`status.${field}`, s[field], "cannot be greater than status.replicas"));
  }
  if ((s.availableReplicas ?? 0) > (s.readyReplicas ?? 0)) {
    errors.push(fieldError.invalid("status.availableReplicas", s.availableReplicas, "cannot be greater than status.readyReplicas"));
  }
  if (old?.collisionCount !== undefined && (s.collisionCount ?? 0) < old.collisionCount) {
    errors.push(fieldError.invalid("status.collisionCount", s.collisionCount ?? 0, "cannot be decremented"));
  }
  return errors;
}
