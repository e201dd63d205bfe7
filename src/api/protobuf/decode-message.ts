// Decodes one protobuf message into its Kubernetes JSON form, driven by a field table (schema.ts).
//
// The zero-value rule: gogo-protobuf (proto2) always writes non-pointer Go fields, so an unset string arrives as "",
// an unset int as 0 and an unset struct as an empty message. The apiserver's JSON uses `omitempty`, so those zero
// values become absent here. Pointer fields are only written when set, so their 0/false/"" are kept. Singular
// messages that are present become objects (possibly `{}`), as Go's JSON encoder renders non-nil structs.

import type { FieldSpec, MessageType, ValueSpec } from "./schema";
import { WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT, WireError, WireReader, toSigned, utf8String } from "./wire";

type Json = Record<string, unknown>;

export function decodeMessage(data: Uint8Array, type: MessageType): Json {
  const out: Json = {};
  const reader = new WireReader(data);
  while (!reader.done) {
    const { fieldNo, wireType } = reader.tag();
    const spec = type[fieldNo];
    if (!spec) {
      reader.skip(wireType);
      continue;
    }
    if (spec.map) readMapEntry(reader, wireType, spec, out);
    else if (spec.repeated) readRepeated(reader, wireType, spec, out);
    else readSingular(reader, wireType, spec, out);
  }
  return out;
}

function expectedWireType(value: ValueSpec): number {
  switch (value.kind) {
    case "bool":
    case "int32":
    case "int64":
      return WIRE_VARINT;
    case "double":
      return WIRE_FIXED64;
    default:
      return WIRE_BYTES;
  }
}

function checkWireType(actual: number, spec: FieldSpec, value: ValueSpec = spec.value): void {
  if (actual !== expectedWireType(value)) {
    const goName = spec.name.charAt(0).toUpperCase() + spec.name.slice(1);
    throw new WireError(`proto: wrong wireType = ${actual} for field ${goName}`);
  }
}

function readSingular(reader: WireReader, wireType: number, spec: FieldSpec, out: Json): void {
  checkWireType(wireType, spec);
  const value = readValue(reader, spec.value, spec.pointer === true);
  if (spec.inline) {
    if (value && typeof value === "object") Object.assign(out, value);
    return;
  }
  if (value === undefined) delete out[spec.name];
  else out[spec.name] = value;
}

function readRepeated(reader: WireReader, wireType: number, spec: FieldSpec, out: Json): void {
  const items = (out[spec.name] as unknown[] | undefined) ?? [];
  const numeric = expectedWireType(spec.value) === WIRE_VARINT;
  if (numeric && wireType === WIRE_BYTES) {
    // Packed encoding of a repeated varint field; the Go decoder accepts both forms.
    const packed = new WireReader(reader.bytes());
    while (!packed.done) items.push(scalarFromVarint(packed.varint(), spec.value));
  } else {
    checkWireType(wireType, spec);
    // List elements are kept even when zero-valued: [""] and [0] are real entries.
    items.push(readValue(reader, spec.value, true) ?? (spec.value.kind === "message" ? {} : null));
  }
  out[spec.name] = items;
}

function readMapEntry(reader: WireReader, wireType: number, spec: FieldSpec, out: Json): void {
  checkWireType(wireType, { ...spec, value: { kind: "bytes" } });
  const entry = new WireReader(reader.bytes());
  let key = "";
  let value: unknown;
  while (!entry.done) {
    const { fieldNo, wireType: entryWire } = entry.tag();
    if (fieldNo === 1) {
      checkWireType(entryWire, spec, { kind: "string" });
      key = utf8String(entry.bytes());
    } else if (fieldNo === 2) {
      checkWireType(entryWire, spec);
      value = readValue(entry, spec.value, true);
    } else entry.skip(entryWire);
  }
  const map = (out[spec.name] as Json | undefined) ?? {};
  map[key] = value ?? zeroMapValue(spec.value);
  out[spec.name] = map;
}

