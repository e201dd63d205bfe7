// A PersistentVolume's page: capacity, access modes, reclaim policy, status and the claim bound to it (the columns of
// `kubectl get pv`), its class and where its data lives.
import type { Child } from "hono/jsx";
import type { KubeObject } from "../../api/object";
import { StateBadge } from "../layout";
import type { PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { Facts, ObjectLink } from "./parts";
import { accessModesText, type VolumeShape } from "./storage-shapes";

export const volumeTones: Record<string, string> = { Available: "running", Bound: "running", Released: "succeeded", Pending: "pending", Failed: "failed" };

function source(pv: VolumeShape): Child | undefined {
  const spec = pv.spec ?? {};
  if (spec.hostPath) return <><code>hostPath</code> <code>{spec.hostPath.path}</code>{spec.hostPath.type ? ` (${spec.hostPath.type})` : ""}</>;
  if (spec.local) return <><code>local</code> <code>{spec.local.path}</code></>;
  if (spec.nfs) return <>NFS <code>{`${spec.nfs.server}:${spec.nfs.path}`}</code></>;
  if (spec.csi) return <>CSI driver <code>{spec.csi.driver}</code>, volume <code>{spec.csi.volumeHandle}</code></>;
  return undefined;
}

export function VolumeFacts(props: { ctx: PageContext; volume: KubeObject }) {
  const { ctx } = props;
  const pv = props.volume as VolumeShape;
  const phase = pv.status?.phase;
  const claim = pv.spec?.claimRef;
  return (
    <section aria-labelledby="volume">
      <h2 id="volume">Volume</h2>
      <Facts
        label="Volume"
        facts={[
          ["Capacity", pv.spec?.capacity?.storage],
          ["Access modes", accessModesText(pv.spec?.accessModes)],
          ["Reclaim policy", pv.spec?.persistentVolumeReclaimPolicy],
          ["Status", phase ? <StateBadge label={phase} tone={volumeTones[phase] ?? "pending"} /> : "(not reported yet)"],
          [
            "Claim",
            claim?.name ? <ObjectLink ctx={ctx} def={ctx.catalog.core("persistentvolumeclaims")} namespace={claim.namespace} name={claim.name} label={`${claim.namespace}/${claim.name}`} /> : undefined,
          ],
          ["StorageClass", pv.spec?.storageClassName],
          ["Volume mode", pv.spec?.volumeMode ?? "Filesystem"],
          ["Source", source(pv)],
          ["Reason", pv.status?.reason],
          ["Message", pv.status?.message],
        ]}
      />
    </section>
  );
}

export const persistentVolumeView: KindView = {
  sections: async (ctx, object) => <VolumeFacts ctx={ctx} volume={object} />,
};
