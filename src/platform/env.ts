// Bindings and settings of the Worker (wrangler.toml), shared by the Worker, the dashboard and the platform code.
// The cluster's Durable Object reads only its own variables (`ClusterVariables` of api/platform.ts).
import type { ClusterVariables } from "../api/platform";
import type { ClusterObject } from "../cluster/cluster-object";
import type { IdKeyObject } from "./id-key-object";

export interface Env extends ClusterVariables {
  CLUSTER: DurableObjectNamespace<ClusterObject>;
  /** Keeps the generated key of cluster ids when `CLUSTER_ID_KEY` is not set (one object). */
  ID_KEYS: DurableObjectNamespace<IdKeyObject>;
  /** When set, creating a cluster needs this as a bearer token. */
  CREATE_TOKEN?: string;
  /** Secret (at least 32 characters) that cluster ids are MACed with; unset: a generated key kept in `ID_KEYS`. */
  CLUSTER_ID_KEY?: string;
  /** Cluster creations per client (wrangler.toml `[[ratelimits]]`). */
  CREATE_LIMIT: RateLimit;
  /** Platform API calls on one cluster (`/api/clusters/<id>…`) per client. */
  PLATFORM_LIMIT: RateLimit;
  /** Tokens refused per client; past it the client is refused for a minute without reaching any cluster. */
  AUTH_FAILURE_LIMIT: RateLimit;
  /** "off": the three per-client limits above count nothing (benchmarks on one's own machine; never in public). */
  CLIENT_LIMITS?: string;
}
