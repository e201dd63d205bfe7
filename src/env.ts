// Bindings and settings of the Worker (wrangler.toml), shared by the Worker and the cluster Durable Object.
import type { ClusterObject } from "./cluster/cluster-object";

export interface Env {
  CLUSTER: DurableObjectNamespace<ClusterObject>;
  /** Days an idle cluster lives after its last request (default 7). */
  IDLE_DAYS?: string;
  /** When set, creating a cluster needs this as a bearer token. */
  CREATE_TOKEN?: string;
}
