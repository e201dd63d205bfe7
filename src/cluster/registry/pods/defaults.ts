// The apiserver's defaulting of a Pod (SetDefaults_Pod, _PodSpec, _Container) plus what the ServiceAccount and
// DefaultTolerationSeconds admission plugins add, so a created pod reads as it does on a real cluster.
import { canonicalQuantity, isValidQuantity } from "../../../api/quantity";
import type { Container } from "../../../api/schemas/core/container";
import type { Pod } from "../../../api/schemas/core/pod";
import type { PodSpec } from "../../../api/schemas/core/pod-spec";

function imageTag(image: string): string | undefined {
  const withoutDigest = image.split("@")[0];
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  return colon < 0 ? undefined : withoutDigest.slice(colon + 1);
}

function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy && typeof c.image === "string") {
    const tag = imageTag(c.image);
    c.imagePullPolicy = !tag || tag === "latest" ? "Always" : "IfNotPresent";
  }
  c.terminationMessagePath ||= "/dev/termination-log";
  c.terminationMessagePolicy ||= "File";
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= "TCP";
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue;
    // SetDefaults_Probe and _HTTPGetAction default Go zero values: 0 and "" count as unset.
    probe.timeoutSeconds ||= 1;
    probe.periodSeconds ||= 10;
    probe.successThreshold ||= 1;
    probe.failureThreshold ||= 3;
    if (probe.httpGet) probe.httpGet.scheme ||= "HTTP";
    if (probe.httpGet) probe.httpGet.path ||= "/";
  }
  // Limits without requests: requests default to the limits.
  if (c.resources.limits) {
    c.resources.requests = { ...c.resources.limits, ...c.resources.requests };
  }
  // Quantities are stored as the apiserver serializes them (`cpu: "0.5"` reads back `500m`); bad ones fail validation.
  for (const list of [c.resources.limits, c.resources.requests]) {
    for (const [name, value] of Object.entries(list ?? {})) if (isValidQuantity(String(value))) list![name] = canonicalQuantity(value);
  }
}

/** Defaults of a PodSpec, also used for pod templates of workloads. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ||= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ||= "ClusterFirst";
  spec.securityContext ??= {};
  spec.schedulerName ||= "default-scheduler";
  spec.enableServiceLinks ??= true;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.configMap) v.configMap.defaultMode ??= 420;
    if (v.secret) v.secret.defaultMode ??= 420;
    if (v.projected) v.projected.defaultMode ??= 420;
    if (v.downwardAPI) v.downwardAPI.defaultMode ??= 420;
    if (v.hostPath) v.hostPath.type ??= "";
  }
}

const apiAccessMount = "/var/run/secrets/kubernetes.io/serviceaccount";

/**
 * What admission adds on create: service account and its token volume (priority and default tolerations: admission/).
 */
export function admitNewPod(pod: Pod, suffix: string): void {
  // The pod strategy's defaults have given the pod a spec.
  const spec = pod.spec!;
  spec.serviceAccountName ??= spec.serviceAccount ?? "default";
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (containers.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === apiAccessMount))) return;
  const volumeName = `kube-api-access-${suffix}`;
  (spec.volumes ??= []).push({
    name: volumeName,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
      ],
    },
  });
  for (const c of containers) (c.volumeMounts ??= []).push({ name: volumeName, readOnly: true, mountPath: apiAccessMount });
}

/** The QoS class the kubelet reports: Guaranteed, Burstable or BestEffort. */
export function qosClass(spec: PodSpec): string {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ["cpu", "memory"]) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
