// The overview: every node as a card holding its pods, and the pods no node has taken yet, with the reason.
import type { KubeObject } from "../../api/object";
import { detailHref, listPath } from "../catalog";
import type { Row } from "../cluster-client";
import { Empty, StateBadge } from "../layout";
import { byName, byRowName, href, type PageContext } from "../page-context";
import { allocatable, formatAmount, nodeFacts, podState, requested, unscheduledReason } from "../pod-state";

export interface OverviewData {
  nodes: KubeObject[];
  /** Every pod, printed (allocation counts them all); the page shows those of the namespace filter. */
  pods: Row[];
}

export async function loadOverview(ctx: PageContext): Promise<OverviewData> {
  const [nodes, pods] = await Promise.all([
    ctx.client.listOrEmpty(listPath(ctx.catalog.core("nodes")!)),
    ctx.client.printedOrEmpty(listPath(ctx.catalog.core("pods")!)),
  ]);
  return { nodes: nodes.sort(byName), pods: pods.rows.sort(byRowName) };
}

function PodChip(props: { ctx: PageContext; row: Row }) {
  const { ctx, row } = props;
  const pod = row.object;
  const state = podState(row);
  const name = ctx.ns ? pod.metadata.name : `${pod.metadata.namespace}/${pod.metadata.name}`;
  return (
    <li class={`pod t-${state.tone}`}>
      <a href={href(ctx, detailHref(ctx.catalog.core("pods")!, pod.metadata.namespace, pod.metadata.name), false)}>{name}</a>{" "}
      <StateBadge label={state.label} tone={state.tone} />
    </li>
  );
}

function Usage(props: { label: string; resource: string; used: number; total: number }) {
  const { resource, used, total } = props;
  const text = `${formatAmount(resource, used)} of ${formatAmount(resource, total)}${resource === "cpu" ? " cores" : ""} requested`;
  return (
    <div class="usage">
      <span>{props.label}: {text}</span>
      <meter min={0} max={total || 1} value={Math.min(used, total || 1)} high={(total || 1) * 0.85} aria-label={`${props.label} ${text}`}></meter>
    </div>
  );
}

function NodeCard(props: { ctx: PageContext; node: KubeObject; pods: Row[]; allPodsOnNode: KubeObject[] }) {
  const { ctx, node, pods } = props;
  const facts = nodeFacts(node);
  return (
    <article class="node" aria-labelledby={`node-${node.metadata.name}`}>
      <h3 id={`node-${node.metadata.name}`}>
        <a href={href(ctx, detailHref(ctx.catalog.core("nodes")!, undefined, node.metadata.name), false)}>{node.metadata.name}</a>
      </h3>
      <p class="facts">
        <span class="role">{facts.role}</span> <StateBadge label={facts.readyLabel} tone={facts.ready ? "running" : "failed"} />
        {facts.cordoned ? <> <StateBadge label="Cordoned (SchedulingDisabled)" tone="pending" /></> : null}
      </p>
      {facts.notReadyMessage ? <p class="node-message">{facts.notReadyMessage}</p> : null}
      {facts.taints.length ? <p class="taints">Taints: {facts.taints.join(", ")}</p> : null}
      <Usage label="CPU" resource="cpu" used={requested(props.allPodsOnNode, "cpu")} total={allocatable(node, "cpu")} />
      <Usage label="Memory" resource="memory" used={requested(props.allPodsOnNode, "memory")} total={allocatable(node, "memory")} />
      <h4>{pods.length} pod{pods.length === 1 ? "" : "s"}</h4>
      {pods.length ? <ul class="pods">{pods.map((row) => <PodChip ctx={ctx} row={row} />)}</ul> : null}
    </article>
  );
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function OverviewPage(props: { ctx: PageContext; data: OverviewData }) {
  const { ctx, data } = props;
  const byNode = new Map<string, KubeObject[]>();
  const shownByNode = new Map<string, Row[]>();
  const unscheduled: Row[] = [];
  let shown = 0;
  for (const row of data.pods) {
    const pod = row.object;
    const nodeName = (pod as { spec?: { nodeName?: string } }).spec?.nodeName;
    const visible = !ctx.ns || pod.metadata.namespace === ctx.ns;
    if (visible) shown += 1;
    if (!nodeName) {
      if (visible) unscheduled.push(row);
      continue;
    }
    push(byNode, nodeName, pod);
    if (visible) push(shownByNode, nodeName, row);
  }
  const ready = data.nodes.filter((n) => nodeFacts(n).ready).length;
  return (
    <>
      <h1>Nodes and pods</h1>
      <p class="summary">
        {data.nodes.length} nodes ({ready} Ready) · {shown} pods{ctx.ns ? ` in namespace ${ctx.ns}` : ""} · {unscheduled.length} not scheduled
      </p>
      <section aria-labelledby="nodes">
        <h2 id="nodes">Nodes</h2>
        {data.nodes.length ? (
          <div class="nodes">
            {data.nodes.map((node) => {
              const name = node.metadata.name ?? "";
              return <NodeCard ctx={ctx} node={node} pods={shownByNode.get(name) ?? []} allPodsOnNode={byNode.get(name) ?? []} />;
            })}
          </div>
        ) : (
          <Empty>This cluster has no nodes.</Empty>
        )}
      </section>
      <section aria-labelledby="unscheduled">
        <h2 id="unscheduled">Pods waiting for a node</h2>
        {unscheduled.length ? (
          <table>
            <thead>
              <tr><th scope="col">Pod</th><th scope="col">State</th><th scope="col">Reason</th></tr>
            </thead>
            <tbody>
              {unscheduled.map((row) => {
                const pod = row.object;
                const state = podState(row);
                return (
                  <tr>
                    <td>
                      <a href={href(ctx, detailHref(ctx.catalog.core("pods")!, pod.metadata.namespace, pod.metadata.name), false)}>{`${pod.metadata.namespace}/${pod.metadata.name}`}</a>
                    </td>
                    <td><StateBadge label={state.label} tone={state.tone} /></td>
                    <td>{unscheduledReason(pod)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <Empty>Every pod has a node.</Empty>
        )}
      </section>
    </>
  );
}
