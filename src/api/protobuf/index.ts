// Decoding of `application/vnd.kubernetes.protobuf` request bodies (kubectl-wire.md §8.2) into the JSON objects the
// rest of the apiserver works with.

import { badRequest } from "../status";
import { decodeMessage } from "./decode-message";
import { decodeUnknown, hasMagic, PROTOBUF_MAGIC } from "./envelope";
import type { MessageType } from "./schema";
import { WireError } from "./wire";

/**
 * The message table of a body's apiVersion and kind, or undefined when the server does not decode that kind. The
 * apiserver builds it from its resource table (the served kinds and the body-only kinds) and passes it down.
 */
export type MessageTypes = (apiVersion: string, kind: string) => MessageType | undefined;

export interface DecodedProtobufObject {
  apiVersion: string;
  kind: string;
  /** The object as the apiserver would hold it after a JSON body: `apiVersion` and `kind` set, zero values absent. */
  object: Record<string, unknown>;
}

/**
 * Decodes a Kubernetes protobuf body ("k8s\0" + runtime.Unknown + the typed object). Throws a 400 BadRequest
 * StatusError for a missing prefix, malformed or truncated data, or a kind this server cannot decode.
 */
export function decodeKubernetesProtobuf(bytes: Uint8Array, messageTypes: MessageTypes): DecodedProtobufObject {
  if (bytes.length === 0) throw badRequest("empty data");
  if (bytes.length < PROTOBUF_MAGIC.length || !hasMagic(bytes)) {
    throw badRequest(
      `provided data does not appear to be a protobuf message, expected prefix [${Array.from(PROTOBUF_MAGIC).join(" ")}]`,
    );
  }
  if (bytes.length === PROTOBUF_MAGIC.length) throw badRequest("empty body");

  const envelope = guard(() => decodeUnknown(bytes.subarray(PROTOBUF_MAGIC.length)), (m) => m);
  const { apiVersion, kind } = envelope;
  if (!kind) throw badRequest("Object 'Kind' is missing in protobuf body");
  const type = messageTypes(apiVersion, kind);
  if (!type) {
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
    );
  }
  const version = apiVersion.slice(apiVersion.indexOf("/") + 1);
  const fields = guard(
    () => decodeMessage(envelope.raw, type),
    (m) => `${kind} in version "${version}" cannot be handled as a ${kind}: ${m}`,
  );
  return { apiVersion, kind, object: { kind, apiVersion, ...fields } };
}

function guard<T>(decode: () => T, message: (wireMessage: string) => string): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof WireError) throw badRequest(message(error.message));
    throw error;
  }
}
