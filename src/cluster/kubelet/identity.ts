// Deterministic identifiers the kubelet reports: container IDs, image references as containerd names them, and
// image sizes (from the pull's size class and digest).
import type { PullResult } from "./runtime-port";

/** 64 hex digits from a string (FNV-1a, eight rounds with different seeds): stable, not cryptographic. */
export function hex64(input: string): string {
  let out = "";
  for (let round = 0; round < 8; round++) {
    let h = (0x811c9dc5 ^ (round * 0x9e3779b9)) >>> 0;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}

/** The runtime's ID of one run of a container (without the `containerd://` scheme). */
export function containerID(podUid: string, container: string, restartCount: number): string {
  return hex64(`${podUid}/${container}/${restartCount}`);
}

/** `nginx:1.25` → `docker.io/library/nginx:1.25`, as containerd reports `image` in container statuses. */
export function normalizeImage(image: string): string {
  const [name, digest] = image.split("@") as [string, string | undefined];
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  let full = hasRegistry ? name : `docker.io/${slash < 0 ? `library/${name}` : name}`;
  const lastSlash = full.lastIndexOf("/");
  if (!digest && !full.slice(lastSlash + 1).includes(":")) full += ":latest";
  return digest ? `${full}@${digest}` : full;
}

/** The `image` and `imageID` a container status shows for `image` pulled with `digest`. */
export function imageRef(image: string, digest: string): { image: string; id: string } {
  const normalized = normalizeImage(image);
  const repository = normalized.split("@")[0]!.replace(/:[^/:]+$/, "");
  const sha = digest.startsWith("sha256:") ? digest : `sha256:${digest}`;
  return { image: normalized, id: `${repository}@${sha}` };
}

/** Bytes in the Pulled event: a stable figure within the size class. */
export function imageBytes(result: PullResult): number {
  if (!result.ok) return 0;
  const spread = parseInt(hex64(result.digest).slice(0, 8), 16) / 0xffffffff;
  const [low, high] = result.size === "small" ? [3e6, 3e7] : result.size === "medium" ? [4e7, 1.5e8] : [2e8, 9e8];
  return Math.floor(low + spread * (high - low));
}
