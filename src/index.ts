// Worker entry: the Hono app answers every request; each cluster is a ClusterObject Durable Object.
import { app } from "./worker/app";

export { ClusterObject } from "./cluster/cluster-object";

export default app;
