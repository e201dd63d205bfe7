// The simulated container runtime (src/container-sim/) behind the kubelet's runtime port: the wiring hands this
// object to the kubelet and its log server. If the package's exported names change, only this file follows.
import { containerUsage, evaluateProbe, imageUser, invalidImageNameMessage, pullImage, startProcess } from "../../container-sim/index";
import type { ContainerRuntimePort } from "./runtime-port";

export const simulatedRuntime: ContainerRuntimePort = {
  pull: pullImage,
  invalidImageMessage: invalidImageNameMessage,
  imageUser,
  start: startProcess,
  usage: containerUsage,
  probe(probe, container, process, atMs, podIP) {
    const result = evaluateProbe(probe, process, atMs, { podIP, containerPorts: container.ports ?? [] });
    return { ok: result.success, message: result.message ?? "" };
  },
};
