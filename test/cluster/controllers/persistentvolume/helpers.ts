// A node cluster with the default controllers and the requests the PV controller tests make.
import type { PersistentVolume } from "../../../../src/api/schemas/core/persistentvolume";
import type { PersistentVolumeClaim } from "../../../../src/api/schemas/core/persistentvolumeclaim";
import type { Event } from "../../../../src/api/schemas/core/event";
import { events } from "../../../../src/cluster/registry/events";
import { persistentVolumeClaims } from "../../../../src/cluster/registry/persistentvolumeclaims";
import { persistentVolumes } from "../../../../src/cluster/registry/persistentvolumes";
import { nodeCluster } from "../../../helpers/node-cluster";

export const ns = "/api/v1/namespaces/default";

export function pvSetup(spec: { workers?: number } = {}) {
  const cluster = nodeCluster({ spec });
  const send = async (method: string, url: string, body?: unknown, contentType = "application/json") => {
    const response = await cluster.request(url, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { "content-type": contentType } });
    // Ten seconds of the control loop: enough for binding and scheduling; an unschedulable pod's retry timer (5 min)
    // would keep runUntilIdle from settling.
    cluster.advance(10_000);
    return response;
  };
  const claimBody = (name: string, spec: Record<string, unknown> = {}) => ({
    apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec },
  });
  return {
    cluster,
    send,
    createClaim: (name: string, spec: Record<string, unknown> = {}) => send("POST", `${ns}/persistentvolumeclaims`, claimBody(name, spec)),
    createVolume: (name: string, spec: Record<string, unknown>, labels?: Record<string, string>) =>
      send("POST", "/api/v1/persistentvolumes", {
        apiVersion: "v1", kind: "PersistentVolume", metadata: { name, ...(labels ? { labels } : {}) },
        spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: `/data/${name}` }, ...spec },
      }),
    createClass: (name: string, fields: Record<string, unknown>) =>
      send("POST", "/apis/storage.k8s.io/v1/storageclasses", { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name }, ...fields }),
    createPod: (name: string, claims: string[], extra: Record<string, unknown> = {}) =>
      send("POST", `${ns}/pods`, {
        apiVersion: "v1", kind: "Pod", metadata: { name },
        spec: {
          containers: [{ name: "app", image: "nginx", volumeMounts: claims.map((c) => ({ name: c, mountPath: `/data/${c}` })) }],
          volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
          ...extra,
        },
      }),
    claim: (name: string): PersistentVolumeClaim | undefined => cluster.registry.tryGet(persistentVolumeClaims, "default", name),
    volume: (name: string): PersistentVolume | undefined => cluster.registry.tryGet(persistentVolumes, undefined, name),
    volumes: () => cluster.registry.list(persistentVolumes),
    /** `reason: message` of the events about one object, oldest first. */
    eventsFor: (name: string) =>
      cluster.registry.list(events, "default").filter((e: Event) => e.involvedObject?.name === name).map((e: Event) => `${e.reason}: ${e.message}`),
    eventSources: (name: string) => cluster.registry.list(events, "default").filter((e: Event) => e.involvedObject?.name === name).map((e: Event) => e.source?.component),
  };
}
