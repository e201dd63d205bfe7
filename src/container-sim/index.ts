// The simulated container runtime: images, pulls, processes and probes. Pure and deterministic throughout.
//
//   pullImage(image)                      → PullResult: ok with size ("small"|"medium"|"large") and a stable digest,
//                                            or the kubelet's `Failed to pull image "…": rpc error: …` message.
//                                            THE RULE for what fails is documented at the top of pull.ts.
//   invalidImageNameMessage(image)        → the InvalidImageName message for an unparsable reference, else undefined.
//   parseImageReference(image)            → registry/path:tag@digest, normalised (docker.io/library/nginx:latest).
//   startProcess(spec, startedAtWallMs)   → SimulatedProcess: output(from, until), exit, ports, stopsOnSigterm,
//                                            fileExists, httpGet, listening, exec — all over virtual ms since start.
//   resolveArgv(spec, profile)            → the command line Kubernetes runs (command/args over ENTRYPOINT/CMD).
//   evaluateProbe(probe, process, atMs, target) → { success, message } for exec/httpGet/tcpSocket/grpc probes;
//   probeFailedEventMessage(kind, result) → "Liveness probe failed: …".
//   findProfile(repository)               → the catalog entry of a well-known image (ports, size, commands).
//
// It imports nothing outside this folder. What a container gets from whoever runs it:
//   filesystem (filesystem.ts)  ProcessSpec.mounts: DirectorySource trees mounted over the image's files (volumes).
//   network    (network.ts)     ProcessSpec.network: ContainerNetwork.connect(request, loopback) for wget/curl/nc;
//                               `defaultNetwork` (own ports on loopback, hostname and pod IP; public sites) otherwise.
//   streams    (streams.ts)     ProcessSpec.stdin / ExecOptions.stdin: InputStream chunks over time; stdout and
//                               stderr come back as SimulatedProcess.output(from, until).

export type { ExecOptions, ExecResult, HttpAnswer, IncomingConnection, OutputLine, ProcessExit, ProcessSpec, PullResult, Served, SimulatedProcess } from "./types";
export { pullImage, fakeDigest } from "./pull";
export { invalidImageNameMessage, parseImageReference, type ImageReference } from "./reference";
export { findProfile, type ImageProfile } from "./catalog";
export { startProcess, resolveArgv, shellSyntaxError } from "./process";
export { evaluateProbe, probeFailedEventMessage, type ProbeResult, type ProbeSpec, type ProbeTarget } from "./probes";
export type { DirectorySource, Mount } from "./filesystem";
export {
  defaultNetwork,
  publicDns,
  publicInternet,
  PUBLIC_SITE_IP,
  type ConnectRequest,
  type ContainerNetwork,
  type DnsQuestion,
  type DnsRecord,
  type DnsReply,
  type DnsType,
  type HttpRequest,
  type Loopback,
  type NetworkAnswer,
} from "./network";
export { noInput, type InputStream } from "./streams";
