// ServiceAccount tokens (the TokenRequest API and the token authenticator): JWTs with the claims Kubernetes sets
// (iss, sub, aud, exp, iat, nbf, jti, `kubernetes.io` {namespace, serviceaccount, pod?}), plus the cluster's id in a
// claim the Worker reads to route the request, signed with a key only this cluster's object holds. A token is valid
// while it is unexpired, for the API's audience, and its ServiceAccount (and bound pod) still exist with the uids it
// names.
import { signJwt, verifyJwt } from "../../../api/jwt";
import { clusterClaim } from "../../../api/tokens";
import type { RegistryStore } from "../generic-store";
import { pods } from "../pods";
import { secrets } from "../secrets";
import type { Caller } from "../types";
import type { Pod } from "../../../api/schemas";
import { serviceAccounts } from "./index";

export const apiAudience = "https://kubernetes.default.svc.cluster.local";

/** The lifetime the kubelet asks for a pod's token (the kube-api-access volume's expirationSeconds). */
const kubeletTokenSeconds = 3607;
/** What the apiserver extends it to (a year). */
const extendedTokenSeconds = 365 * 24 * 3600;
/** Pod tokens kept signed (one a running pod's projected volume). */
const podTokenCacheSize = 10_000;

/** What signs: the cluster's key and id (absent before the cluster exists). */
export interface TokenKeys {
  key: string;
  clusterId: string;
}

export interface TokenEnvironment {
  keys(): TokenKeys | undefined;
  /** Milliseconds since the epoch (runtime/clock). */
  now(): number;
  uid(): string;
}

export interface BoundObject {
  kind: "Pod" | "Secret";
  name: string;
  uid: string;
}

export interface TokenClaims {
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  iss: string;
  jti: string;
  sub: string;
  "kubernetes.io": {
    namespace: string;
    serviceaccount: { name: string; uid: string };
    pod?: { name: string; uid: string };
    secret?: { name: string; uid: string };
    /** A kubelet's token made to last a year: when clients should have refreshed it (the requested lifetime). */
    warnafter?: number;
  };
  [clusterClaim]: string;
}

/** Issues and checks the cluster's ServiceAccount tokens. */
export class ServiceAccountTokens {
  /**
   * Pod tokens already signed: the kubelet asks for one at every sync of a pod's projected volumes, and each is fixed
   * for the pod's life (issued at its start). Oldest dropped first past `podTokenCacheSize`.
   */
  private readonly podTokens = new Map<string, string>();

  constructor(private readonly env: TokenEnvironment) {}

  /**
   * A token for `namespace/name` (uid `saUid`), valid `seconds` from now (or from `fixed.issuedAtSeconds`, with
   * `fixed.jti`: the same token each time it is asked for); undefined before the cluster exists.
   */
  issue(
    namespace: string,
    name: string,
    saUid: string,
    seconds: number,
    audiences: string[],
    bound?: BoundObject,
    fixed?: { issuedAtSeconds: number; jti: string; warnAfterSeconds?: number },
  ): { token: string; expiresAt: number } | undefined {
    const keys = this.env.keys();
    if (!keys) return undefined;
    const iat = fixed?.issuedAtSeconds ?? Math.floor(this.env.now() / 1000);
    const claims: TokenClaims = {
      aud: audiences.length ? audiences : [apiAudience],
      exp: iat + seconds,
      iat,
      iss: apiAudience,
      jti: fixed?.jti ?? this.env.uid(),
      "kubernetes.io": {
        namespace,
        ...(bound?.kind === "Pod" ? { pod: { name: bound.name, uid: bound.uid } } : {}),
        ...(bound?.kind === "Secret" ? { secret: { name: bound.name, uid: bound.uid } } : {}),
        serviceaccount: { name, uid: saUid },
        ...(fixed?.warnAfterSeconds !== undefined ? { warnafter: iat + fixed.warnAfterSeconds } : {}),
      },
      nbf: iat,
      sub: `system:serviceaccount:${namespace}:${name}`,
      [clusterClaim]: keys.clusterId,
    };
    return { token: signJwt(claims, keys.key, keys.clusterId.slice(0, 16)), expiresAt: (iat + seconds) * 1000 };
  }

