// The wire format of a cluster's live feed (cluster/apiserver/live-feed.ts), which the dashboard's live pages read:
// a Server-Sent Events stream at `liveFeedPath` that says `change` when an object of the resources it was opened for
// changes and `gone` when the token stops being valid.

/**
 * The cluster path of the feed (no Kubernetes path starts with a dot). Reaching it through the kube proxy gives a
 * token holder nothing the share link's own live route does not.
 */
export const liveFeedPath = "/.sandbox/live";

export const liveFeedHeaders = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Content-Encoding": "identity",
  "Cache-Control": "no-cache, no-transform",
  "X-Content-Type-Options": "nosniff",
};

/** The feed's URL (path and query) for pages showing these resources: one `resource=<group>/<version>/<resource>` each. */
export function liveFeedUrl(resources: Array<{ group: string; version: string; resource: string }>): string {
  const query = resources.map((r) => `resource=${encodeURIComponent(`${r.group}/${r.version}/${r.resource}`)}`).join("&");
  return `${liveFeedPath}?${query}`;
}
