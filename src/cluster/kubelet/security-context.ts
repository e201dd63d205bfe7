// The securityContext as the kubelet applies it: the effective settings of a container (its own over the pod's),
// who its processes run as, the ownership of its volumes (fsGroup), and the runAsNonRoot check the kubelet makes
// against the image's user before it creates the container (security_context_others.go's messages).
import type { Container, Pod } from "../../api/schemas";
import type { Mount, ProcessSpec } from "./runtime-port";

type Volume = NonNullable<NonNullable<Pod["spec"]>["volumes"]>[number];

/** Who a container runs as and what of it the runtime must know; undefined fields are the image's or the default. */
export function securityOf(pod: Pod, container: Container): Pick<ProcessSpec, "user" | "readOnlyRootFilesystem"> {
  const podSc = pod.spec?.securityContext;
  const sc = container.securityContext;
  const uid = sc?.runAsUser ?? podSc?.runAsUser;
  const gid = sc?.runAsGroup ?? podSc?.runAsGroup;
  // The kubelet hands the runtime the pod's supplementalGroups with fsGroup added.
  const groups = [...(podSc?.supplementalGroups ?? []), ...(podSc?.fsGroup !== undefined ? [podSc.fsGroup] : [])];
  const user = uid !== undefined || gid !== undefined || groups.length ? { ...(uid !== undefined ? { uid } : {}), ...(gid !== undefined ? { gid } : {}), ...(groups.length ? { supplementalGroups: groups } : {}) } : undefined;
  return { ...(user ? { user } : {}), ...(sc?.readOnlyRootFilesystem ? { readOnlyRootFilesystem: true } : {}) };
}

/** format.Pod: `name_namespace(uid)`. */
const podRef = (pod: Pod) => `${pod.metadata?.name ?? ""}_${pod.metadata?.namespace ?? ""}(${pod.metadata?.uid ?? ""})`;

/**
 * Why the kubelet refuses to create `container` under runAsNonRoot, given the image's USER (`imageUser`, undefined or
 * "" for root), or undefined when it may run. The messages are verifyRunAsNonRoot's.
 */
export function runAsNonRootError(pod: Pod, container: Container, imageUser: string | undefined): string | undefined {
  const sc = container.securityContext;
  const podSc = pod.spec?.securityContext;
  if (!(sc?.runAsNonRoot ?? podSc?.runAsNonRoot)) return undefined;
  const where = `(pod: ${JSON.stringify(podRef(pod))}, container: ${container.name})`;
  const runAsUser = sc?.runAsUser ?? podSc?.runAsUser;
  if (runAsUser !== undefined) return runAsUser === 0 ? `container's runAsUser breaks non-root policy ${where}` : undefined;
  const user = (imageUser ?? "").split(":")[0]!;
  if (user !== "" && !/^\d+$/.test(user)) return `container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root ${where}`;
  if (user === "" || Number(user) === 0) return `container has runAsNonRoot and image will run as root ${where}`;
  return undefined;
}

const WORLD_WRITABLE = Object.freeze({ gid: 0, dirMode: 0o777, fileMode: 0o644 });

export function withOwnership(pod: Pod, container: Container, mounts: Mount[]): Mount[] {
  const fsGroup = pod.spec?.securityContext?.fsGroup;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const byPath = new Map((container.volumeMounts ?? []).map((m) => [m.mountPath, volumes.get(m.name)]));
  return mounts.map((mount) => {
    const volume = byPath.get(mount.mountPath);
    if (!volume) return mount;
    if (volume.persistentVolumeClaim) return { ...mount, attributes: WORLD_WRITABLE };
    const files = volume.configMap ?? volume.secret ?? volume.downwardAPI ?? volume.projected;
    if (!volume.emptyDir && !files) return mount;
    const fileMode = files?.defaultMode ?? 0o644;
    if (fsGroup === undefined) return { ...mount, attributes: fileMode === 0o644 ? WORLD_WRITABLE : { gid: 0, dirMode: 0o777, fileMode } };
    return { ...mount, attributes: { gid: fsGroup, dirMode: 0o2777, fileMode: files ? fileMode | 0o440 : fileMode } };
  });
}
