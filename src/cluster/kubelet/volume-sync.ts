// The kubelet's sync of a pod's ConfigMap, Secret, downward API and projected volumes: what each shows a container is
// recomputed from its sources; a change is written the pace's volumeSyncMs after the kubelet saw it (its periodic
// pod sync and cache). A source gone missing leaves the files as they were (the kubelet's sync fails and retries).
import type { Pod } from "../../api/schemas";
import { ConfigError, type PodSources } from "./env";
import type { VolumeStores } from "./volume-stores";
import { projectedFiles } from "./volumes";

type Volume = NonNullable<NonNullable<Pod["spec"]>["volumes"]>[number];

/** What a volume shows from outside the pod: `configmap/<name>`, `secret/<name>`, and `pod` for its own fields. */
export function volumeRefs(volume: Volume): string[] {
  const parts = volume.projected ? (volume.projected.sources ?? []) : [volume];
  const refs: string[] = [];
  for (const part of parts) {
    if (part.configMap) refs.push(`configmap/${part.configMap.name ?? ""}`);
    if (part.secret) refs.push(`secret/${("secretName" in part.secret ? part.secret.secretName : undefined) ?? ("name" in part.secret ? part.secret.name : undefined) ?? ""}`);
    if (part.downwardAPI) refs.push("pod");
  }
  return refs;
}

/** Sync the pod's mounted volumes at `now`: the next moment a change is due to be written, and what they show. */
export function syncProjectedVolumes(pod: Pod, uid: string, stores: VolumeStores, sources: PodSources, now: number, delayMs: number): { nextAt?: number; refs: Set<string> } {
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const refs = new Set<string>();
  let nextAt: number | undefined;
  for (const { volume, container, history } of stores.projectionsOf(uid)) {
    const v = volumes.get(volume);
    const c = containers.find((x) => x.name === container);
    if (!v || !c) continue;
    for (const ref of volumeRefs(v)) refs.add(ref);
    let files: Record<string, string> | undefined;
    try {
      files = projectedFiles(pod, c, v, sources);
    } catch (error) {
      if (error instanceof ConfigError) continue;
      throw error;
    }
    if (!files) continue;
    const at = history.sync(files, now, delayMs);
    if (at !== undefined) nextAt = Math.min(nextAt ?? at, at);
  }
  return { ...(nextAt !== undefined ? { nextAt } : {}), refs };
}
