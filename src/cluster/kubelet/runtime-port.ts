// The container runtime as the lifecycle uses it: pulling, checking image names, starting processes and running
// probes. The lifecycle reaches the runtime only through this object (`PodSimulation.runtime`).
import { invalidImageMessage, probe, pull, start } from "./runtime-adapter";

export interface RuntimePort {
  pull: typeof pull;
  invalidImageMessage: typeof invalidImageMessage;
  start: typeof start;
  probe: typeof probe;
}

export const defaultRuntime: RuntimePort = { pull, invalidImageMessage, start, probe };
