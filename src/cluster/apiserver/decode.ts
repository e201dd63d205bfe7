// Request bodies: JSON, YAML or Kubernetes protobuf (kubectl 1.32+ typed commands), at most 3 MiB.
import { parse as parseYaml } from "yaml";
import { decodeKubernetesProtobuf } from "../../api/protobuf";
import { badRequest, tooLarge, unsupportedMediaType } from "../../api/status";

/** The apiserver's limit on request bodies. */
export const maxBodyBytes = 3 * 1024 * 1024;

export type BodyFormat = "json" | "yaml" | "protobuf";

export const patchTypes = {
  "application/json-patch+json": "json",
  "application/merge-patch+json": "merge",
  "application/strategic-merge-patch+json": "strategic",
  "application/apply-patch+yaml": "apply",
  "application/apply-patch+cbor": "apply-cbor",
} as const;

export type PatchType = (typeof patchTypes)[keyof typeof patchTypes];

export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

export async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function parseText(text: string, format: "json" | "yaml"): unknown {
  if (format === "json") {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw badRequest(`json: ${(e as Error).message}`);
    }
  }
  try {
    return parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch (e) {
    throw badRequest(`error converting YAML to JSON: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** Decode an object body by its Content-Type. */
export function decodeObject(bytes: Uint8Array, contentType: string | null): unknown {
  const type = mediaType(contentType);
  if (type === "application/vnd.kubernetes.protobuf") return decodeKubernetesProtobuf(bytes).object;
  const text = new TextDecoder().decode(bytes);
  if (type === "application/json" || type === "") return parseText(text, "json");
  if (type === "application/yaml" || type === "application/x-yaml" || type === "text/yaml") return parseText(text, "yaml");
  throw unsupportedMediaType(contentType ?? "");
}

/** Decode a PATCH body; apply patches may be YAML (kubectl sends JSON under the +yaml type). */
export function decodePatch(bytes: Uint8Array, contentType: string | null): { type: PatchType; body: unknown } {
  const type = patchTypes[mediaType(contentType) as keyof typeof patchTypes];
  if (!type || type === "apply-cbor") throw unsupportedMediaType(contentType ?? "");
  const text = new TextDecoder().decode(bytes);
  return { type, body: parseText(text, type === "apply" ? "yaml" : "json") };
}
