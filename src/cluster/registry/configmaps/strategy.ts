// ConfigMaps (ValidateConfigMap, ValidateConfigMapUpdate): keys a volume can hold, no key in both data and
// binaryData, at most 1 MiB of values, and nothing changes once `immutable` is set.
import type { ConfigMap } from "../../../api/schemas/core/configmap";
import { fieldError, type FieldError } from "../../../api/status";
import { configSize, MAX_CONFIG_SIZE, validateConfigKeys } from "../../../api/validation/config-keys";
import { deepEqual } from "../../../api/json-equal";
import type { Strategy } from "../types";

const IMMUTABLE = "field is immutable when `immutable` is set";

export const configMapStrategy: Strategy<ConfigMap> = {
  validate(cm) {
    const errors = validateConfigKeys(cm.data, "data");
    for (const key of Object.keys(cm.data ?? {}).sort()) {
      if (cm.binaryData && Object.prototype.hasOwnProperty.call(cm.binaryData, key)) {
        errors.push(fieldError.invalid(`data[${key}]`, key, "duplicate of key present in binaryData"));
      }
    }
    errors.push(...validateConfigKeys(cm.binaryData, "binaryData"));
    // Kubernetes reports the size at the empty path (field.NewPath(""), printed `[]`): the whole object is too long.
    if (configSize(cm.data, cm.binaryData) > MAX_CONFIG_SIZE) errors.push(fieldError.tooLong("[]", MAX_CONFIG_SIZE));
    return errors;
  },
  validateUpdate(cm, old) {
    if (!old.immutable) return [];
    const errors: FieldError[] = [];
    if (!cm.immutable) errors.push(fieldError.forbidden("immutable", IMMUTABLE));
    if (!deepEqual(cm.data ?? {}, old.data ?? {})) errors.push(fieldError.forbidden("data", IMMUTABLE));
    if (!deepEqual(cm.binaryData ?? {}, old.binaryData ?? {})) errors.push(fieldError.forbidden("binaryData", IMMUTABLE));
    return errors;
  },
};
