// Compact JWTs signed with HS256 (RFC 7519/7515), synchronous. ServiceAccount tokens are these, signed with a key
// each cluster keeps; the Worker reads one claim (the cluster id) without the key to route the request.
import { hmacSha256 } from "./hmac-sha256";

const encoder = new TextEncoder();

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export function signJwt(claims: object, key: string, kid: string): string {
  const header = base64url(encoder.encode(JSON.stringify({ alg: "HS256", kid, typ: "JWT" })));
  const payload = base64url(encoder.encode(JSON.stringify(claims)));
  const signature = base64url(hmacSha256(encoder.encode(key), encoder.encode(`${header}.${payload}`)));
  return `${header}.${payload}.${signature}`;
}

/** The claims of a well-formed JWT, unverified (for routing only), or undefined. */
export function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const bytes = fromBase64url(parts[1]!);
  if (!bytes) return undefined;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of a JWT whose HS256 signature `key` made, or undefined. */
export function verifyJwt(token: string, key: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const header = fromBase64url(parts[0]!);
  try {
    if (!header || JSON.parse(new TextDecoder().decode(header)).alg !== "HS256") return undefined;
  } catch {
    return undefined;
  }
  const expected = base64url(hmacSha256(encoder.encode(key), encoder.encode(`${parts[0]}.${parts[1]}`)));
  const given = parts[2]!;
  if (expected.length !== given.length) return undefined;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0 ? unverifiedClaims(token) : undefined;
}