  /**
   * The token the kubelet writes into `pod`'s projected `serviceAccountToken` source: bound to the pod, for its
   * ServiceAccount, issued at the pod's start (so every replay of a run reads the same token). As the apiserver does
   * for kubelets (--service-account-extend-token-expiration), the default 3607 s lifetime is extended to a year with
   * a `warnafter` claim. Undefined when the ServiceAccount does not exist.
   */
  podToken(registry: Pick<RegistryStore, "tryGet">, pod: Pod, audience: string | undefined, expirationSeconds: number | undefined): string | undefined {
    const namespace = pod.metadata.namespace ?? "default";
    const sa = registry.tryGet(serviceAccounts, namespace, pod.spec?.serviceAccountName ?? "default");
    if (!sa?.metadata.uid || !pod.metadata.uid) return undefined;
    const requested = expirationSeconds ?? kubeletTokenSeconds;
    const extended = requested === kubeletTokenSeconds;
    const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? "");
    const issuedAtSeconds = Number.isNaN(started) ? Math.floor(this.env.now() / 1000) : Math.floor(started / 1000);
    const cacheKey = `${pod.metadata.uid}|${sa.metadata.uid}|${audience ?? ""}|${requested}|${issuedAtSeconds}`;
    const cached = this.podTokens.get(cacheKey);
    if (cached) return cached;
    const bound: BoundObject = { kind: "Pod", name: pod.metadata.name ?? "", uid: pod.metadata.uid };
    const fixed = { issuedAtSeconds, jti: pod.metadata.uid, ...(extended ? { warnAfterSeconds: requested } : {}) };
    const token = this.issue(namespace, sa.metadata.name ?? "", sa.metadata.uid, extended ? extendedTokenSeconds : requested, audience ? [audience] : [], bound, fixed)?.token;
    if (token) {
      if (this.podTokens.size >= podTokenCacheSize) this.podTokens.delete(this.podTokens.keys().next().value!);
      this.podTokens.set(cacheKey, token);
    }
    return token;
  }

  /** The caller a token stands for, or undefined (401): bad signature, another cluster, expired, or its objects gone. */
  authenticate(registry: RegistryStore, token: string): Caller | undefined {
    const keys = this.env.keys();
    if (!keys) return undefined;
    const claims = verifyJwt(token, keys.key) as Partial<TokenClaims> | undefined;
    if (!claims || claims[clusterClaim] !== keys.clusterId || claims.iss !== apiAudience) return undefined;
    const now = this.env.now() / 1000;
    if (typeof claims.exp !== "number" || claims.exp <= now || (typeof claims.nbf === "number" && claims.nbf > now + 60)) return undefined;
    if (!Array.isArray(claims.aud) || !claims.aud.includes(apiAudience)) return undefined;
    const k8s = claims["kubernetes.io"];
    if (!k8s?.namespace || !k8s.serviceaccount?.name) return undefined;
    const sa = registry.tryGet(serviceAccounts, k8s.namespace, k8s.serviceaccount.name);
    if (!sa || sa.metadata.uid !== k8s.serviceaccount.uid || sa.metadata.deletionTimestamp) return undefined;
    const extra: Record<string, string[]> = {};
    if (k8s.pod) {
      const pod = registry.tryGet(pods, k8s.namespace, k8s.pod.name);
      if (!pod || pod.metadata.uid !== k8s.pod.uid || pod.metadata.deletionTimestamp) return undefined;
      extra["authentication.kubernetes.io/pod-name"] = [k8s.pod.name];
      extra["authentication.kubernetes.io/pod-uid"] = [k8s.pod.uid];
    }
    if (k8s.secret) {
      const secret = registry.tryGet(secrets, k8s.namespace, k8s.secret.name);
      if (!secret || secret.metadata.uid !== k8s.secret.uid) return undefined;
    }
    if (claims.jti) extra["authentication.kubernetes.io/credential-id"] = [`JTI=${claims.jti}`];
    return {
      role: "admin",
      user: claims.sub ?? "",
      uid: sa.metadata.uid,
      groups: ["system:serviceaccounts", `system:serviceaccounts:${k8s.namespace}`, "system:authenticated"],
      extra,
      rbac: true,
    };
  }
}
