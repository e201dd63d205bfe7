// The platform REST API's shapes (under /api): what a script sends to create a sandbox and what it gets back.
import { z } from "zod";

const quantityString = z.union([z.string(), z.number()]).transform(String);

export const CreateClusterOptions = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "name must be a DNS label: lowercase letters, digits and '-', at most 63")
      .optional(),
    workers: z.number().int().min(0).max(100).optional(),
    nodeResources: z
      .object({
        cpu: quantityString.optional(),
        memory: quantityString.optional(),
        pods: z.number().int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    pace: z.enum(["realistic", "fast"]).optional(),
  })
  .strict();

export type CreateClusterOptions = z.infer<typeof CreateClusterOptions>;

/** Settled options of a cluster, as stored. */
export interface ClusterSpec {
  name: string;
  workers: number;
  nodeResources: { cpu: string; memory: string; pods: number };
  pace: "realistic" | "fast";
}

export interface ClusterSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  nodes: { total: number; ready: number };
  objects: Record<string, number>;
  revision: number;
  /** Alarm runs since the cluster's object was last loaded. */
  alarmRuns: number;
  pace: string;
}

/** What POST /api/clusters answers (201). */
export interface CreatedCluster {
  id: string;
  name: string;
  server: string;
  token: string;
  viewToken: string;
  kubeconfig: string;
  expiresAt: string;
  /** The read-only dashboard link, `<origin>/s/<viewToken>/`: safe to share. */
  shareUrl: string;
  /** The same dashboard link (the dashboard is read-only whoever opens it). */
  dashboardUrl: string;
}

/** What POST /api/clusters/<id>/share/rotate answers: the new read-only token and its link. */
export interface RotatedShare {
  viewToken: string;
  shareUrl: string;
  dashboardUrl: string;
}

/**
 * The Worker's variables (wrangler.toml `[vars]`) a cluster's Durable Object reads; the Worker's whole bindings are
 * `Env` of platform/env.ts, which extends these.
 */
export interface ClusterVariables {
  /** Days an idle cluster lives after its last request (default 7). */
  IDLE_DAYS?: string;
  /** Requests per second one cluster accepts on average (default 500; bursts of twice that). */
  RATE_LIMIT_RPS?: string;
  /** Most objects one cluster may hold (default 5000, events excluded). */
  MAX_OBJECTS?: string;
}
