// Secrets: `stringData` folds into base64 `data`, the type defaults to Opaque and is immutable, data keys, size and
// the keys each type needs are checked (the decoder refuses values that are not base64); read-only callers see the
// keys but never the values.
import type { Secret } from "../../../api/schemas/core/secret";
import { fieldError, type FieldError } from "../../../api/status";
import { configSize, MAX_CONFIG_SIZE, validateConfigKeys } from "../../../api/validation/config-keys";
import { deepEqual } from "../../../api/json-equal";
import type { Strategy } from "../types";

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** ValidateSecret's rules per type: the keys each well-known type must carry. */
function typeErrors(secret: Secret): FieldError[] {
  const data = secret.data ?? {};
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key);
  switch (secret.type) {
    case "kubernetes.io/service-account-token":
      return secret.metadata.annotations?.["kubernetes.io/service-account.name"]
        ? []
        : [fieldError.required("metadata.annotations[kubernetes.io/service-account.name]")];
    case "kubernetes.io/dockercfg":
      return has(".dockercfg") ? [] : [fieldError.required("data[.dockercfg]")];
    case "kubernetes.io/dockerconfigjson":
      return has(".dockerconfigjson") ? [] : [fieldError.required("data[.dockerconfigjson]")];
    case "kubernetes.io/basic-auth":
      return has("username") || has("password") ? [] : [fieldError.required("data[username]"), fieldError.required("data[password]")];
    case "kubernetes.io/ssh-auth":
      return data["ssh-privatekey"] ? [] : [fieldError.required("data[ssh-privatekey]")];
    case "kubernetes.io/tls":
      return [...(has("tls.crt") ? [] : [fieldError.required("data[tls.crt]")]), ...(has("tls.key") ? [] : [fieldError.required("data[tls.key]")])];
    default:
      return [];
  }
}

export const secretStrategy: Strategy<Secret> = {
  defaults(secret) {
    if (!secret.type) secret.type = "Opaque";
    if (secret.stringData) {
      secret.data = { ...secret.data };
      for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = base64Utf8(v);
      delete secret.stringData;
    }
  },
  validate(secret) {
    const errors = validateConfigKeys(secret.data, "data");
    if (configSize(undefined, secret.data) > MAX_CONFIG_SIZE) errors.push(fieldError.tooLong("data", MAX_CONFIG_SIZE));
    errors.push(...typeErrors(secret));
    return errors;
  },
  validateUpdate(secret, old) {
    const errors: FieldError[] = [];
    if (secret.type !== old.type) errors.push(fieldError.invalid("type", secret.type, "field is immutable"));
    if (old.immutable) {
      if (!secret.immutable) errors.push(fieldError.forbidden("immutable", "field is immutable when `immutable` is set"));
      if (!deepEqual(secret.data ?? {}, old.data ?? {})) errors.push(fieldError.forbidden("data", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
};

/** Keys stay visible (kubectl's DATA column counts them); every value becomes empty. */
export function redactSecret(secret: Secret): Secret {
  const hidden = (m?: Record<string, string>) => (m ? Object.fromEntries(Object.keys(m).map((k) => [k, ""])) : undefined);
  const out: Secret = { ...secret, data: hidden(secret.data) };
  if (!out.data) delete out.data;
  const annotations = { ...secret.metadata.annotations };
  delete annotations["kubectl.kubernetes.io/last-applied-configuration"];
  out.metadata = { ...secret.metadata, annotations };
  if (!Object.keys(annotations).length) delete out.metadata.annotations;
  return out;
}
