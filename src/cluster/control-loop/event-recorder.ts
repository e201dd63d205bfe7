// Writes core/v1 Events as client-go's recorder does: one Event per (object, reason, message, source), whose count
// and lastTimestamp grow when it repeats. `kubectl describe` and `kubectl events` read them.
import type { KubeObject } from "../../api/object";
import { StatusError } from "../../api/status";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceDef } from "../registry/types";
import { cloneJson } from "../../api/clone";

export interface EventSource {
  /** e.g. `kubelet`, `default-scheduler`, `deployment-controller`. */
  component: string;
  /** The node, for kubelet events. */
  host?: string;
}

export interface EventOptions {
  /** e.g. `spec.containers{nginx}` for container events. */
  fieldPath?: string;
  /** The related object of the events.k8s.io API, unused by kubectl describe. */
  related?: KubeObject;
}

/** Aggregation keys remembered, as client-go's recorder keeps them (an LRU cache of 4096). */
const rememberedKeys = 4096;

export class EventRecorder {
  /**
   * aggregation key → event name, most recently used last (lost on restart: a repeat then starts a new Event, as
   * after a real restart).
   */
  private readonly names = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly registry: RegistryStore,
    private readonly eventsDef: ResourceDef,
    private readonly rfc3339: (ms: number) => string,
  ) {}

  /**
   * Record that `type` ("Normal" | "Warning") `reason` happened to `obj` at `now` (ms). Events of cluster-scoped
   * objects (nodes) go to the `default` namespace, as the real recorder puts them.
   */
  record(obj: KubeObject, now: number, type: "Normal" | "Warning", reason: string, message: string, source: EventSource, options: EventOptions = {}): void {
    // Like client-go's recorder, recording never fails the caller: an event that cannot be written (its namespace is
    // being deleted, the cluster is full) is dropped.
    try {
      this.write(obj, now, type, reason, message, source, options);
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
    }
  }

  private write(obj: KubeObject, now: number, type: "Normal" | "Warning", reason: string, message: string, source: EventSource, options: EventOptions): void {
    const namespace = obj.metadata.namespace ?? "default";
    const kind = obj.kind ?? "";
    const aggregate = [namespace, kind, obj.metadata.name, obj.metadata.uid, options.fieldPath ?? "", reason, message, source.component, source.host ?? ""].join("\n");
    const time = this.rfc3339(now);
    const existingName = this.names.get(aggregate);
    const existing = existingName ? this.registry.tryGet(this.eventsDef, namespace, existingName) : undefined;
    if (existingName) this.names.delete(aggregate);
    if (existing) {
      this.names.set(aggregate, existingName!);
      const updated = cloneJson(existing) as KubeObject & { count?: number; lastTimestamp?: string };
      updated.count = (updated.count ?? 1) + 1;
      updated.lastTimestamp = time;
      this.registry.update(this.eventsDef, namespace, existingName!, updated);
      return;
    }
    this.sequence = (this.sequence + 1) % 1_000_000;
    // Nanoseconds exceed 2^53: a Number would round the sequence away and names would collide.
    const name = `${obj.metadata.name}.${(BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.sequence)).toString(16)}`;
    this.names.set(aggregate, name);
    if (this.names.size > rememberedKeys) this.names.delete(this.names.keys().next().value!);
    const involvedObject: Record<string, string> = {
      kind,
      name: obj.metadata.name ?? "",
      uid: obj.metadata.uid ?? "",
      apiVersion: obj.apiVersion ?? "v1",
      resourceVersion: obj.metadata.resourceVersion ?? "",
    };
    if (obj.metadata.namespace) involvedObject.namespace = obj.metadata.namespace;
    if (options.fieldPath) involvedObject.fieldPath = options.fieldPath;
    this.registry.create(this.eventsDef, namespace, {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    });
  }
}
