// pods/<name>/attach over v5.channel.k8s.io: the apiserver's checks (the streams asked for, the container, a host),
// then the kubelet's session with the container's main process (node-connection.ts `attach`): its output from now
// on, and with stdin its input; the stream ends with a Success Status when the process ends.
import { badRequest } from "../../../../api/status";
import type { Pod } from "../../../../api/schemas";
import type { NodeConnection } from "../node-connection";
import { exitStatus } from "./channels";
import { execContainer } from "./exec";
import type { PodStreamHandler } from "./handlers";
import { serveSession } from "./session";

const isTrue = (query: URLSearchParams, name: string) => ["true", "1"].includes((query.get(name) ?? "").toLowerCase());

/** The options of a PodAttachOptions query, checked as the apiserver checks them. */
export function attachOptions(pod: Pod, query: URLSearchParams) {
  const options = { stdin: isTrue(query, "stdin"), stdout: isTrue(query, "stdout"), stderr: isTrue(query, "stderr"), tty: isTrue(query, "tty") };
  if (!options.stdin && !options.stdout && !options.stderr) throw badRequest("you must specify at least 1 of stdin, stdout, stderr");
  const container = execContainer(pod, query.get("container") ?? undefined);
  if (!pod.spec?.nodeName) throw badRequest(`pod ${pod.metadata?.name} does not have a host assigned`);
  return { ...options, container: container.name };
}

export const attachStream: PodStreamHandler = {
  protocols: ["v5.channel.k8s.io"],
  prepare(req) {
    const options = attachOptions(req.pod, req.query);
    const nodes: NodeConnection = req.nodes;
    if (!nodes.attach) throw badRequest("this sandbox's nodes do not run attach");
    // The kubelet's refusals (a container that is not running) come before the upgrade.
    const session = nodes.attach({ pod: req.pod, container: options.container, stdin: options.stdin, tty: options.tty });
    return (socket) => serveSession(socket, session, { stdout: options.stdout, stderr: options.stderr && !options.tty, stdin: options.stdin, exitStatus: (code) => exitStatus(code, []) });
  },
};
