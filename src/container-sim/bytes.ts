// Bytes as the simulator's strings carry them. Files, pipes and streams hold JavaScript strings; what is valid UTF-8
// is held as its text, and every byte that is not is held as one lone surrogate U+DC00 + byte (Python's
// "surrogateescape"). Text stays text for the commands that read it, and any bytes (a PNG, a tar stream) go in and
// come back out unchanged: encodeBytes(decodeBytes(b)) is b for every b.

/** A byte b (0x80..0xff) is held as U+DC00 + b: U+DC80..U+DCFF. */
const ESCAPE_BASE = 0xdc00;
const isEscape = (c: number) => c >= 0xdc80 && c <= 0xdcff;

/** The bytes a string stands for: UTF-8 of its text, the raw byte of each escape. */
export function encodeBytes(text: string): Uint8Array {
  const out = new Uint8Array(byteLength(text));
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (isEscape(c)) {
      out[o++] = c - ESCAPE_BASE;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[o++] = 0xf0 | (c >> 18);
        out[o++] = 0x80 | ((c >> 12) & 0x3f);
        out[o++] = 0x80 | ((c >> 6) & 0x3f);
        out[o++] = 0x80 | (c & 0x3f);
        continue;
      }
    }
    // A lone surrogate that is no escape is written as U+FFFD, as TextEncoder does.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

/** How many bytes `text` stands for (a file's size). */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || isEscape(c)) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
  else return 0;
  if (i + need >= bytes.length) return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const next = bytes[i + k]!;
    if ((next & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (next & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/** The string standing for `bytes`. */
export function decodeBytes(bytes: Uint8Array): string {
  return decodeWithRest(bytes, false).text;
}

/**
 * The string standing for `bytes`; with `partialTail`, an incomplete UTF-8 sequence at the end is left out and its
 * length returned as `rest` (a stream's next chunk completes it).
 */
function decodeWithRest(bytes: Uint8Array, partialTail: boolean): { text: string; rest: number } {
  let text = "";
  let start = 0;
  let i = 0;
  const flushValid = (end: number) => {
    if (end > start) text += utf8.decode(bytes.subarray(start, end));
  };
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (partialTail && couldComplete(bytes, i)) {
      flushValid(i);
      return { text, rest: bytes.length - i };
    }
    flushValid(i);
    text += String.fromCharCode(ESCAPE_BASE + bytes[i]!);
    i += 1;
    start = i;
  }
  flushValid(i);
  return { text, rest: 0 };
}

/** Is what starts at `i` the beginning of a valid sequence cut by the end of `bytes`? */
function couldComplete(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0 || i + need < bytes.length) return false;
  for (let k = i + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
  return true;
}

// ignoreBOM: a byte order mark is content like any other (the default would drop it).
const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** A decoder for a stream of byte chunks: a UTF-8 sequence cut between two chunks is kept whole. */
export class ByteStreamDecoder {
  private held = new Uint8Array(0);

  /** The text of `chunk` (with what was held back before it); `end` flushes what is held as escapes. */
  decode(chunk: Uint8Array, end = false): string {
    const bytes = this.held.length ? concat(this.held, chunk) : chunk;
    const { text, rest } = decodeWithRest(bytes, !end);
    this.held = bytes.slice(bytes.length - rest);
    return text;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
