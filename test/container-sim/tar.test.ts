// The simulated tar: archives laid out as ustar blocks (GNU's magic), round trips of text, binary bytes, long names
// and directories through `tar cf -` and `tar -xmf - -C`, what kubectl cp sends (Go's pax headers), and the
// busybox and GNU messages.
import { describe, expect, it } from "vitest";
import { decodeBytes, encodeBytes, ByteStreamDecoder, startProcess, type ProcessSpec } from "../../src/container-sim/index";
import { readArchive, writeArchive, type TarEntry } from "../../src/container-sim/shell/tar-format";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const spec = (image: string, extra: Partial<ProcessSpec> = {}): ProcessSpec => ({ image, command: ["sleep", "3600"], env: {}, hostname: "bb", ...extra });
const closed = (text: string) => ({ chunks: [{ atWallMs: Number.NEGATIVE_INFINITY, text }], closedAtWallMs: Number.NEGATIVE_INFINITY });
const ascii = (bytes: Uint8Array, from: number, width: number) => new TextDecoder().decode(bytes.subarray(from, from + width));

/** Bytes that are no valid UTF-8: every byte value, a byte order mark, a cut sequence at the end. */
const binary = (() => {
  const out = new Uint8Array(3 + 512 + 2);
  out.set([0xef, 0xbb, 0xbf]);
  for (let i = 0; i < 512; i++) out[3 + i] = (i * 13) % 256;
  out.set([0xe2, 0x82], 515);
  return out;
})();

const entry = (name: string, content: Uint8Array | string, kind: "file" | "dir" = "file"): TarEntry => ({
  name,
  kind,
  content: typeof content === "string" ? new TextEncoder().encode(content) : content,
  mode: kind === "dir" ? 0o755 : 0o644,
  uid: 0,
  gid: 0,
  uname: "root",
  gname: "root",
  mtimeSec: T0 / 1000,
});

describe("bytes in the simulator's strings", () => {
  it("any bytes survive decode then encode, text stays text", () => {
    expect([...encodeBytes(decodeBytes(binary))]).toEqual([...binary]);
    expect(decodeBytes(new TextEncoder().encode("héllo ✓"))).toBe("héllo ✓");
  });

  it("a stream decoder keeps a UTF-8 sequence cut between two chunks whole", () => {
    const check = new TextEncoder().encode("a✓b");
    const decoder = new ByteStreamDecoder();
    const text = decoder.decode(check.subarray(0, 2)) + decoder.decode(check.subarray(2)) + decoder.decode(new Uint8Array(0), true);
    expect(text).toBe("a✓b");
  });
});

describe("the tar archive format", () => {
  it("a header is the ustar layout: name, octal mode/uid/gid/size/mtime, checksum, type, GNU magic; two zero blocks end it", () => {
    const archive = writeArchive([entry("dir", "", "dir"), entry("dir/a.txt", "hello\n")]);
    expect(archive.length).toBe(512 * 5); // dir header, file header, one data block, two zero blocks
    const file = archive.subarray(512, 1024);
    expect(ascii(file, 0, 9)).toBe("dir/a.txt");
    expect(ascii(file, 100, 8)).toBe("0000644\0");
    expect(ascii(file, 108, 8)).toBe("0000000\0");
    expect(ascii(file, 124, 12)).toBe("00000000006\0");
    expect(ascii(file, 136, 12)).toBe(`${(T0 / 1000).toString(8).padStart(11, "0")}\0`);
    expect(ascii(file, 156, 1)).toBe("0");
    expect(ascii(file, 257, 8)).toBe("ustar  \0");
    expect(ascii(file, 265, 4)).toBe("root");
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : file[i]!;
    expect(ascii(file, 148, 8)).toBe(`${sum.toString(8).padStart(6, "0")}\0 `);
    expect(ascii(archive, 0, 4)).toBe("dir/");
    expect(ascii(archive, 156, 1)).toBe("5");
    expect(ascii(archive, 1024, 6)).toBe("hello\n");
    expect(archive.subarray(1536).every((b) => b === 0)).toBe(true);
    expect(writeArchive([entry("a", "x")], 20).length).toBe(10240); // GNU tar's 20-block records
  });

  it("a long name goes first as a GNU long name, and reads back whole", () => {
    const name = `${"d".repeat(60)}/${"f".repeat(60)}.txt`;
    const archive = writeArchive([entry(name, "x")]);
    expect(ascii(archive, 0, 13)).toBe("././@LongLink");
    expect(ascii(archive, 156, 1)).toBe("L");
    const read = readArchive(archive);
    expect(read.ok && read.entries.map((e) => e.name)).toEqual([name]);
  });
});

