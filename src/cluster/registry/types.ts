// The contract between one kind's registry folder and the generic apiserver. A kind is served by adding one
// `ResourceDef` to the resource table (resources.ts); discovery, routes, short names, categories, tables and OpenAPI
// all follow from it. Nothing generic names a kind.
import type { MetricsSource } from "./metrics/source";
import type { z } from "zod";
import type { MessageType } from "../../api/protobuf/schema";
import type { FieldError } from "../../api/status";
import type { KubeObject } from "../../api/object";
import type { NameValidator } from "../../api/validation/names";
import type { RegistryStore } from "./generic-store";
import type { NodeConnection } from "./pods/node-connection";
import type { ProxyConnection } from "./proxy-connection";
import type { ServiceAccountTokens } from "./serviceaccounts/tokens";
import type { PortForwardTarget } from "./pods/portforward/ports";
import type { Pod } from "../../api/schemas/core/pod";

export type Verb = "create" | "delete" | "deletecollection" | "get" | "list" | "patch" | "update" | "watch";

export const allVerbs: Verb[] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** A column of a server-side printed `Table` (meta.k8s.io/v1). */
export interface ColumnDefinition {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  format: string;
  description: string;
  /** 0 = shown always, 1 = only with `-o wide`. */
  priority: number;
}

/** How `kubectl get` prints a kind: the same columns the real apiserver prints for it. */
export interface Printer<T extends KubeObject = KubeObject> {
  columns: ColumnDefinition[];
  /** One row's cells, pre-formatted like the apiserver (ages as `5m`, lists joined with commas). `now` is ms. */
  cells(obj: T, now: number): Array<string | number | boolean | null>;
}

export interface StrategyContext<T extends KubeObject = KubeObject> {
  /** RFC 3339 wall-clock time of this request. */
  now: string;
  /** The subresource written (`status`, `finalize`, ...), if any. */
  subresource?: string;
  /** Every stored object of the kind being written, in all namespaces (for allocators: cluster IPs, node ports). */
  stored(): T[];
}

/**
 * Per-kind hooks around the one generic store, in the order of Kubernetes' registry strategies.
 * Hooks mutate the object they are given (a private copy); validation returns field errors (422 Invalid).
 */
export interface Strategy<T extends KubeObject = KubeObject> {
  /** Fill defaults (the apiserver's defaulting), on create and update. */
  defaults?(obj: T): void;
  /** Clear or set fields before a create (e.g. reset status, set initial status). */
  prepareForCreate?(obj: T, ctx: StrategyContext<T>): void;
  /** Before an update of the main resource: e.g. keep the old status. */
  prepareForUpdate?(obj: T, old: T, ctx: StrategyContext<T>): void;
  /**
   * The grace period of a deletion (e.g. a pod on a node: its kubelet stops the containers first); undefined or 0
   * removes the object at once. `requested` is DeleteOptions.gracePeriodSeconds.
   */
  gracePeriod?(obj: T, requested: number | undefined): number | undefined;
  /** On a delete that only marks the object (finalizers, grace): e.g. set a namespace's Terminating phase. */
  beforeDelete?(obj: T, ctx: StrategyContext<T>): void;
  /**
   * True while the object must stay although no metadata.finalizers remain, e.g. a namespace whose
   * spec.finalizers a controller has not cleared yet.
   */
  holdsDeletion?(obj: T): boolean;
  validate?(obj: T, ctx: StrategyContext<T>): FieldError[];
  /** Checks of a create only, after `validate` (e.g. fields only a subresource may set later). */
  validateCreate?(obj: T, ctx: StrategyContext<T>): FieldError[];
  validateUpdate?(obj: T, old: T, ctx: StrategyContext<T>): FieldError[];
  /** Before an update through the `status` subresource: e.g. keep the old spec. */
  prepareForStatusUpdate?(obj: T, old: T, ctx: StrategyContext<T>): void;
  validateStatusUpdate?(obj: T, old: T, ctx: StrategyContext<T>): FieldError[];
}

