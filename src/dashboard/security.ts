// Headers every dashboard answer carries: a strict Content-Security-Policy (no inline script or style, no
// framing, forms only to this origin) and the usual hardening.
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const securityHeaders: Record<string, string> = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};

/**
 * Headers of an app opened through the share link (`/s/<token>/apps/...`): `sandbox` gives the page an opaque
 * origin with no scripts, forms or storage of the dashboard's, so an app's answer never acts with its authority.
 */
export const appSecurityHeaders: Record<string, string> = {
  "Content-Security-Policy": "sandbox",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

/** Is this a share link's app path? */
export const isAppRoute = (path: string) => /^\/s\/[^/]+\/apps\//.test(path);
