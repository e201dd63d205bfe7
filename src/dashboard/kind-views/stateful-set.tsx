// A StatefulSet's page: READY x/y, its update strategy, and each ordinal with its pod (stable name, STATUS word) and
// the claims its volumeClaimTemplates made for it (`<template>-<set>-<ordinal>`), including the claims of ordinals
// scaled away, which Kubernetes keeps unless the retention policy says Delete.
import type { KubeObject } from "../../api/object";
import { listPath } from "../catalog";
import { Empty, StateBadge } from "../layout";
import type { PageContext } from "../page-context";
import { podState, type PodState } from "../pod-state";
import type { KindView } from "./kind-view";
import { claimTones } from "./persistent-volume-claim";
import { Facts, ObjectLink } from "./parts";
import type { ClaimShape } from "./storage-shapes";

/** The fields of a StatefulSet (apps/v1, Kubernetes 1.33) the view reads. */
export interface StatefulSetShape {
  metadata: { name?: string; namespace?: string; uid?: string };
  spec?: {
    replicas?: number;
    serviceName?: string;
    podManagementPolicy?: string;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
    volumeClaimTemplates?: Array<{ metadata?: { name?: string } }>;
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
    ordinals?: { start?: number };
  };
  status?: { replicas?: number; readyReplicas?: number; currentRevision?: string; updateRevision?: string };
}

export interface OrdinalRow {
  ordinal: number;
  pod?: { object: KubeObject; state?: PodState };
  claims: Array<{ template: string; name: string; object?: KubeObject }>;
}

const ordinalOf = (prefix: string, name: string | undefined): number | undefined => {
  const match = name?.startsWith(prefix) ? /^(0|[1-9][0-9]*)$/.exec(name.slice(prefix.length)) : null;
  return match ? Number(match[1]) : undefined;
};

/**
 * One row per ordinal that has a pod, a claim of one of the templates, or is wanted by spec.replicas, in order. Pods
 * count when the set owns them; claims are matched by their names, as the controller names them.
 */
export function ordinalRows(object: KubeObject, pods: Array<{ object: KubeObject; state?: PodState }>, claims: KubeObject[]): OrdinalRow[] {
  const set = object as StatefulSetShape;
  const name = set.metadata.name ?? "";
  const start = set.spec?.ordinals?.start ?? 0;
  const templates = (set.spec?.volumeClaimTemplates ?? []).flatMap((t) => (t.metadata?.name ? [t.metadata.name] : []));
  const ordinals = new Set<number>();
  for (let i = 0; i < (set.spec?.replicas ?? 1); i++) ordinals.add(start + i);
  const owned = new Map<number, { object: KubeObject; state?: PodState }>();
  for (const pod of pods) {
    if (!(pod.object.metadata.ownerReferences ?? []).some((r) => r.uid === set.metadata.uid)) continue;
    const ordinal = ordinalOf(`${name}-`, pod.object.metadata.name);
    if (ordinal === undefined) continue;
    owned.set(ordinal, pod);
    ordinals.add(ordinal);
  }
  const claimsByName = new Map(claims.map((c) => [c.metadata.name ?? "", c]));
  for (const template of templates) {
    for (const claim of claims) {
      const ordinal = ordinalOf(`${template}-${name}-`, claim.metadata.name);
      if (ordinal !== undefined) ordinals.add(ordinal);
    }
  }
  return [...ordinals]
    .sort((a, b) => a - b)
    .map((ordinal) => ({
      ordinal,
      pod: owned.get(ordinal),
      claims: templates.map((template) => {
        const claimName = `${template}-${name}-${ordinal}`;
        return { template, name: claimName, object: claimsByName.get(claimName) };
      }),
    }));
}

