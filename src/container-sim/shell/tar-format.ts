// The tar archive format, as bytes: 512-byte headers (the ustar layout with GNU's magic, as GNU tar and busybox write
// it), contents padded to whole blocks, two zero blocks at the end. Reading also takes POSIX ustar (the name prefix
// field) and pax extended headers (Go's archive/tar, what kubectl sends), and GNU long names.

export const BLOCK = 512;

export interface TarEntry {
  name: string;
  kind: "file" | "dir";
  content: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtimeSec: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** The `width`-byte octal field: digits zero-padded to width - 1, then NUL. */
function octal(value: number, width: number): string {
  return Math.max(0, Math.floor(value)).toString(8).padStart(width - 1, "0").slice(-(width - 1));
}

function put(block: Uint8Array, offset: number, width: number, text: string | Uint8Array): void {
  const bytes = typeof text === "string" ? encoder.encode(text) : text;
  block.set(bytes.subarray(0, width), offset);
}

function header(name: Uint8Array, typeflag: string, size: number, entry: Omit<TarEntry, "name" | "kind" | "content">): Uint8Array {
  const block = new Uint8Array(BLOCK);
  put(block, 0, 100, name);
  put(block, 100, 8, octal(entry.mode & 0o7777, 8));
  put(block, 108, 8, octal(entry.uid, 8));
  put(block, 116, 8, octal(entry.gid, 8));
  put(block, 124, 12, octal(size, 12));
  put(block, 136, 12, octal(entry.mtimeSec, 12));
  put(block, 156, 1, typeflag);
  put(block, 257, 8, "ustar  \0");
  put(block, 265, 32, entry.uname);
  put(block, 297, 32, entry.gname);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  put(block, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return block;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/**
 * The archive of `entries`, in order: a name of 100 bytes or more goes first as a GNU long name (`././@LongLink`,
 * type L). `recordBlocks`: pad the archive to a multiple of that many blocks (GNU tar's 20); none when absent
 * (busybox writes the two zero blocks only).
 */
export function writeArchive(entries: readonly TarEntry[], recordBlocks?: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const name = encoder.encode(entry.kind === "dir" && !entry.name.endsWith("/") ? `${entry.name}/` : entry.name);
    if (name.length >= 100) {
      const long = new Uint8Array(name.length + 1);
      long.set(name);
      parts.push(header(encoder.encode("././@LongLink"), "L", long.length, { ...entry, mode: 0o644, uid: 0, gid: 0, mtimeSec: 0, uname: "root", gname: "root" }));
      parts.push(long, new Uint8Array(padding(long.length)));
    }
    const size = entry.kind === "file" ? entry.content.length : 0;
    parts.push(header(name.subarray(0, 100), entry.kind === "dir" ? "5" : "0", size, entry));
    if (size) parts.push(entry.content, new Uint8Array(padding(size)));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  let total = parts.reduce((n, p) => n + p.length, 0);
  if (recordBlocks) {
    const record = recordBlocks * BLOCK;
    const padded = Math.ceil(total / record) * record;
    parts.push(new Uint8Array(padded - total));
    total = padded;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** An entry as read: its type flag says what it is ("0" a file, "5" a directory, "2" a symlink, ...). */
export interface ReadEntry {
  name: string;
  typeflag: string;
  content: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtimeSec: number;
  linkname: string;
}

export type ReadResult = { ok: true; entries: ReadEntry[] } | { ok: false; entries: ReadEntry[]; error: "not-tar" | "short" | "checksum" };

function text(block: Uint8Array, offset: number, width: number): string {
  const field = block.subarray(offset, offset + width);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

function number(block: Uint8Array, offset: number, width: number): number {
  const field = block.subarray(offset, offset + width);
  // base-256 (GNU's binary numbers for large values): the high bit of the first byte.
  if (field[0]! & 0x80) {
    let n = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const digits = text(block, offset, width).trim();
  return digits ? Number.parseInt(digits, 8) || 0 : 0;
}

function checksumOk(block: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return number(block, 148, 8) === sum;
}

/** The pax records of an extended header ("len key=value\n" each). */
function paxRecords(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number.parseInt(decoder.decode(data.subarray(i, space)), 10);
    if (!len || len <= 0) break;
    const record = decoder.decode(data.subarray(space + 1, i + len - 1));
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

/** The entries of an archive, up to its end (two zero blocks, or the end of the bytes after whole entries). */
export function readArchive(bytes: Uint8Array): ReadResult {
  const entries: ReadEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  while (offset + BLOCK <= bytes.length) {
    const block = bytes.subarray(offset, offset + BLOCK);
    if (block.every((b) => b === 0)) return { ok: true, entries };
    if (!checksumOk(block)) return { ok: false, entries, error: entries.length || offset ? "checksum" : "not-tar" };
    const size = number(block, 124, 12);
    const typeflag = String.fromCharCode(block[156]!) || "0";
    const dataStart = offset + BLOCK;
    if (dataStart + size > bytes.length) return { ok: false, entries, error: "short" };
    const data = bytes.subarray(dataStart, dataStart + size);
    offset = dataStart + size + padding(size);
    if (typeflag === "L") {
      const end = data.indexOf(0);
      longName = decoder.decode(end < 0 ? data : data.subarray(0, end));
      continue;
    }
    if (typeflag === "x") {
      pax = paxRecords(data);
      continue;
    }
    if (typeflag === "g" || typeflag === "K") continue;
    const magic = text(block, 257, 6);
    const prefix = magic === "ustar" ? text(block, 345, 155) : "";
    const shortName = text(block, 0, 100);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
    entries.push({
      name,
      typeflag: typeflag === "\0" ? "0" : typeflag,
      content: data,
      mode: number(block, 100, 8),
      uid: number(block, 108, 8),
      gid: number(block, 116, 8),
      uname: pax.uname ?? text(block, 265, 32),
      gname: pax.gname ?? text(block, 297, 32),
      mtimeSec: pax.mtime ? Math.floor(Number(pax.mtime)) : number(block, 136, 12),
      linkname: pax.linkpath ?? text(block, 157, 100),
    });
    longName = undefined;
    pax = {};
  }
  if (offset === 0 && bytes.length === 0) return { ok: true, entries };
  if (offset === bytes.length) return { ok: true, entries };
  return { ok: false, entries, error: offset === 0 ? "not-tar" : "short" };
}
