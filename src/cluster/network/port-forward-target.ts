// Port-forward's way into a pod (registry/pods/portforward/ports.ts): the runtime dials `localhost:<port>` inside
// the pod's network namespace, so the pod's own containers answer, NetworkPolicy does not apply, and their access
// logs show 127.0.0.1. Nothing listening gives containerd's error, which the kubelet passes to the client.
import type { Pod } from "../../api/schemas/core/pod";
import type { PodConnection, PortForwardTarget } from "../registry/pods/portforward/ports";
import type { ClusterNetwork } from "./cluster-network";
import type { NetworkClient, RunningContainersPort } from "./ports";

/** 64 hex digits from a string (FNV-1a rounds): the stable stand-in for a sandbox ID. */
function hex64(input: string): string {
  let out = "";
  for (let round = 0; round < 8; round++) {
    let h = (0x811c9dc5 ^ (round * 0x9e3779b9)) >>> 0;
    for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}

export interface PortForwardTargetDeps {
  network: ClusterNetwork;
  processes: RunningContainersPort;
  now(): number;
}

/** Makes the targets of port-forward sessions; connections are numbered across all of them. */
export function portForwardTargets(deps: PortForwardTargetDeps): (pod: Pod) => PortForwardTarget {
  let seq = 0;
  return (pod) => {
    const uid = pod.metadata.uid ?? "";
    const sandboxId = hex64(`sandbox/${uid}`);
    const netns = `/var/run/netns/cni-${hex64(`netns/${uid}`).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, "$1-$2-$3-$4-$5")}`;
    const client: NetworkClient = { namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name ?? "", uid, container: "port-forward", podIP: "127.0.0.1" };
    const listening = (port: number) => {
      const at = deps.now();
      return deps.processes.runsOf(pod).some((run) => run.startedAtMs <= at && !!run.process()?.listening(port, at - run.startedAtMs));
    };
    const exchange = (port: number, request: { http?: PodConnectionRequest; send?: string }) =>
      deps.network.connect(client, { ip: "127.0.0.1", port, ...request, atWallMs: deps.now(), seq: seq++ }, () => ({ kind: "refused" }));
    return {
      sandboxId,
      dial(port) {
        if (!listening(port)) {
          const refused = (family: string, address: string) => `dial ${family} ${address}:${port}: connect: connection refused`;
          return {
            error:
              `failed to execute portforward in network namespace "${netns}": failed to connect to localhost:${port} inside namespace "${sandboxId}", ` +
              `IPv4: ${refused("tcp4", "127.0.0.1")} IPv6 ${refused("tcp6", "[::1]")} `,
          };
        }
        const connection: PodConnection = {
          http(http) {
            const answer = exchange(port, { http: { ...http, headers: { ...http.headers } } });
            // The program went away between two requests: the connection ends without an answer.
            return answer.kind === "answer" ? answer.answer : { status: 0, body: "" };
          },
          send(bytes) {
            const answer = exchange(port, { send: bytes });
            return answer.kind === "answer" ? answer.answer.body : "";
          },
        };
        return connection;
      },
    };
  };
}

type PodConnectionRequest = Parameters<PodConnection["http"]>[0];
