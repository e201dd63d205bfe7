// Probes and lifecycle hooks of a container, and the actions they run.
import { z } from "zod";
import { atomic, int, int32, list, ref, str } from "../fields";
import { IntOrString } from "../meta";

export const ExecAction = z
  .object({ command: list(z.string(), "Command line run inside the container, without a shell.", atomic).optional() })
  .meta({ id: "io.k8s.api.core.v1.ExecAction", description: "Runs a command in the container." });

export const HTTPHeader = z
  .object({
    name: str("Header name."),
    value: str("Header value."),
  })
  .meta({ id: "io.k8s.api.core.v1.HTTPHeader", description: "A custom HTTP header of a probe request." });

export const HTTPGetAction = z
  .object({
    path: str("Path requested on the HTTP server.").optional(),
    port: ref(IntOrString, "Port number or name to connect to."),
    host: str("Host to connect to; defaults to the pod IP.").optional(),
    scheme: str("Scheme used to connect: HTTP or HTTPS.").optional(),
    httpHeaders: list(HTTPHeader, "Extra headers sent with the request.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.HTTPGetAction", description: "Performs an HTTP GET request." });

export const TCPSocketAction = z
  .object({
    port: ref(IntOrString, "Port number or name to connect to."),
    host: str("Host to connect to; defaults to the pod IP.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.TCPSocketAction", description: "Opens a TCP connection." });

export const GRPCAction = z
  .object({
    port: int32("Port number of the gRPC service."),
    service: str("Service name sent in the gRPC health check request.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.GRPCAction", description: "Calls the gRPC health checking protocol." });

export const SleepAction = z
  .object({ seconds: int("Seconds to sleep.") })
  .meta({ id: "io.k8s.api.core.v1.SleepAction", description: "Pauses for a number of seconds." });

export const Probe = z
  .object({
    exec: ref(ExecAction, "Command to run as the check.").optional(),
    httpGet: ref(HTTPGetAction, "HTTP request to make as the check.").optional(),
    tcpSocket: ref(TCPSocketAction, "TCP connection to open as the check.").optional(),
    grpc: ref(GRPCAction, "gRPC health check to make.").optional(),
    initialDelaySeconds: int32("Seconds after container start before the first probe.").optional(),
    timeoutSeconds: int32("Seconds before one probe attempt times out; defaults to 1.").optional(),
    periodSeconds: int32("Seconds between probe attempts; defaults to 10.").optional(),
    successThreshold: int32("Consecutive successes needed after a failure; defaults to 1.").optional(),
    failureThreshold: int32("Consecutive failures before the probe is considered failed; defaults to 3.").optional(),
    terminationGracePeriodSeconds: int("Grace period used when a failing probe kills the container.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Probe", description: "A periodic health check of a container." });
export type Probe = z.infer<typeof Probe>;

export const LifecycleHandler = z
  .object({
    exec: ref(ExecAction, "Command to run.").optional(),
    httpGet: ref(HTTPGetAction, "HTTP request to make.").optional(),
    tcpSocket: ref(TCPSocketAction, "Deprecated TCP action, kept for compatibility.").optional(),
    sleep: ref(SleepAction, "Time to sleep.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.LifecycleHandler", description: "The action taken by a lifecycle hook." });
export type LifecycleHandler = z.infer<typeof LifecycleHandler>;

export const Lifecycle = z
  .object({
    postStart: ref(LifecycleHandler, "Hook run right after the container is created.").optional(),
    preStop: ref(LifecycleHandler, "Hook run right before the container is terminated.").optional(),
    stopSignal: str("Signal sent to stop the container, e.g. SIGTERM.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Lifecycle", description: "Actions the system takes around container start and stop." });
export type Lifecycle = z.infer<typeof Lifecycle>;