export interface ResourceDef<T extends KubeObject = KubeObject> {
  /** API group, "" for core. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Plural resource name, e.g. `pods`. */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: Verb[];
  /** Full object schema (api/schemas), the single source for validation, OpenAPI and patch metadata. */
  schema: z.ZodType;
  /** Its protobuf message (api/protobuf/messages), for kinds clients send as protobuf (kubectl's typed `create`). */
  protobuf?: MessageType;
  /** Subresources served, e.g. `status`, `scale`, `binding`, `eviction`, `log`. */
  subresources?: string[];
  /** Objects of this kind do not count toward the cluster's object limit (they expire by themselves). */
  uncounted?: boolean;
  /** Objects of this kind are many and rarely read: the store keeps them in SQLite only, out of its memory cache. */
  cold?: boolean;
  /** Spec changes increment `metadata.generation` (kinds with a spec/status split). */
  hasGeneration?: boolean;
  strategy?: Strategy<T>;
  printer?: Printer<T>;
  /** How object names are checked (DNS-1123 subdomain when absent). */
  nameValidator?: NameValidator;
  /** What a read-only caller sees of an object (e.g. Secret values hidden). */
  redactForViewer?(obj: T): T;
  /** Checks a write by `caller` may make beyond authorization (RBAC's escalation check), before it is stored. */
  checkWrite?(obj: T, caller: Caller, registry: RegistryStore, namespace: string | undefined): void;
  /** For kinds that are computed, never stored (SelfSubjectAccessReview): the answer to a create. */
  virtualCreate?(obj: T, caller: Caller, registry: RegistryStore): KubeObject;
  /**
   * For kinds an aggregated API serves (metrics.k8s.io from metrics-server): whether its backend answers now.
   * While not, discovery leaves the group out and requests get the aggregator's 503 `service unavailable`.
   */
  aggregatedAvailable?(registry: RegistryStore): boolean;
  /** For kinds computed when read, never stored (PodMetrics): the answers to get and list. */
  virtualRead?: VirtualRead;
  /** Kind-specific subresources (binding, eviction, log, ...), by name. */
  subresourceHandlers?: Record<string, SubresourceHandler>;
  /** For kinds with a `scale` subresource: where replicas and the selector live. */
  scale?: ScaleAccess<T>;
  /** Field-selector values beyond metadata.name/metadata.namespace, e.g. `spec.nodeName`, `status.phase`. */
  selectableFields?(obj: T): Record<string, string>;
  /**
   * For a version served beside the stored one (autoscaling/v1 beside v2): objects are kept as `storage`'s and
   * converted per request. Storage, defaults, validation, admission, watches and controllers are the storage
   * version's; this definition gives the version's schema, protobuf message and conversions.
   */
  conversion?: VersionConversion<T>;
}

/** How a served version converts to and from the version its kind is stored in. */
export interface VersionConversion<T extends KubeObject = KubeObject> {
  /** The stored version's definition (same group and resource). */
  storage: ResourceDef;
  /** A stored object as this version shows it (apiVersion and kind included). */
  fromStorage(stored: KubeObject): T;
  /** An object of this version as the stored version (before defaults and validation). */
  toStorage(obj: T): KubeObject;
}

/** What a computed kind's get and list see. */
export interface VirtualReadRequest {
  namespace: string | undefined;
  /** The object's name (get); undefined for a list. */
  name: string | undefined;
  query: URLSearchParams;
  registry: RegistryStore;
  now: number;
  rfc3339(ms: number): string;
  metrics: MetricsSource;
}

export interface VirtualRead {
  get(request: VirtualReadRequest): KubeObject;
  /** The list's items (the apiserver wraps them as `listKind`). */
  list(request: VirtualReadRequest): KubeObject[];
}

/** A kind that is only ever a request body (Binding, Eviction, DeleteOptions), never stored or served as a resource. */
export interface BodyKind {
  group: string;
  version: string;
  kind: string;
  schema: z.ZodType;
  protobuf?: MessageType;
  /** Also accepted in every served group version (meta/v1 options such as DeleteOptions). */
  inEveryGroupVersion?: boolean;
}

/**
 * Who is calling. `role` is the class of the credential: the cluster's admin token ("admin"), its read-only (share)
 * token ("view"), or a ServiceAccount token (its answers are not masked, so "admin" too); `rbac` says whether RBAC
 * authorizes the request (a ServiceAccount token, or any identity the admin token impersonates), else the role does.
 */
export interface Caller {
  role: "admin" | "view";
  /** The user name Kubernetes messages show, e.g. `sandbox:admin`. */
  user: string;
  /** The user's groups (user.Info); the admin token is in system:masters. */
  groups?: string[];
  uid?: string;
  extra?: Record<string, string[]>;
  /** Authorized by RBAC rather than by the token's role. */
  rbac?: boolean;
}

export interface SubresourceRequest {
  method: string;
  namespace: string | undefined;
  name: string;
  query: URLSearchParams;
  request: Request;
  caller: Caller;
  registry: RegistryStore;
  /** The kubelets of the cluster's nodes, for subresources a node serves (log; exec, attach, port-forward next). */
  nodes: NodeConnection;
  /** The cluster network, for the proxy subresources (services/proxy, pods/proxy, nodes/proxy). */
  proxy: ProxyConnection;
  /** The cluster's ServiceAccount token issuer, for serviceaccounts/token. */
  tokens?: ServiceAccountTokens;
  /** Where pods/portforward connects: the pod's own network namespace. */
  portForward?: (pod: Pod) => PortForwardTarget;
  /** Decoded JSON/YAML/protobuf body for writes; undefined for reads (and for proxy requests, see rawBody). */
  body?: unknown;
  /** The proxy subresource's path after `/proxy`, undecoded ("" when the request ends at `/proxy`). */
  proxyPath?: string;
  /** The proxy subresource's request body, as sent. */
  rawBody?: Uint8Array;
}

/** A JSON answer (`status` defaults to 200), a stream (sent with the apiserver's streaming headers), or a whole Response. */
export type SubresourceResult = Response | { status?: number; body: unknown } | { stream: ReadableStream<Uint8Array>; headers: Record<string, string> };

export type SubresourceHandler = (req: SubresourceRequest) => Promise<SubresourceResult> | SubresourceResult;

/** How the generic `scale` subresource reads and writes a kind (autoscaling/v1 Scale). */
export interface ScaleAccess<T extends KubeObject = KubeObject> {
  specReplicas(obj: T): number;
  setSpecReplicas(obj: T, replicas: number): void;
  statusReplicas(obj: T): number;
  /** The label selector as a string (`app=web`), for status.selector. */
  selector(obj: T): string;
}
