// GET pods/<name>/log: what the container printed, recomputed from the simulated process (nothing is stored).
// `follow` streams new lines as time passes and ends when the container stops. The read-only token gets the text
// with every Secret value masked before `tailLines` and `limitBytes` cut it (a cut must not reveal part of a value),
// and no log at all of a container that reads a Secret value too short to mask.
import type { KubeObject } from "../../../api/object";
import { failure, forbidden } from "../../../api/status";
import { streamResponse } from "../../apiserver/respond";
import { streamingHeaders } from "../../apiserver/watch";
import type { PodSources } from "../../kubelet/env";
import { logSource, parseLogQuery, renderLines, replay, truncateBytes, type LogOptions, type LogSource } from "../../kubelet/logs";
import { podSources } from "../../kubelet/pod-sources";
import type { SimulatedProcess } from "../../kubelet/runtime-adapter";
import { isShortValue, minRedactedLength } from "../../redaction/redactor";
import { viewerRedactor } from "../../redaction/viewer-redactor";
import { nowMs } from "../../runtime/clock";
import { every } from "../../runtime/timers";
import { configMaps } from "../configmaps";
import type { RegistryStore } from "../generic-store";
import { nodes } from "../nodes";
import { secrets } from "../secrets";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { pods } from "./index";
import { validateLogOptions } from "./log-options";

/** How often a follow stream looks for new lines (wall clock). */
const followTickMs = 1000;

/** The pod's sources; every Secret value a container reads is added to `read`. */
function sourcesFor(registry: RegistryStore, pod: KubeObject, read: string[]): PodSources {
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  const node = nodeName ? registry.tryGet(nodes, undefined, nodeName) : undefined;
  const sources = podSources(registry, { configMaps, secrets }, pod.metadata.namespace!, node);
  return {
    ...sources,
    secret(name) {
      const data = sources.secret(name);
      if (data) read.push(...Object.values(data));
      return data;
    },
  };
}

const textHeaders = { "Content-Type": "text/plain" };

type Render = (process: SimulatedProcess, source: LogSource, from: number, until: number, options: LogOptions) => string;

/** The kubelet's rendering, with Secret values masked before the text is cut (read-only callers). */
function maskedRender(req: SubresourceRequest): Render {
  return (process, source, from, until, options) => {
    const whole = renderLines(process, source, from, until, { ...options, tailLines: undefined, limitBytes: undefined });
    let text = viewerRedactor(req.registry.store).text(whole);
    if (options.tailLines !== undefined) {
      const lines = text.split(/(?<=\n)/).filter(Boolean);
      text = options.tailLines <= 0 ? "" : lines.slice(-options.tailLines).join("");
    }
    return options.limitBytes !== undefined ? truncateBytes(text, options.limitBytes) : text;
  };
}

export function podLog(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "GET") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const now = nowMs();
  validateLogOptions(req.query, req.name);
  const pod = req.registry.get(pods, req.namespace, req.name);
  const options = parseLogQuery(req.query, now);
  const source = logSource(pod, options);
  const read: string[] = [];
  const process = replay(pod, source, sourcesFor(req.registry, pod, read));
  const viewer = req.caller.role === "view";
  if (viewer && read.some(isShortValue)) {
    throw forbidden(
      `pods "${req.name}" is forbidden: User "${req.caller.user}" cannot get the log of container "${source.container.name}": ` +
        `it reads a Secret value shorter than ${minRedactedLength} characters, which cannot be hidden from the read-only token`,
    );
  }
  const render: Render = viewer ? maskedRender(req) : renderLines;
  const first = render(process, source, source.startedAt, now, options);
  if (!options.follow || source.finishedAt !== undefined) return new Response(first, { status: 200, headers: textHeaders });
  return follow(req, source, first, now, (from, until) => render(process, source, from, until, { ...options, tailLines: undefined }));
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
  return streamResponse(body, { ...textHeaders, ...streamingHeaders });
}
