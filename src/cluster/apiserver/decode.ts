// Request bodies: JSON, YAML or Kubernetes protobuf (kubectl 1.32+ typed commands), at most 3 MiB.
import { parse as parseYaml } from "yaml";
import { decodeKubernetesProtobuf, type MessageTypes } from "../../api/protobuf";
import { readCappedBody } from "../../api/request-body";
import { badRequest, StatusError, unsupportedMediaType } from "../../api/status";
import { scanJson } from "./json-scan";
import { checkYamlTree, yamlDuplicates, yamlError } from "./yaml-limits";

/** The apiserver's limit on request bodies. */
export const maxBodyBytes = 3 * 1024 * 1024;

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

/** The request body, at most 3 MiB; a larger one (declared or streamed) is a 413, answered after it was drained. */
export function readBody(request: Request): Promise<Uint8Array> {
  return readCappedBody(request, maxBodyBytes);
}

/** A decoded body and the fields it repeats (JSON only: `duplicate field "a"`, reported per fieldValidation). */
export interface Decoded {
  value: unknown;
  duplicates: string[];
}

function parseText(text: string, format: "json" | "yaml", wantDuplicates: boolean): Decoded {
  if (format === "json") {
    const duplicates = scanJson(text, wantDuplicates);
    try {
      return { value: JSON.parse(text), duplicates };
    } catch (e) {
      throw badRequest(`json: ${(e as Error).message}`);
    }
  }
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch (e) {
    yamlError(e as Error);
  }
  checkYamlTree(value);
  return { value, duplicates: wantDuplicates ? yamlDuplicates(text) : [] };
}

/** Decode an object body by its Content-Type; protobuf bodies by the message `messageTypes` gives their kind. */
export function decodeBody(bytes: Uint8Array, contentType: string | null, messageTypes: MessageTypes, wantDuplicates = false): Decoded {
  const type = mediaType(contentType);
  if (type === "application/vnd.kubernetes.protobuf") return { value: decodeKubernetesProtobuf(bytes, messageTypes).object, duplicates: [] };
  const text = new TextDecoder().decode(bytes);
  if (type === "application/json" || type === "") return parseText(text, "json", wantDuplicates);
  if (type === "application/yaml" || type === "application/x-yaml" || type === "text/yaml") return parseText(text, "yaml", wantDuplicates);
  throw unsupportedMediaType(contentType ?? "");
}

/** Decode an object body by its Content-Type. */
export function decodeObject(bytes: Uint8Array, contentType: string | null, messageTypes: MessageTypes): unknown {
  return decodeBody(bytes, contentType, messageTypes).value;
}

/** The patch type of a Content-Type; 415 for anything else. */
export function patchTypeOf(contentType: string | null): PatchType {
  const type = patchTypes[mediaType(contentType) as keyof typeof patchTypes];
  if (!type || type === "apply-cbor") throw unsupportedMediaType(contentType ?? "");
  return type;
}

/** Decode a PATCH body; apply patches may be YAML (kubectl sends JSON under the +yaml type). */
export function decodePatch(bytes: Uint8Array, contentType: string | null, wantDuplicates = false): { type: PatchType; body: unknown; duplicates: string[] } {
  const type = patchTypeOf(contentType);
  const text = new TextDecoder().decode(bytes);
  // JSON patches keep their duplicate keys to themselves (evanphx/json-patch drops them), as the apiserver does.
  try {
    const { value, duplicates } = parseText(text, type === "apply" ? "yaml" : "json", wantDuplicates && type !== "json");
    return { type, body: value, duplicates };
  } catch (e) {
    // validateAndTranscodePatch's words: json.Valid (which also stops at 10000 levels) or yaml.ToJSON failed.
    if (!(e instanceof StatusError) || e.code !== 400) throw e;
    if (type !== "apply") throw badRequest("invalid JSON patch");
    throw badRequest(`error encoding patch: ${e.message.replace(/^error converting YAML to JSON: /, "")}`);
  }
}
