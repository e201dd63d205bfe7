// A tiny protobuf encoder for hand-built test bodies (field by field, no schema).

const utf8 = new TextEncoder();

export type Field = Uint8Array;

function concat(parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
}

const tag = (no: number, wireType: number) => varint((no << 3) | wireType);

/** A message body: the concatenation of its fields. */
export const message = (...fields: Field[]): Uint8Array => concat(fields);
export const int = (no: number, value: number | bigint | boolean): Field =>
  concat([tag(no, 0), varint(typeof value === "boolean" ? Number(value) : value)]);
export const bytes = (no: number, value: Uint8Array): Field => concat([tag(no, 2), varint(value.length), value]);
export const str = (no: number, value: string): Field => bytes(no, utf8.encode(value));
export const sub = (no: number, ...fields: Field[]): Field => bytes(no, message(...fields));
/** A map<string, string> entry. */
export const entry = (no: number, key: string, value: string): Field => sub(no, str(1, key), str(2, value));

export const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** "k8s\0" + runtime.Unknown{typeMeta, raw, contentEncoding "", contentType ""}, as client-go writes it. */
export function envelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  return concat([MAGIC, sub(1, str(1, apiVersion), str(2, kind)), bytes(2, raw), str(3, ""), str(4, "")]);
}
