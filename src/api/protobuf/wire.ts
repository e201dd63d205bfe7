// A minimal reader for the protobuf wire format (varint, 64-bit, length-delimited, 32-bit). It knows nothing about
// message types; decode-message.ts drives it with the field tables.

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** Thrown for malformed wire data; the message matches what gogo-protobuf's generated code reports. */
export class WireError extends Error {}

export class WireReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** Reads a varint as an unsigned 64-bit BigInt. */
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (shift >= 70n) throw new WireError("proto: integer overflow");
      if (this.pos >= this.buf.length) throw new WireError("unexpected EOF");
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result);
    }
  }

  /** A field key: field number and wire type. */
  tag(): { fieldNo: number; wireType: number } {
    const key = this.varint();
    const fieldNo = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (fieldNo <= 0) throw new WireError(`proto: illegal tag ${fieldNo} (wire type ${wireType})`);
    return { fieldNo, wireType };
  }

  bytes(): Uint8Array {
    const len = this.varint();
    if (len > BigInt(this.buf.length - this.pos)) throw new WireError("unexpected EOF");
    const start = this.pos;
    this.pos += Number(len);
    return this.buf.subarray(start, this.pos);
  }

  fixed(size: 4 | 8): Uint8Array {
    if (this.pos + size > this.buf.length) throw new WireError("unexpected EOF");
    const start = this.pos;
    this.pos += size;
    return this.buf.subarray(start, this.pos);
  }

  /** Skips a field of the given wire type (unknown fields are ignored, as the Go decoder does). */
  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.fixed(8);
        return;
      case WIRE_BYTES:
        this.bytes();
        return;
      case WIRE_FIXED32:
        this.fixed(4);
        return;
      default:
        throw new WireError(`proto: illegal wireType ${wireType}`);
    }
  }
}

/** Interprets an unsigned varint as a signed two's-complement integer of `bits` width (int32/int64 fields). */
export function toSigned(value: bigint, bits: 32 | 64): number {
  return Number(BigInt.asIntN(bits, value));
}

const utf8 = new TextDecoder("utf-8");

export function utf8String(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
