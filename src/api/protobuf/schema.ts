// Field tables: how a protobuf message of a Kubernetes type maps onto its JSON form. Each table lists, per field
// number, the JSON name, the value kind and whether the Go field is a pointer (see decode-message.ts for why that
// matters). The tables are written by hand from Kubernetes' generated.proto files and types.go pointer-ness.

/** A lazily referenced message table, so tables can refer to each other regardless of declaration order. */
export type MessageRef = () => MessageType;

export type ValueSpec =
  | { kind: "string" | "bytes" | "bool" | "int32" | "int64" | "double" }
  /** resource.Quantity: `{1 string}` → the string. */
  | { kind: "quantity" }
  /** intstr.IntOrString: `{1 type, 2 intVal, 3 strVal}` → number or string. */
  | { kind: "intOrString" }
  /** meta/v1 Time / MicroTime: `{1 seconds, 2 nanos}` → RFC3339 (micro: RFC3339 with 6 fraction digits). */
  | { kind: "time" | "microTime" }
  /** meta/v1 FieldsV1: `{1 raw JSON bytes}` → the parsed JSON. */
  | { kind: "fieldsV1" }
  | { kind: "message"; type: MessageRef };

export interface FieldSpec {
  name: string;
  value: ValueSpec;
  /** `repeated` field → JSON array. */
  repeated?: boolean;
  /** `map<string, V>` field → JSON object; `value` describes V. */
  map?: boolean;
  /** The Go field is a pointer: its zero value (0, false, "") is meaningful and kept. */
  pointer?: boolean;
  /** The Go field is an embedded struct whose JSON fields are inlined into the parent object. */
  inline?: boolean;
}

export type MessageType = Readonly<Record<number, FieldSpec>>;

interface Options {
  pointer?: boolean;
}

/** Marks a scalar field as a Go pointer (`*int32`, `*bool`, …). */
export const P: Options = { pointer: true };

const scalar =
  (kind: "string" | "bytes" | "bool" | "int32" | "int64" | "double") =>
  (name: string, options: Options = {}): FieldSpec => ({ name, value: { kind }, ...options });

export const str = scalar("string");
export const bytes = scalar("bytes");
export const bool = scalar("bool");
export const i32 = scalar("int32");
export const i64 = scalar("int64");
export const f64 = scalar("double");

export const strs = (name: string): FieldSpec => ({ name, value: { kind: "string" }, repeated: true });
export const i32s = (name: string): FieldSpec => ({ name, value: { kind: "int32" }, repeated: true });
export const i64s = (name: string): FieldSpec => ({ name, value: { kind: "int64" }, repeated: true });

export const qty = (name: string, options: Options = {}): FieldSpec => ({ name, value: { kind: "quantity" }, ...options });
export const intOrStr = (name: string, options: Options = {}): FieldSpec => ({
  name,
  value: { kind: "intOrString" },
  ...options,
});
export const time = (name: string): FieldSpec => ({ name, value: { kind: "time" } });
export const microTime = (name: string): FieldSpec => ({ name, value: { kind: "microTime" } });

/** A singular embedded message. */
export const obj = (name: string, type: MessageRef): FieldSpec => ({ name, value: { kind: "message", type } });
/** An embedded Go struct whose fields are inlined into the parent's JSON object. */
export const inline = (name: string, type: MessageRef): FieldSpec => ({
  name,
  value: { kind: "message", type },
  inline: true,
});
/** A repeated message. */
export const list = (name: string, type: MessageRef): FieldSpec => ({
  name,
  value: { kind: "message", type },
  repeated: true,
});

export const strMap = (name: string): FieldSpec => ({ name, value: { kind: "string" }, map: true });
/** map<string, bytes>; values become base64 strings, as in Secret.data. */
export const bytesMap = (name: string): FieldSpec => ({ name, value: { kind: "bytes" }, map: true });
export const qtyMap = (name: string): FieldSpec => ({ name, value: { kind: "quantity" }, map: true });
export const timeMap = (name: string): FieldSpec => ({ name, value: { kind: "time" }, map: true });