/** A pax-extended archive as Go's archive/tar writes a long name (what kubectl cp sends). */
function paxArchive(name: string, content: Uint8Array): Uint8Array {
  const record = (key: string, value: string) => {
    const body = ` ${key}=${value}\n`;
    let len = body.length + 2;
    while (String(len).length + body.length !== len) len = String(len).length + body.length;
    return `${len}${body}`;
  };
  const pax = new TextEncoder().encode(record("path", name));
  const parts = writeArchive([entry("PaxHeaders/x", pax), entry("short-name", content)]);
  // The first header becomes a pax extended header (type x), with its checksum made again.
  const header = parts.subarray(0, 512);
  header[156] = "x".charCodeAt(0);
  header.fill(32, 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
  return parts;
}

describe("tar in a container", () => {
  for (const image of ["busybox:1.36", "debian:12"]) {
    it(`${image}: an archive sent on stdin is extracted with -xmf - -C, then tar cf - gives the same bytes back`, () => {
      const longName = `nested/${"n".repeat(120)}.bin`;
      const archive = writeArchive([entry("nested", "", "dir"), entry("nested/logo.png", binary), entry(longName, "long\n")]);
      const process = startProcess(spec(image), T0);
      const put = process.exec(["tar", "-xmf", "-", "-C", "/tmp"], 5_000, { stdin: closed(decodeBytes(archive)) });
      expect(put).toMatchObject({ exitCode: 0, stderr: "", wroteLayer: true });
      // The kubelet keeps the exec; a process started with it sees the files.
      const kept = startProcess(spec(image, { execs: [{ command: ["tar", "-xmf", "-", "-C", "/tmp"], atMs: 5_000, stdin: decodeBytes(archive), stdinClosed: true }] }), T0);
      expect(encodeBytes(kept.exec(["cat", "/tmp/nested/logo.png"], 6_000).stdout)).toEqual(binary);
      const out = kept.exec(["tar", "cf", "-", "/tmp/nested"], 6_000);
      expect(out.exitCode).toBe(0);
      expect(out.stderr).toBe(image.startsWith("busybox") ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
      const bytes = encodeBytes(out.stdout);
      expect(bytes.length % (image.startsWith("busybox") ? 512 : 10240)).toBe(0);
      const read = readArchive(bytes);
      expect(read.ok).toBe(true);
      expect(read.entries.map((e) => e.name)).toEqual(["tmp/nested/", "tmp/nested/logo.png", `tmp/${longName}`]);
      expect([...read.entries[1]!.content]).toEqual([...binary]);
      expect(kept.exec(["wc", "-c", "/tmp/nested/logo.png"], 6_000).stdout.trim().split(/\s+/)[0]).toBe(String(binary.length));
    });
  }

  it("a pax header's path (Go's archive/tar, kubectl cp) names the file", () => {
    const name = `dir/${"p".repeat(110)}.txt`;
    const process = startProcess(spec("busybox:1.36"), T0);
    const archive = paxArchive(name, new TextEncoder().encode("pax\n"));
    const read = readArchive(archive);
    expect(read.ok && read.entries.map((e) => e.name)).toEqual([name]);
    const kept = startProcess(spec("busybox:1.36", { execs: [{ command: ["tar", "-xmf", "-", "-C", "/tmp"], atMs: 1_000, stdin: decodeBytes(archive), stdinClosed: true }] }), T0);
    expect(kept.exec(["cat", `/tmp/${name}`], 2_000).stdout).toBe("pax\n");
    expect(process.exec(["cat", `/tmp/${name}`], 2_000).exitCode).toBe(1);
  });

  it("tar cf x.tar dir, tar tf, tar tvf, tar xf -C: the forms a learner types", () => {
    const script = "mkdir -p /tmp/d/sub && echo a > /tmp/d/a && echo b > /tmp/d/sub/b && cd /tmp && tar cf x.tar d && tar tf x.tar && mkdir /tmp/out && tar xvf x.tar -C /tmp/out && cat /tmp/out/d/sub/b";
    const out = startProcess(spec("busybox:1.36"), T0).exec(["sh", "-c", script], 1_000);
    expect(out).toMatchObject({ exitCode: 0, stderr: "" });
    expect(out.stdout).toBe("d/\nd/a\nd/sub/\nd/sub/b\nd/\nd/a\nd/sub/\nd/sub/b\nb\n");
    const listed = startProcess(spec("debian:12"), T0).exec(["sh", "-c", "mkdir /tmp/d && printf abc > /tmp/d/f && tar cf /tmp/x.tar -C /tmp d && tar tvf /tmp/x.tar"], 1_000);
    expect(listed.stdout).toMatch(/^drwxr-xr-x root\/root +0 \d{4}-\d\d-\d\d \d\d:\d\d d\/\n-rw-r--r-- root\/root +3 \d{4}-\d\d-\d\d \d\d:\d\d d\/f\n$/);
  });

  it("a missing path: busybox's and GNU tar's messages and exit codes; an empty archive is refused", () => {
    const busybox = startProcess(spec("busybox:1.36"), T0).exec(["tar", "cf", "-", "/tmp/nope"], 1_000);
    expect(busybox.exitCode).toBe(1);
    expect(busybox.stderr).toBe("tar: /tmp/nope: No such file or directory\n");
    // The error comes before the (empty) archive, as kubectl cp needs to print it.
    expect(busybox.lines?.map((l) => l.stream)).toEqual(["stderr", "stdout"]);
    const gnu = startProcess(spec("debian:12"), T0).exec(["tar", "cf", "-", "/tmp/nope"], 1_000);
    expect(gnu.exitCode).toBe(2);
    expect(gnu.stderr).toBe("tar: /tmp/nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n");
    expect(startProcess(spec("debian:12"), T0).exec(["tar", "cf", "x.tar"], 1_000).stderr).toMatch(/^tar: Cowardly refusing to create an empty archive\n/);
  });

  it("extracting into a missing directory (kubectl cp to a path whose directory is not there)", () => {
    const archive = decodeBytes(writeArchive([entry("f", "x\n")]));
    const gnu = startProcess(spec("debian:12"), T0).exec(["tar", "-xmf", "-", "-C", "/some/dir"], 1_000, { stdin: closed(archive) });
    expect(gnu).toMatchObject({ exitCode: 2, stderr: "tar: /some/dir: Cannot open: No such file or directory\n" });
    const busybox = startProcess(spec("busybox:1.36"), T0).exec(["tar", "-xmf", "-", "-C", "/some/dir"], 1_000, { stdin: closed(archive) });
    expect(busybox).toMatchObject({ exitCode: 1, stderr: "tar: can't change directory to '/some/dir': No such file or directory\n" });
  });

  it("garbage on stdin is no archive; an image without a userland (pause) has no tar", () => {
    const bad = startProcess(spec("debian:12"), T0).exec(["tar", "xf", "-"], 1_000, { stdin: closed("x".repeat(1024)) });
    expect(bad).toMatchObject({ exitCode: 2, stderr: "tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n" });
    const none = startProcess(spec("registry.k8s.io/pause:3.10", { command: undefined }), T0).exec(["tar", "cf", "-", "/etc"], 1_000);
    expect(none.exitCode).toBe(126);
    expect(none.stderr).toMatch(/exec: "tar": executable file not found in \$PATH/);
  });

  it("tar -x waits for the end of its stdin", () => {
    const archive = decodeBytes(writeArchive([entry("f", "x\n")]));
    const open = startProcess(spec("busybox:1.36"), T0).exec(["tar", "-xmf", "-", "-C", "/tmp"], 1_000, { timeoutMs: 10_000, stdin: { chunks: [{ atWallMs: Number.NEGATIVE_INFINITY, text: archive }] } });
    expect(open.timedOut).toBe(true);
  });
});
