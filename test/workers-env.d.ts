// Types of `env` and `exports` from "cloudflare:workers" inside the Workers test project.
import type { Env as WorkerEnv } from "../src/platform/env";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
    interface GlobalProps {
      mainModule: typeof import("../src/index");
      durableNamespaces: "ClusterObject";
    }
  }
}

export {};
