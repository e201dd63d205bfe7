// Creating a sandbox, shared by the platform API (JSON) and the landing page's form (HTML): settle the options,
// create the Durable Object, and answer its credentials, kubeconfig and share link.
import { CreateClusterOptions, type ClusterSpec, type CreatedCluster } from "../api/platform";
import { badRequest, tooManyRequests, unauthorized, type Status } from "../api/status";
import { isValidQuantity, parseQuantity } from "../api/quantity";
import { bearerToken } from "../api/tokens";
import type { Env } from "./env";
import { limitPeriodSeconds, withinLimit } from "./client-limits";
import { mintClusterId } from "./cluster-ids";
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

/** The most one simulated node may have: a large real machine. */
const nodeMaxima = { cpu: "1024", memory: "64Ti" } as const;

/** A node resource: a Kubernetes quantity above zero and at most `nodeMaxima`; a 400 that says why otherwise. */
function nodeQuantity(field: "cpu" | "memory", value: string): string {
  const example = field === "cpu" ? '"2", "500m"' : '"4Gi", "512Mi"';
  if (!isValidQuantity(value)) throw badRequest(`nodeResources.${field}: "${value}" is not a Kubernetes quantity (e.g. ${example})`);
  const quantity = parseQuantity(value);
  if (quantity.sign() <= 0) throw badRequest(`nodeResources.${field}: "${value}" must be greater than zero`);
  if (quantity.cmp(parseQuantity(nodeMaxima[field])) > 0) {
    throw badRequest(`nodeResources.${field}: "${value}" is more than a node may have (at most ${nodeMaxima[field]})`);
  }
  return value;
}

/** The options with their defaults filled in; a StatusError 400 for values no node could have. */
export function settle(options: CreateClusterOptions): ClusterSpec {
  return {
    name: options.name ?? "sandbox",
    workers: options.workers ?? 2,
    nodeResources: {
      cpu: nodeQuantity("cpu", options.nodeResources?.cpu ?? "2"),
      memory: nodeQuantity("memory", options.nodeResources?.memory ?? "4Gi"),
      pods: options.nodeResources?.pods ?? 110,
    },
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

/**
 * Creates a cluster; `request` gives the origin, the client (for `CREATE_LIMIT`) and, when the server requires one,
 * the create token.
 */
export async function createSandbox(env: Env, request: Request, options: CreateClusterOptions): Promise<CreatedCluster | CreateRefused> {
  if (env.CREATE_TOKEN && bearerToken(request) !== env.CREATE_TOKEN) {
    return new CreateRefused(unauthorized().status);
  }
  const spec = settle(options);
  // Counted after validation: only creations that would make storage count against the client.
  if (!(await withinLimit(env, "CREATE_LIMIT", request))) {
    return new CreateRefused(tooManyRequests("too many clusters created from this address; retry in a minute", limitPeriodSeconds).status);
  }
  const id = await mintClusterId(env);
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
