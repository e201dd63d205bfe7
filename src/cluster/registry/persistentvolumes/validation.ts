// PersistentVolume validation (ValidatePersistentVolumeSpec, ValidatePersistentVolumeUpdate), with the apiserver's
// messages: access modes and a `storage` capacity are required, exactly one volume source, a local volume needs node
// affinity; the source, volume mode and (once set) node affinity never change.
import type { PersistentVolume, PersistentVolumeSpec } from "../../../api/schemas/core/persistentvolume";
import { deepEqual } from "../../../api/json-equal";
import { fieldError, type FieldError } from "../../../api/status";
import { isDNS1123Subdomain } from "../../../api/validation/names";
import { accessModeErrors, positiveQuantityErrors, storageOf, volumeModes } from "./access-modes";

const reclaimPolicies = ["Delete", "Recycle", "Retain"];

/** The volume sources a PersistentVolume may name, in the order Kubernetes checks them. */
export const volumeSources = [
  "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "flocker", "nfs", "quobyte", "fc", "vsphereVolume",
  "photonPersistentDisk", "portworxVolume", "azureDisk", "local", "csi",
] as const satisfies ReadonlyArray<keyof PersistentVolumeSpec>;

export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const spec: PersistentVolumeSpec = pv.spec ?? {};
  const errors: FieldError[] = [];
  if (!spec.accessModes?.length) errors.push(fieldError.required("spec.accessModes"));
  errors.push(...accessModeErrors(spec.accessModes ?? [], "spec.accessModes"));
  const capacity = spec.capacity ?? {};
  if (!Object.keys(capacity).length) errors.push(fieldError.required("spec.capacity"));
  if (!("storage" in capacity) || Object.keys(capacity).length > 1) errors.push(fieldError.notSupported("spec.capacity", capacity, ["storage"]));
  for (const name of Object.keys(capacity).sort()) {
    const q = storageOf({ storage: capacity[name] });
    if (q) errors.push(...positiveQuantityErrors(q, `spec.capacity[${name}]`));
  }
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !reclaimPolicies.includes(policy)) errors.push(fieldError.notSupported("spec.persistentVolumeReclaimPolicy", policy, reclaimPolicies));
  const affinity = spec.nodeAffinity;
  const affinityGiven = !!affinity?.required;
  if (affinity && !affinity.required) errors.push(fieldError.required("spec.nodeAffinity.required", "must specify required node constraints"));
  let sources = 0;
  for (const source of volumeSources) {
    const value = spec[source];
    if (value == null) continue;
    if (sources > 0) {
      errors.push(fieldError.forbidden(`spec.${source}`, "may not specify more than 1 volume type"));
      continue;
    }
    sources++;
    errors.push(...sourceErrors(spec, source));
    if (source === "local" && !affinityGiven) errors.push(fieldError.required("spec.nodeAffinity", "Local volume requires node affinity"));
  }
  if (sources === 0) errors.push(fieldError.required("spec", "must specify a volume type"));
  if (spec.hostPath && cleanPath(spec.hostPath.path) === "/" && policy === "Recycle") {
    errors.push(fieldError.forbidden("spec.persistentVolumeReclaimPolicy", "may not be 'recycle' for a hostPath mount of '/'"));
  }
  if (spec.storageClassName) {
    errors.push(...isDNS1123Subdomain(spec.storageClassName).map((msg) => fieldError.invalid("spec.storageClassName", spec.storageClassName, msg)));
  }
  if (spec.volumeMode != null && !volumeModes.includes(spec.volumeMode)) errors.push(fieldError.notSupported("spec.volumeMode", spec.volumeMode, volumeModes));
  return errors;
}

function sourceErrors(spec: PersistentVolumeSpec, source: (typeof volumeSources)[number]): FieldError[] {
  switch (source) {
    case "hostPath":
      return spec.hostPath?.path ? [] : [fieldError.required("spec.hostPath.path")];
    case "local": {
      const path = spec.local?.path ?? "";
      if (!path) return [fieldError.required("spec.local.path")];
      return path.split("/").includes("..") ? [fieldError.invalid("spec.local.path", path, "must not contain '..'")] : [];
    }
    case "nfs": {
      const errors: FieldError[] = [];
      if (!spec.nfs?.server) errors.push(fieldError.required("spec.nfs.server"));
      if (!spec.nfs?.path) errors.push(fieldError.required("spec.nfs.path"));
      else if (!spec.nfs.path.startsWith("/")) errors.push(fieldError.invalid("spec.nfs.path", spec.nfs.path, "must be an absolute path"));
      return errors;
    }
    case "csi": {
      const errors: FieldError[] = [];
      if (!spec.csi?.driver) errors.push(fieldError.required("spec.csi.driver"));
      if (!spec.csi?.volumeHandle) errors.push(fieldError.required("spec.csi.volumeHandle"));
      return errors;
    }
    default:
      return [];
  }
}

function cleanPath(path: string): string {
  return path.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
}

/** The source, the volume mode and a node affinity once set are fixed. */
export function validatePersistentVolumeUpdate(pv: PersistentVolume, old: PersistentVolume): FieldError[] {
  const errors: FieldError[] = [];
  const source = (spec: PersistentVolumeSpec | undefined) => Object.fromEntries(volumeSources.map((s) => [s, spec?.[s]]).filter(([, v]) => v != null));
  if (!deepEqual(source(pv.spec), source(old.spec))) {
    errors.push(fieldError.forbidden("spec.persistentvolumesource", "spec.persistentvolumesource is immutable after creation"));
  }
  if ((pv.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) {
    errors.push(fieldError.invalid("volumeMode", pv.spec?.volumeMode ?? null, "field is immutable"));
  }
  if (old.spec?.nodeAffinity && !deepEqual(pv.spec?.nodeAffinity, old.spec.nodeAffinity)) {
    errors.push(fieldError.invalid("nodeAffinity", pv.spec?.nodeAffinity ?? null, "field is immutable"));
  }
  return errors;
}
