// A pod of an image the simulator does not know, with the probes a real application's manifest has (a TCP startup
// probe, HTTP readiness and liveness probes on its declared port): it becomes Ready at once and stays up, with no
// restart and no Unhealthy event, however long it runs.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../src/api/schemas";
import { nodeCluster } from "../../helpers/node-cluster";

const probe = (handler: Record<string, unknown>) => ({ ...handler, periodSeconds: 1, failureThreshold: 1 });

describe("an image the simulator does not know", () => {
  it("passes HTTP and TCP probes on its declared port and stays at 0 restarts", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const created = await cluster.request("/api/v1/namespaces/default/pods", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "app" },
        spec: {
          containers: [
            {
              name: "app",
              image: "ghcr.io/example/app:1.0",
              ports: [{ name: "http", containerPort: 8080 }],
              startupProbe: probe({ tcpSocket: { port: 8080 } }),
              readinessProbe: probe({ httpGet: { path: "/ready", port: "http" } }),
              livenessProbe: probe({ httpGet: { path: "/healthz", port: 8080 } }),
            },
          ],
        },
      }),
    });
    expect(created.status).toBe(201);
    cluster.advance(10 * 60_000);
    const pod = (await (await cluster.request("/api/v1/namespaces/default/pods/app")).json()) as Pod;
    const status = pod.status?.containerStatuses?.[0];
    expect([status?.ready, status?.restartCount, !!status?.state?.running]).toEqual([true, 0, true]);
    const events = (await (await cluster.request("/api/v1/namespaces/default/events?fieldSelector=reason%3DUnhealthy")).json()) as { items: unknown[] };
    expect(events.items).toEqual([]);
  });
});
