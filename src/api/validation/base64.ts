// Go's base64.StdEncoding.Decode, as encoding/json uses it for []byte fields (Secret.data, ConfigMap.binaryData):
// padding required, '\r' and '\n' skipped anywhere, and the same error offset as Go's CorruptInputError
// (`illegal base64 data at input byte 4`), so a decoder 400 reads like the apiserver's.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; offset: number };

/** Decodes like Go's StdEncoding; on failure gives the byte offset Go reports. */
export function decodeBase64Std(text: string): Base64Result {
  // Go counts offsets in bytes of the UTF-8 text.
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  let si = 0;
  const n = src.length;
  while (si < n) {
    const quantum = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === n) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        return { ok: false, offset: si - j };
      }
      const ch = src[si]!;
      si++;
      const value = ch < 128 ? DECODE[ch]! : -1;
      if (value >= 0) {
        quantum[j] = value;
        continue;
      }
      if (ch === 0x0a || ch === 0x0d) {
        j--;
        continue;
      }
      if (ch !== 0x3d /* = */) return { ok: false, offset: si - 1 };
      // Padding: only in the third or fourth place of a quantum, and nothing but newlines after it.
      if (j === 0 || j === 1) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < n && (src[si]! === 0x0a || src[si]! === 0x0d)) si++;
        if (si === n) return { ok: false, offset: n };
        if (src[si]! !== 0x3d) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < n && (src[si]! === 0x0a || src[si]! === 0x0d)) si++;
      if (si < n) return { ok: false, offset: si };
      dlen = j;
      break;
    }
    const bits = (quantum[0]! << 18) | (quantum[1]! << 12) | (quantum[2]! << 6) | quantum[3]!;
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]!);
    if (dlen < 4) break;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** The decoder's message for a value that is not base64, or undefined when it decodes. */
export function base64Error(src: string): string | undefined {
  const result = decodeBase64Std(src);
  return result.ok ? undefined : `illegal base64 data at input byte ${result.offset}`;
}

/** Decoded length in bytes (0 for a value that does not decode: validation refuses those before they count). */
export function decodedLength(src: string): number {
  const result = decodeBase64Std(src);
  return result.ok ? result.bytes.length : 0;
}
