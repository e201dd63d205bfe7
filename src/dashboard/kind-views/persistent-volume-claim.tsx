// A PersistentVolumeClaim's page: its status, the volume it is bound to, capacity, access modes and class (the
// columns of `kubectl get pvc`), what it asked for, and the pods that mount it.
import type { KubeObject } from "../../api/object";
import type { Pod } from "../../api/schemas";
import { listPath } from "../catalog";
import { StateBadge } from "../layout";
import { byName, type PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { Facts, ObjectLink } from "./parts";
import { accessModesText, type ClaimShape } from "./storage-shapes";

export const claimTones: Record<string, string> = { Bound: "running", Pending: "pending", Lost: "failed" };

/** Whether `pod` mounts the claim: by name, or as the ephemeral claim `<pod>-<volume>` of one of its volumes. */
export function mountsClaim(pod: KubeObject, claim: string): boolean {
  return ((pod as Pod).spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim || (v.ephemeral && `${pod.metadata.name}-${v.name}` === claim));
}

export function ClaimFacts(props: { ctx: PageContext; claim: KubeObject; usedBy: KubeObject[] }) {
  const { ctx } = props;
  const claim = props.claim as ClaimShape;
  const phase = claim.status?.phase;
  const volume = claim.spec?.volumeName;
  return (
    <section aria-labelledby="claim">
      <h2 id="claim">Claim</h2>
      <Facts
        label="Claim"
        facts={[
          ["Status", phase ? <StateBadge label={phase} tone={claimTones[phase] ?? "pending"} /> : "(not reported yet)"],
          ["Volume", volume ? <ObjectLink ctx={ctx} def={ctx.catalog.core("persistentvolumes")} name={volume} /> : undefined],
          ["Capacity", claim.status?.capacity?.storage],
          ["Access modes", accessModesText(claim.status?.accessModes)],
          ["StorageClass", claim.spec?.storageClassName ?? undefined],
          ["Requested", claim.spec?.resources?.requests?.storage],
          ["Requested access modes", accessModesText(claim.spec?.accessModes)],
          ["Volume mode", claim.spec?.volumeMode ?? "Filesystem"],
          [
            "Used by",
            props.usedBy.length ? (
              <>{props.usedBy.map((p, i) => <>{i ? ", " : ""}<ObjectLink ctx={ctx} def={ctx.catalog.core("pods")} namespace={p.metadata.namespace} name={p.metadata.name ?? ""} /></>)}</>
            ) : undefined,
          ],
        ]}
      />
    </section>
  );
}

export const persistentVolumeClaimView: KindView = {
  async sections(ctx, object) {
    const pods = ctx.catalog.core("pods");
    const all = pods ? await ctx.client.listOrEmpty(listPath(pods, object.metadata.namespace)) : [];
    const usedBy = all.filter((p) => mountsClaim(p, object.metadata.name ?? "")).sort(byName);
    return <ClaimFacts ctx={ctx} claim={object} usedBy={usedBy} />;
  },
};
