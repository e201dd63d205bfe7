// GET pods/<name>/log: what the container printed, recomputed from the simulated process (nothing is stored).
// `follow` streams new lines as time passes and ends when the container stops.
import type { KubeObject } from "../../../api/object";
import { failure } from "../../../api/status";
import { streamingHeaders } from "../../apiserver/watch";
import { logSource, parseLogQuery, renderLines, replay, type LogSource } from "../../kubelet/logs";
import { podSources } from "../../kubelet/pod-sources";
import { nowMs } from "../../runtime/clock";
import { every } from "../../runtime/timers";
import { configMaps } from "../configmaps";
import type { RegistryStore } from "../generic-store";
import { nodes } from "../nodes";
import { secrets } from "../secrets";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { pods } from "./index";

/** How often a follow stream looks for new lines (wall clock). */
const followTickMs = 1000;

function sourcesFor(registry: RegistryStore, pod: KubeObject) {
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  const node = nodeName ? registry.tryGet(nodes, undefined, nodeName) : undefined;
  return podSources(registry, { configMaps, secrets }, pod.metadata.namespace!, node);
}

const textHeaders = { "Content-Type": "text/plain" };

export function podLog(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "GET") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const now = nowMs();
  const pod = req.registry.get(pods, req.namespace, req.name);
  const options = parseLogQuery(req.query, now);
  const source = logSource(pod, options);
  const process = replay(pod, source, sourcesFor(req.registry, pod));
  const first = renderLines(process, source, source.startedAt, now, options);
  if (!options.follow || source.finishedAt !== undefined) return new Response(first, { status: 200, headers: textHeaders });
  return follow(req, source, first, now, (from, until) => renderLines(process, source, from, until, { ...options, tailLines: undefined }));
}

/** Whether the run `source` still runs in the pod's current status. */
function stillRunning(registry: RegistryStore, namespace: string | undefined, name: string, source: LogSource): number | undefined {
  const pod = registry.tryGet(pods, namespace, name);
  if (!pod) return nowMs();
  const statuses = [
    ...(((pod.status as Record<string, any> | undefined)?.containerStatuses ?? []) as Record<string, any>[]),
    ...(((pod.status as Record<string, any> | undefined)?.initContainerStatuses ?? []) as Record<string, any>[]),
  ];
  for (const s of statuses) {
    for (const state of [s.state, s.lastState]) {
      const t = state?.terminated;
      if (t?.containerID === source.containerID) return Date.parse(t.finishedAt);
      if (state?.running && s.containerID === source.containerID) return undefined;
    }
  }
  return nowMs();
}

function follow(req: SubresourceRequest, source: LogSource, first: string, startedAt: number, more: (from: number, until: number) => string): Response {
  const encoder = new TextEncoder();
  let cancel: (() => void) | undefined;
  let sentUntil = startedAt;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(encoder.encode(first));
      cancel = every(followTickMs, () => {
        const finishedAt = stillRunning(req.registry, req.namespace, req.name, source);
        const until = finishedAt ?? nowMs();
        const text = more(sentUntil, until);
        sentUntil = Math.max(sentUntil, until);
        if (text) controller.enqueue(encoder.encode(text));
        if (finishedAt !== undefined) {
          cancel?.();
          controller.close();
        }
      });
    },
    cancel() {
      cancel?.();
    },
  });
  return new Response(body, { status: 200, headers: { ...textHeaders, ...streamingHeaders } });
}
