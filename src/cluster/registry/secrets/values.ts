// The values a cluster's Secrets hold, for hiding them from read-only callers (cluster/redaction).
import type { Secret } from "../../../api/schemas/core/secret";
import { listPrefix } from "../keys";
import { secrets } from "./index";

/** The storage prefix of every Secret: a store event under it may change the values to hide. */
export const secretsPrefix = listPrefix(secrets);

function decodeBase64(value: string): string | undefined {
  try {
    const binary = atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Each value of a Secret: decoded (as containers see it) and as stored (base64). */
export function secretValues(secret: Secret): { decoded: string[]; stored: string[] } {
  const data: Record<string, unknown> = secret.data ?? {};
  const decoded: string[] = [];
  const stored: string[] = [];
  for (const raw of Object.values(data)) {
    if (typeof raw !== "string" || !raw) continue;
    stored.push(raw);
    const value = decodeBase64(raw);
    if (value) decoded.push(value);
  }
  return { decoded, stored };
}
