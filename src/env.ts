// Bindings and settings of the Worker (wrangler.toml), shared by the Worker and the cluster Durable Object.
import type { ClusterObject } from "./cluster/cluster-object";

export interface Env {
  CLUSTER: DurableObjectNamespace<ClusterObject>;
  /** Days an idle cluster lives after its last request (default 7). */
  IDLE_DAYS?: string;
  /** Requests per second one cluster accepts on average (default 500; bursts of twice that). */
  RATE_LIMIT_RPS?: string;
  /** Most objects one cluster may hold (default 30000). */
  MAX_OBJECTS?: string;
  /** When set, creating a cluster needs this as a bearer token. */
  CREATE_TOKEN?: string;
}
