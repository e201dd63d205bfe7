// The simulated container runtime: images, pulls, processes and probes. Pure and deterministic throughout.
//
//   pullImage(image)                      → PullResult: ok with size ("small"|"medium"|"large") and a stable digest,
//                                            or the kubelet's `Failed to pull image "…": rpc error: …` message.
//                                            THE RULE for what fails is documented at the top of pull.ts.
//   invalidImageNameMessage(image)        → the InvalidImageName message for an unparsable reference, else undefined.
//   parseImageReference(image)            → registry/path:tag@digest, normalised (docker.io/library/nginx:latest).
//   startProcess(spec, startedAtWallMs)   → SimulatedProcess: output(from, until), exit, ports, stopsOnSigterm,
//                                            fileExists, httpGet, listening, accept, exec — all over virtual ms since
//                                            start. accept(port, {clientIP, http | send}, atMs) → Served: the program's
//                                            answer and its access-log lines (the caller keeps them), or undefined.
//                                            Images the catalog does not know serve HTTP 200 / TCP on ProcessSpec.ports
//                                            from GENERIC_STARTUP_MS on.
//   process.terminal(command, atMs)       → Terminal: `kubectl exec -it` (line discipline, interactive shell, keys
//                                            in and screen out at virtual ms; terminal/session.ts).
//   resolveName(name, files, network, atWallMs) → how a container's C library resolves a name (/etc/hosts, then
//                                            /etc/resolv.conf's nameservers, search list and ndots; CNAMEs followed).
//   resolveArgv(spec, profile)            → the command line Kubernetes runs (command/args over ENTRYPOINT/CMD).
//   evaluateProbe(probe, process, atMs, target) → { success, message } for exec/httpGet/tcpSocket/grpc probes;
//   probeFailedEventMessage(kind, result) → "Liveness probe failed: …".
//   findProfile(repository)               → the catalog entry of a well-known image (ports, size, commands).
//   imageUser(image)                      → the image config's USER ("101", "curl_user"), undefined for root.
//
// It imports nothing outside this folder. What a container gets from whoever runs it:
//   filesystem (filesystem.ts)  ProcessSpec.mounts: DirectorySource trees mounted over the image's files (volumes).
//   network    (network.ts)     ProcessSpec.network: ContainerNetwork.connect(request, loopback) for wget/curl/nc/
//                               redis-cli, .dns(server, question) for the resolver and nslookup/host/dig;
//                               `defaultNetwork` (own ports on loopback, hostname and pod IP; public sites) otherwise.
//   files                       ProcessSpec.files: /etc/hosts, /etc/resolv.conf (replace the simulator's and the image's).
//   streams    (streams.ts)     ProcessSpec.stdin / ExecOptions.stdin: InputStream chunks over time; stdout and
//                               stderr come back as SimulatedProcess.output(from, until).

export type { ExecOptions, ExecResult, RecordedExec, HttpAnswer, IncomingConnection, OutputLine, PeerProcess, ProcessExit, ProcessSpec, PullResult, Served, SimulatedProcess } from "./types";
export { pullImage, fakeDigest } from "./pull";
export { invalidImageNameMessage, parseImageReference, type ImageReference } from "./reference";
export { findProfile, imageUser, type ImageProfile } from "./catalog";
export { startProcess, shellSyntaxError } from "./process";
export { resolveArgv } from "./argv";
export { candidateNames, hostsLookup, parseResolvConf, resolveName, type Resolution, type ResolvConf, type ResolverFiles } from "./resolver";
export { GENERIC_STARTUP_MS } from "./programs/generic";
export { containerUsage, type ContainerUsage, type UsageQuery } from "./programs/usage";
export { evaluateProbe, probeFailedEventMessage, type ProbeResult, type ProbeSpec, type ProbeTarget } from "./probes";
export type { DirectorySource, FsError, Mount } from "./filesystem";
export { fsErrorText } from "./filesystem";
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
export { ByteStreamDecoder, byteLength, decodeBytes, encodeBytes } from "./bytes";
export { TerminalSession, type Terminal } from "./terminal/session";
export { LineDiscipline, onlcr, type TypedInput } from "./terminal/line-discipline";
