// Image references as the container runtime parses them (the distribution/reference grammar):
// [domain[:port]/]path[:tag][@algorithm:hex], normalised so `nginx` is `docker.io/library/nginx:latest`.

export interface ImageReference {
  /** Registry host (with port), e.g. "docker.io", "registry.k8s.io", "localhost:5000". */
  domain: string;
  /** Repository path inside the registry, e.g. "library/nginx", "e2e-test-images/agnhost". */
  path: string;
  /** The tag; "latest" when neither a tag nor a digest was given. */
  tag: string | undefined;
  digest: string | undefined;
  /** `domain/path`, e.g. "docker.io/library/nginx". */
  repository: string;
  /** The fully qualified reference the runtime resolves, e.g. "docker.io/library/nginx:1.25". */
  canonical: string;
}

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; error: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

function parseStrict(image: string): ParsedReference {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, error: "invalid reference format" };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, error: "invalid reference format" };
  }
  if (!rest) return { ok: false, error: "invalid reference format" };
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  let domain = "docker.io";
  let path = rest;
  if (slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first)) {
    domain = first;
    path = rest.slice(slash + 1);
    if (!DOMAIN.test(domain)) return { ok: false, error: "invalid reference format" };
  }
  if (domain === "index.docker.io" || domain === "registry-1.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  if (!path.split("/").every((c) => PATH_COMPONENT.test(c))) return { ok: false, error: "invalid reference format" };
  if (`${domain}/${path}`.length > 255) return { ok: false, error: "invalid reference format: repository name must not be more than 255 characters" };
  if (!tag && !digest) tag = "latest";
  const repository = `${domain}/${path}`;
  const canonical = `${repository}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
  return { ok: true, ref: { domain, path, tag, digest, repository, canonical } };
}

/** Parse and normalise an image reference, with the runtime's error wording when it is not one. */
export function parseImageReference(image: string): ParsedReference {
  const parsed = parseStrict(image);
  if (parsed.ok) return parsed;
  // The parser's special case: a name that would be valid in lowercase gets a more helpful message.
  if (image !== image.toLowerCase() && parseStrict(image.toLowerCase()).ok) {
    return { ok: false, error: "invalid reference format: repository name must be lowercase" };
  }
  return parsed;
}

/**
 * The kubelet's message when a container's image is not a valid reference (the container waits with reason
 * `InvalidImageName`), or undefined for a valid one. Wording of Kubernetes 1.28+.
 */
export function invalidImageNameMessage(image: string): string | undefined {
  const parsed = parseImageReference(image);
  if (parsed.ok) return undefined;
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parsed.error}`;
}
