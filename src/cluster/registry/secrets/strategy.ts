// Secrets: `stringData` folds into base64 `data`, the type defaults to Opaque and is immutable, data keys and
// values are checked; read-only callers see the keys but never the values.
import type { KubeObject } from "../../../api/object";
import { fieldError, type FieldError } from "../../../api/status";
import type { Strategy } from "../types";

interface SecretShape extends KubeObject {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}

const keyPattern = /^[-._a-zA-Z0-9]+$/;

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function isBase64(value: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0;
}

export function validateDataKeys(data: Record<string, unknown> | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(data ?? {})) {
    if (!keyPattern.test(key) || key.length > 253) {
      errors.push(fieldError.invalid(`${field}[${key}]`, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
    }
  }
  return errors;
}

export const secretStrategy: Strategy<SecretShape> = {
  defaults(secret) {
    if (!secret.type) secret.type = "Opaque";
    if (secret.stringData) {
      secret.data = { ...secret.data };
      for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = base64Utf8(v);
      delete secret.stringData;
    }
  },
  validate(secret) {
    const errors = validateDataKeys(secret.data, "data");
    for (const [k, v] of Object.entries(secret.data ?? {})) {
      if (!isBase64(v)) errors.push(fieldError.invalid(`data[${k}]`, "<secret contents redacted>", "illegal base64 data"));
    }
    if (secret.type === "kubernetes.io/dockerconfigjson" && !secret.data?.[".dockerconfigjson"]) {
      errors.push(fieldError.required("data[.dockerconfigjson]"));
    }
    if (secret.type === "kubernetes.io/tls") {
      if (!secret.data?.["tls.crt"]) errors.push(fieldError.required("data[tls.crt]"));
      if (!secret.data?.["tls.key"]) errors.push(fieldError.required("data[tls.key]"));
    }
    return errors;
  },
  validateUpdate(secret, old) {
    const errors: FieldError[] = [];
    if (secret.type !== old.type) errors.push(fieldError.invalid("type", secret.type, "field is immutable"));
    if (old.immutable && JSON.stringify(secret.data ?? {}) !== JSON.stringify(old.data ?? {})) {
      errors.push(fieldError.forbidden("data", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
};

/** Keys stay visible (kubectl's DATA column counts them); every value becomes empty. */
export function redactSecret(secret: SecretShape): SecretShape {
  const hidden = (m?: Record<string, string>) => (m ? Object.fromEntries(Object.keys(m).map((k) => [k, ""])) : undefined);
  const out: SecretShape = { ...secret, data: hidden(secret.data) };
  if (!out.data) delete out.data;
  const annotations = { ...secret.metadata.annotations };
  delete annotations["kubectl.kubernetes.io/last-applied-configuration"];
  out.metadata = { ...secret.metadata, annotations };
  if (!Object.keys(annotations).length) delete out.metadata.annotations;
  return out;
}
