// `kubectl get nodes`: STATUS from the Ready condition (plus SchedulingDisabled), ROLES from role labels.
import type { KubeObject } from "../../../api/object";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, list, record, stringMap, text } from "../printing/fields";
import { NONE } from "../printing/format";
import { compareStrings } from "../printing/label-selector";

const ROLE_PREFIX = "node-role.kubernetes.io/";
const ROLE_LABEL = "kubernetes.io/role";
const ADDRESSES_DESCRIPTION = "List of addresses reachable to the node. Queried from cloud provider, if available.";

const columns = [
  nameColumn,
  column("Status", "string", "The status of the node"),
  column("Roles", "string", "The roles of the node"),
  ageColumn,
  column("Version", "string", "Kubelet Version reported by the node."),
  column("Internal-IP", "string", ADDRESSES_DESCRIPTION, 1),
  column("External-IP", "string", ADDRESSES_DESCRIPTION, 1),
  column("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
  column("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
  column("Container-Runtime", "string", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
];

/** `Ready`, `NotReady` or `Unknown` (no Ready condition), then `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  let ready: Record<string, unknown> | undefined;
  for (const cond of list(at(node.status, "conditions")).map(record)) if (cond.type === "Ready") ready = cond;
  const parts = [ready === undefined ? "Unknown" : ready.status === "True" ? "Ready" : "NotReady"];
  if (at(node.spec, "unschedulable") === true) parts.push("SchedulingDisabled");
  return parts.join(",");
}

/** Sorted, de-duplicated roles from `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value. */
export function nodeRoles(labels: unknown): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(stringMap(labels))) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length);
      if (role !== "") roles.add(role);
    } else if (key === ROLE_LABEL && value !== "") {
      roles.add(value);
    }
  }
  return [...roles].sort(compareStrings);
}

function address(status: Record<string, unknown>, type: string): string {
  const found = list(status.addresses).map(record).find((a) => a.type === type);
  return found === undefined ? NONE : text(found.address);
}

export const printer: Printer = {
  columns,
  cells(node, now) {
    const status = record(node.status);
    const info = record(status.nodeInfo);
    const roles = nodeRoles(node.metadata.labels).join(",");
    return [
      node.metadata.name ?? "",
      nodeStatus(node),
      roles || NONE,
      translateTimestampSince(node.metadata.creationTimestamp, now),
      text(info.kubeletVersion),
      address(status, "InternalIP"),
      address(status, "ExternalIP"),
      text(info.osImage) || "<unknown>",
      text(info.kernelVersion) || "<unknown>",
      text(info.containerRuntimeVersion) || "<unknown>",
    ];
  },
};
