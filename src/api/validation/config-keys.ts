// Keys of ConfigMap data/binaryData and Secret data (IsConfigMapKey) and the 1 MiB limit on their total size.
import { fieldError, type FieldError } from "../status";
import { decodedLength } from "./base64";
import { maxLenError, regexError, utf8ByteLength, DNS1123_SUBDOMAIN_MAX_LENGTH } from "./names";

/** core.MaxSecretSize: the most bytes of values a ConfigMap or Secret may hold. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

const CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
const CONFIG_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const configKeyRegexp = new RegExp(`^${CONFIG_KEY_FMT}$`);

/** IsConfigMapKey: a file name a volume can hold (no path separators, not `.` or `..`). */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (utf8ByteLength(key) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!configKeyRegexp.test(key)) errs.push(regexError(CONFIG_KEY_ERR, CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
  if (key === ".") errs.push("must not be '.'");
  else if (key === "..") errs.push("must not be '..'");
  else if (key.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}

/** Every key of `map` checked at `field[key]`. */
export function validateConfigKeys(map: Record<string, unknown> | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(map ?? {}).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(fieldError.invalid(`${field}[${key}]`, key, msg));
  }
  return errs;
}

/** Bytes held: UTF-8 length of string values plus decoded length of base64 values. */
export function configSize(strings: Record<string, string> | null | undefined, base64: Record<string, string> | null | undefined): number {
  let total = 0;
  for (const value of Object.values(strings ?? {})) total += utf8ByteLength(value ?? "");
  for (const value of Object.values(base64 ?? {})) total += decodedLength(value ?? "");
  return total;
}
