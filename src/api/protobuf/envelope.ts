// The "k8s\0" + runtime.Unknown framing around every Kubernetes protobuf body.

import { WIRE_BYTES, WireError, WireReader, utf8String } from "./wire";

export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export interface UnknownEnvelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

export function hasMagic(body: Uint8Array): boolean {
  return PROTOBUF_MAGIC.every((b, i) => body[i] === b);
}

/** Decodes runtime.Unknown `{1 typeMeta{1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType}`. */
export function decodeUnknown(data: Uint8Array): UnknownEnvelope {
  const envelope: UnknownEnvelope = {
    apiVersion: "",
    kind: "",
    raw: new Uint8Array(),
    contentEncoding: "",
    contentType: "",
  };
  const reader = new WireReader(data);
  while (!reader.done) {
    const { fieldNo, wireType } = reader.tag();
    if (fieldNo < 1 || fieldNo > 4) {
      reader.skip(wireType);
      continue;
    }
    if (wireType !== WIRE_BYTES) throw new WireError(`proto: wrong wireType = ${wireType} for field ${fieldName[fieldNo]}`);
    const value = reader.bytes();
    if (fieldNo === 1) Object.assign(envelope, decodeTypeMeta(value));
    else if (fieldNo === 2) envelope.raw = value;
    else if (fieldNo === 3) envelope.contentEncoding = utf8String(value);
    else envelope.contentType = utf8String(value);
  }
  return envelope;
}

const fieldName: Record<number, string> = { 1: "TypeMeta", 2: "Raw", 3: "ContentEncoding", 4: "ContentType" };

function decodeTypeMeta(data: Uint8Array): { apiVersion: string; kind: string } {
  const typeMeta = { apiVersion: "", kind: "" };
  const reader = new WireReader(data);
  while (!reader.done) {
    const { fieldNo, wireType } = reader.tag();
    if ((fieldNo === 1 || fieldNo === 2) && wireType === WIRE_BYTES) {
      const text = utf8String(reader.bytes());
      if (fieldNo === 1) typeMeta.apiVersion = text;
      else typeMeta.kind = text;
    } else reader.skip(wireType);
  }
  return typeMeta;
}
