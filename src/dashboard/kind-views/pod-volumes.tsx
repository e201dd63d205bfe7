// A pod's volumes: each volume with its source (an emptyDir, a node path, the ConfigMap, Secret or claim it comes
// from; never a Secret's values, which the page does not read) and where each container mounts it.
import type { Child } from "hono/jsx";
import type { KubeObject } from "../../api/object";
import type { Container, Pod, Volume, VolumeMount } from "../../api/schemas";
import type { PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { ObjectLink, SectionTable } from "./parts";

/** One container's mount of a volume. */
export interface ShownMount {
  container: string;
  /** "init container" or "ephemeral container"; undefined for an app container. */
  role?: string;
  mountPath: string;
  subPath?: string;
  readOnly: boolean;
}

/** Every mount of the named volume, in the order of the pod's init, app and ephemeral containers. */
export function mountsOf(pod: Pod, volume: string): ShownMount[] {
  const groups: Array<[Array<Pick<Container, "name" | "volumeMounts">> | undefined, string | undefined]> = [
    [pod.spec?.initContainers, "init container"],
    [pod.spec?.containers, undefined],
    [pod.spec?.ephemeralContainers, "ephemeral container"],
  ];
  return groups.flatMap(([containers, role]) =>
    (containers ?? []).flatMap((c) =>
      (c.volumeMounts ?? [])
        .filter((m: VolumeMount) => m.name === volume)
        .map((m): ShownMount => ({
          container: c.name,
          role,
          mountPath: m.mountPath,
          subPath: m.subPath || m.subPathExpr || undefined,
          readOnly: m.readOnly === true,
        })),
    ),
  );
}

function Source(props: { ctx: PageContext; pod: Pod; volume: Volume }) {
  const { ctx, volume: v } = props;
  const ns = props.pod.metadata?.namespace;
  const core = (resource: string) => ctx.catalog.core(resource);
  if (v.emptyDir) {
    const details = [v.emptyDir.medium === "Memory" ? "in memory" : "", v.emptyDir.sizeLimit ? `size limit ${v.emptyDir.sizeLimit}` : ""].filter(Boolean);
    return <><code>emptyDir</code>{details.length ? ` (${details.join(", ")})` : ""}</>;
  }
  if (v.hostPath) return <><code>hostPath</code> <code>{v.hostPath.path}</code>{v.hostPath.type ? ` (${v.hostPath.type})` : ""}</>;
  if (v.configMap) return <>ConfigMap <ObjectLink ctx={ctx} def={core("configmaps")} namespace={ns} name={v.configMap.name ?? ""} />{v.configMap.optional ? " (optional)" : ""}</>;
  if (v.secret) return <>Secret <ObjectLink ctx={ctx} def={core("secrets")} namespace={ns} name={v.secret.secretName ?? ""} />{v.secret.optional ? " (optional)" : ""}</>;
  if (v.persistentVolumeClaim) {
    return <>PersistentVolumeClaim <ObjectLink ctx={ctx} def={core("persistentvolumeclaims")} namespace={ns} name={v.persistentVolumeClaim.claimName} />{v.persistentVolumeClaim.readOnly ? " (read-only)" : ""}</>;
  }
  if (v.ephemeral) {
    // The ephemeral volume controller names the claim `<pod>-<volume>`.
    const claim = `${props.pod.metadata?.name ?? ""}-${v.name}`;
    const spec = v.ephemeral.volumeClaimTemplate?.spec;
    const details = [spec?.storageClassName ? `class ${spec.storageClassName}` : "", spec?.resources?.requests?.storage ? `${spec.resources.requests.storage}` : ""].filter(Boolean);
    return <>ephemeral PersistentVolumeClaim <ObjectLink ctx={ctx} def={core("persistentvolumeclaims")} namespace={ns} name={claim} />{details.length ? ` (${details.join(", ")})` : ""}</>;
  }
  if (v.projected) {
    const parts: Child[] = (v.projected.sources ?? []).map((s) => {
      if (s.configMap) return <>ConfigMap <ObjectLink ctx={ctx} def={core("configmaps")} namespace={ns} name={s.configMap.name ?? ""} /></>;
      if (s.secret) return <>Secret <ObjectLink ctx={ctx} def={core("secrets")} namespace={ns} name={s.secret.name ?? ""} /></>;
      if (s.serviceAccountToken) return <>service account token at <code>{s.serviceAccountToken.path}</code></>;
      if (s.downwardAPI) return <>pod fields ({(s.downwardAPI.items ?? []).map((i) => i.path).join(", ")})</>;
      if (s.clusterTrustBundle) return <>trust bundle at <code>{s.clusterTrustBundle.path}</code></>;
      return <>(unknown source)</>;
    });
    return <><code>projected</code>: {parts.map((p, i) => <>{i ? "; " : ""}{p}</>)}</>;
  }
  if (v.downwardAPI) return <><code>downwardAPI</code>: {(v.downwardAPI.items ?? []).map((i) => i.path).join(", ")}</>;
  if (v.csi) return <>CSI driver <code>{v.csi.driver}</code></>;
  if (v.image) return <>image <code>{v.image.reference}</code></>;
  if (v.nfs) return <>NFS <code>{`${v.nfs.server}:${v.nfs.path}`}</code></>;
  const other = Object.keys(v).find((k) => k !== "name");
  return other ? <code>{other}</code> : <>(no source)</>;
}

function Mounts(props: { mounts: ShownMount[] }) {
  if (!props.mounts.length) return <>not mounted</>;
  return (
    <ul class="plain">
      {props.mounts.map((m) => (
        <li>
          {m.role ? `${m.role} ` : ""}<code>{m.container}</code> at <code>{m.mountPath}</code>
          {m.subPath ? <> (subPath <code>{m.subPath}</code>)</> : null}, {m.readOnly ? "read-only" : "read-write"}
        </li>
      ))}
    </ul>
  );
}

/** The pod's volumes: source and mounts of each. */
export function PodVolumes(props: { ctx: PageContext; pod: KubeObject }) {
  const pod = props.pod as Pod;
  const rows = (pod.spec?.volumes ?? []).map((v) => [<code>{v.name}</code>, <Source ctx={props.ctx} pod={pod} volume={v} />, <Mounts mounts={mountsOf(pod, v.name)} />]);
  return <SectionTable id="volumes" title="Volumes" headers={["Volume", "Source", "Mounted by"]} rows={rows} empty="This pod has no volumes." />;
}

export const podVolumesView: KindView = {
  sections: async (ctx, object) => <PodVolumes ctx={ctx} pod={object} />,
};
