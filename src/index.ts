// Worker entry: the Hono app answers every request; each cluster is a ClusterObject Durable Object, and one
// IdKeyObject keeps the generated key of cluster ids (when the CLUSTER_ID_KEY secret is not set).
import { app } from "./worker/app";

export { ClusterObject } from "./cluster/cluster-object";
export { IdKeyObject } from "./platform/id-key-object";

export default app;