/** A map entry without a value field still holds the zero value in Go (e.g. `{"k": ""}`). */
function zeroMapValue(value: ValueSpec): unknown {
  switch (value.kind) {
    case "string":
    case "bytes":
      return "";
    case "quantity":
      return "0";
    case "message":
      return {};
    default:
      return null;
  }
}

function scalarFromVarint(raw: bigint, value: ValueSpec): number | boolean {
  if (value.kind === "bool") return raw !== 0n;
  return toSigned(raw, value.kind === "int32" ? 32 : 64);
}

/**
 * Reads one value. Returns undefined when the value is "absent" in JSON terms: a zero scalar of a non-pointer
 * field, an empty Time, a zero IntOrString of a non-pointer field.
 */
function readValue(reader: WireReader, value: ValueSpec, keepZero: boolean): unknown {
  switch (value.kind) {
    case "bool":
    case "int32":
    case "int64": {
      const v = scalarFromVarint(reader.varint(), value);
      return keepZero || v ? v : undefined;
    }
    case "double": {
      const raw = reader.fixed(8);
      const v = new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, true);
      return keepZero || v ? v : undefined;
    }
    case "string": {
      const v = utf8String(reader.bytes());
      return keepZero || v ? v : undefined;
    }
    case "bytes": {
      const v = reader.bytes();
      return keepZero || v.length ? base64(v) : undefined;
    }
    case "quantity": {
      const v = decodeQuantity(reader.bytes());
      return keepZero || v ? v : undefined;
    }
    case "intOrString":
      return decodeIntOrString(reader.bytes(), keepZero);
    case "time":
    case "microTime":
      return decodeTime(reader.bytes(), value.kind === "microTime");
    case "fieldsV1":
      return decodeFieldsV1(reader.bytes());
    case "message":
      return decodeMessage(reader.bytes(), value.type());
  }
}

function decodeQuantity(data: Uint8Array): string {
  const fields = decodeMessage(data, { 1: { name: "string", value: { kind: "string" } } });
  return (fields.string as string | undefined) ?? "";
}

function decodeIntOrString(data: Uint8Array, keepZero: boolean): number | string | undefined {
  const fields = decodeMessage(data, {
    1: { name: "type", value: { kind: "int64" } },
    2: { name: "intVal", value: { kind: "int32" } },
    3: { name: "strVal", value: { kind: "string" } },
  });
  if (fields.type === 1) return (fields.strVal as string | undefined) ?? "";
  const intVal = (fields.intVal as number | undefined) ?? 0;
  return keepZero || intVal ? intVal : undefined;
}

/** An empty Time message is Go's zero time (omitted, as `null` would be); anything else is formatted in UTC. */
function decodeTime(data: Uint8Array, micro: boolean): string | undefined {
  if (data.length === 0) return undefined;
  const fields = decodeMessage(data, {
    1: { name: "seconds", value: { kind: "int64" } },
    2: { name: "nanos", value: { kind: "int32" } },
  });
  const seconds = (fields.seconds as number | undefined) ?? 0;
  const nanos = (fields.nanos as number | undefined) ?? 0;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new WireError(`time out of range: ${seconds} seconds`);
  const whole = date.toISOString().slice(0, 19);
  if (!micro) return `${whole}Z`;
  const fraction = String(Math.floor(nanos / 1000)).padStart(6, "0");
  return `${whole}.${fraction}Z`;
}

function decodeFieldsV1(data: Uint8Array): unknown {
  const fields = decodeMessage(data, { 1: { name: "raw", value: { kind: "bytes" } } });
  if (typeof fields.raw !== "string") return {};
  try {
    return JSON.parse(utf8String(fromBase64(fields.raw)));
  } catch {
    throw new WireError("invalid FieldsV1 JSON");
  }
}

function base64(data: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
