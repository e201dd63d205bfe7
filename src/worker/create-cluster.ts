// Creating a sandbox, shared by the platform API (JSON) and the landing page's form (HTML): settle the options,
// create the Durable Object, and answer its credentials, kubeconfig and share link.
import { CreateClusterOptions, type ClusterSpec, type CreatedCluster } from "../api/platform";
import { badRequest, failure, type Status } from "../api/status";
import { isValidQuantity } from "../api/quantity";
import { bearerToken } from "../api/tokens";
import { randomToken } from "../cluster/runtime/random";
import type { Env } from "../env";
import { kubeconfigYaml } from "./kubeconfig";

/** Why a cluster was not created: a Kubernetes Status to answer. */
export class CreateRefused {
  constructor(readonly status: Status) {}
  get code(): number {
    return this.status.code;
  }
  get message(): string {
    return this.status.message ?? "the cluster could not be created";
  }
}

export function settle(options: CreateClusterOptions): ClusterSpec {
  const cpu = options.nodeResources?.cpu ?? "2";
  const memory = options.nodeResources?.memory ?? "4Gi";
  for (const [field, value] of [["cpu", cpu], ["memory", memory]] as const) {
    if (!isValidQuantity(value)) throw badRequest(`nodeResources.${field}: "${value}" is not a Kubernetes quantity (e.g. "2", "500m", "4Gi")`);
  }
  return {
    name: options.name ?? "sandbox",
    workers: options.workers ?? 2,
    nodeResources: { cpu, memory, pods: options.nodeResources?.pods ?? 110 },
    pace: options.pace ?? "realistic",
  };
}

export function serverUrl(request: Request, id: string): string {
  return `${new URL(request.url).origin}/clusters/${id}`;
}

/** The dashboard link of a token: `<origin>/s/<token>/`. */
export function shareUrl(request: Request, viewToken: string): string {
  return `${new URL(request.url).origin}/s/${viewToken}/`;
}

/** Creates a cluster; `request` gives the origin and (when the server requires one) the create token. */
export async function createSandbox(env: Env, request: Request, options: CreateClusterOptions): Promise<CreatedCluster | CreateRefused> {
  if (env.CREATE_TOKEN && bearerToken(request) !== env.CREATE_TOKEN) {
    return new CreateRefused(failure(401, "Unauthorized", "Unauthorized").status);
  }
  const spec = settle(options);
  const id = randomToken(20);
  const result = await env.CLUSTER.getByName(id).create(id, spec);
  if ("status" in result) return new CreateRefused(result.status as Status);
  const server = serverUrl(request, id);
  const link = shareUrl(request, result.value.viewToken);
  return {
    id,
    name: spec.name,
    server,
    token: result.value.token,
    viewToken: result.value.viewToken,
    kubeconfig: kubeconfigYaml({ server, clusterName: spec.name, id, token: result.value.token, role: "admin" }),
    expiresAt: result.value.expiresAt,
    shareUrl: link,
    dashboardUrl: link,
  };
}
