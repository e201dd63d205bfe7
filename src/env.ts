// Bindings and settings of the Worker (wrangler.toml), shared by the Worker and the cluster Durable Object.
import type { ClusterObject } from "./cluster/cluster-object";
import type { IdKeyObject } from "./worker/id-key-object";

export interface Env {
  CLUSTER: DurableObjectNamespace<ClusterObject>;
  /** Keeps the generated key of cluster ids when `CLUSTER_ID_KEY` is not set (one object). */
  ID_KEYS: DurableObjectNamespace<IdKeyObject>;
  /** Days an idle cluster lives after its last request (default 7). */
  IDLE_DAYS?: string;
  /** Requests per second one cluster accepts on average (default 500; bursts of twice that). */
  RATE_LIMIT_RPS?: string;
  /** Most objects one cluster may hold (default 5000, events excluded). */
  MAX_OBJECTS?: string;
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