export function StatefulSetSections(props: { ctx: PageContext; set: KubeObject; rows: OrdinalRow[] }) {
  const { ctx, rows } = props;
  const set = props.set as StatefulSetShape;
  const name = set.metadata.name ?? "";
  const ns = set.metadata.namespace;
  const strategy = set.spec?.updateStrategy;
  const partition = strategy?.rollingUpdate?.partition;
  const retention = set.spec?.persistentVolumeClaimRetentionPolicy;
  const hasTemplates = (set.spec?.volumeClaimTemplates ?? []).length > 0;
  const replicas = set.spec?.replicas ?? 1;
  return (
    <>
      <section aria-labelledby="statefulset">
        <h2 id="statefulset">StatefulSet</h2>
        <Facts
          label="StatefulSet"
          facts={[
            ["Ready", `${set.status?.readyReplicas ?? 0}/${replicas}`],
            ["Service", set.spec?.serviceName ? <ObjectLink ctx={ctx} def={ctx.catalog.core("services")} namespace={ns} name={set.spec.serviceName} /> : undefined],
            ["Pod management", set.spec?.podManagementPolicy ?? "OrderedReady"],
            ["Update strategy", `${strategy?.type ?? "RollingUpdate"}${partition ? ` (partition ${partition}: ordinals from ${partition} are updated)` : ""}`],
            ["Revisions", set.status?.updateRevision && set.status.updateRevision !== set.status.currentRevision ? `${set.status.currentRevision} → ${set.status.updateRevision}` : set.status?.currentRevision],
            ...(hasTemplates ? [["Claims kept", `when deleted: ${retention?.whenDeleted ?? "Retain"}, when scaled down: ${retention?.whenScaled ?? "Retain"}`] as [string, string]] : []),
          ]}
        />
      </section>
      <section aria-labelledby="ordinals">
        <h2 id="ordinals">Pods by ordinal</h2>
        {rows.length ? (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Ordinal</th>
                  <th scope="col">Pod</th>
                  <th scope="col">Status</th>
                  {hasTemplates ? <th scope="col">Claims</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    <th scope="row">{row.ordinal}</th>
                    <td>{row.pod ? <ObjectLink ctx={ctx} def={ctx.catalog.core("pods")} namespace={ns} name={row.pod.object.metadata.name ?? ""} /> : `${name}-${row.ordinal}`}</td>
                    <td>
                      {row.pod?.state ? <StateBadge label={row.pod.state.label} tone={row.pod.state.tone} /> : row.pod ? "" : row.ordinal < (set.spec?.ordinals?.start ?? 0) + replicas ? "not created yet" : "no pod (scaled down)"}
                    </td>
                    {hasTemplates ? (
                      <td>
                        <ul class="plain">
                          {row.claims.map((c) => {
                            const phase = (c.object as ClaimShape | undefined)?.status?.phase;
                            return (
                              <li>
                                {c.object ? <ObjectLink ctx={ctx} def={ctx.catalog.core("persistentvolumeclaims")} namespace={ns} name={c.name} /> : `${c.name} (not created yet)`}{" "}
                                {phase ? <StateBadge label={phase} tone={claimTones[phase] ?? "pending"} /> : null}
                              </li>
                            );
                          })}
                        </ul>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>No pods: the StatefulSet is scaled to zero.</Empty>
        )}
      </section>
    </>
  );
}

export const statefulSetView: KindView = {
  async sections(ctx, object) {
    const ns = object.metadata.namespace;
    const pods = ctx.catalog.core("pods");
    const claims = ctx.catalog.core("persistentvolumeclaims");
    const [printed, claimList] = await Promise.all([
      pods ? ctx.client.printedOrEmpty(listPath(pods, ns)) : Promise.resolve({ columns: [], rows: [] }),
      claims ? ctx.client.listOrEmpty(listPath(claims, ns)) : Promise.resolve([]),
    ]);
    const podRows = printed.rows.map((row) => ({ object: row.object, state: podState(row) }));
    return <StatefulSetSections ctx={ctx} set={object} rows={ordinalRows(object, podRows, claimList)} />;
  },
  watches: (catalog) => catalog.core("persistentvolumeclaims") ? [catalog.core("persistentvolumeclaims")!] : [],
};
