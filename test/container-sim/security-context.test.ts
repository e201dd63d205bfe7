// Who a container's processes are (the image's USER, runAsUser, runAsGroup, supplementalGroups with fsGroup), the
// owners of what they write, and the writes they are refused (permissions, readOnlyRootFilesystem).
import { describe, expect, it } from "vitest";
import { startProcess, type ProcessSpec } from "../../src/container-sim/index";
import { directory } from "./directories";

const T0 = Date.UTC(2024, 5, 6, 20, 8, 0);
const run = (image: string, script: string, extra: Partial<ProcessSpec> = {}) =>
  startProcess({ image, command: ["sh", "-c", script], env: {}, hostname: "pod-a", ...extra }, T0).output(0, 1e9);
const out = (image: string, script: string, extra: Partial<ProcessSpec> = {}) => run(image, script, extra).map((l) => l.text);
/** The kubernetes.io task's pod: runAsUser 1000, runAsGroup 3000, fsGroup 2000, supplementalGroups [4000], an emptyDir at /data/demo. */
const taskPod = (): Partial<ProcessSpec> => ({
  user: { uid: 1000, gid: 3000, supplementalGroups: [4000, 2000] },
  mounts: [{ mountPath: "/data/demo", source: directory({}, []), attributes: { gid: 2000, dirMode: 0o2777, fileMode: 0o644 } }],
});

describe("id and whoami", () => {
  it("root by default, with the image's names", () => {
    expect(out("busybox:1.36", "id; id -u; whoami")).toEqual(["uid=0(root) gid=0(root) groups=0(root)", "0", "root"]);
  });

  it("prints the task's identity: uid, gid and the sorted groups (busybox)", () => {
    expect(out("busybox:1.28", "id; id -u; id -g; id -G", taskPod())).toEqual(["uid=1000 gid=3000 groups=2000,3000,4000", "1000", "3000", "2000 3000 4000"]);
  });

  it("whoami fails for a uid without a passwd entry, in busybox's and GNU's words", () => {
    const lines = run("busybox", "whoami; echo $?", { user: { uid: 1000 } });
    expect(lines.map((l) => [l.stream, l.text])).toEqual([["stderr", "whoami: unknown uid 1000"], ["stdout", "1"]]);
    expect(out("debian:12", "whoami 2>&1", { user: { uid: 1000 } })).toEqual(["whoami: cannot find name for user ID 1000"]);
  });

  it("without runAsGroup the group is the user's passwd group, else root", () => {
    expect(out("busybox", "id", { user: { uid: 1000 } })).toEqual(["uid=1000 gid=0(root) groups=0(root)"]);
    expect(out("busybox", "id", { user: { uid: 65534 } })).toEqual(["uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)"]);
    expect(out("ubuntu:24.04", "id", { user: { uid: 1000, supplementalGroups: [2000] } })).toEqual(["uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),2000"]);
  });

  it("an image's USER applies when runAsUser is unset", () => {
    expect(out("curlimages/curl:8.11.0", "id; whoami")).toEqual(["uid=100(curl_user) gid=101(curl_group) groups=101(curl_group)", "curl_user"]);
    expect(out("busybox", "id", { user: { gid: 5000 } })).toEqual(["uid=0(root) gid=5000 groups=5000"]);
  });
});

describe("file ownership", () => {
  it("the task's ls -l: the fsGroup volume and the file the user writes in it", () => {
    const lines = out("busybox:1.28", "cd /data; ls -l; cd demo; echo hello > testfile; ls -l", taskPod());
    expect(lines).toEqual([
      "total 4",
      "drwxrwsrwx    2 root     2000          4096 Jun  6 20:08 demo",
      "total 4",
      "-rw-r--r--    1 1000     2000             6 Jun  6 20:08 testfile",
    ]);
  });

  it("files in the container's own layer belong to its uid and gid; names come from /etc/passwd", () => {
    expect(out("busybox", "touch /tmp/a; mkdir /tmp/d; ls -l /tmp", { user: { uid: 1000, gid: 3000 } })).toEqual([
      "total 4",
      "-rw-r--r--    1 1000     3000             0 Jun  6 20:08 a",
      "drwxr-xr-x    2 1000     3000          4096 Jun  6 20:08 d",
    ]);
    expect(out("busybox", "echo hi > /tmp/a; ls -ln /tmp/a; ls -l /tmp/a", { user: { uid: 65534 } })).toEqual([
      "-rw-r--r--    1 65534    65534            3 Jun  6 20:08 /tmp/a",
      "-rw-r--r--    1 nobody   nogroup          3 Jun  6 20:08 /tmp/a",
    ]);
  });

  it("a read-only volume's files show the fsGroup; writes there are refused by the mount first", () => {
    const config = { mountPath: "/etc/config", source: directory({ "app.conf": "x=1\n" }), readOnly: true, attributes: { gid: 2000, dirMode: 0o2777, fileMode: 0o644 } };
    expect(out("busybox", "ls -l /etc/config; ls -ld /etc/config; touch /etc/config/new", { user: { uid: 1000 }, mounts: [config] })).toEqual([
      "total 4",
      "-rw-r--r--    1 root     2000             4 Jun  6 20:08 app.conf",
      "drwxrwsrwx    2 root     2000          4096 Jun  6 20:08 /etc/config",
      "touch: /etc/config/new: Read-only file system",
    ]);
  });

  it("GNU ls aligns its columns", () => {
    expect(out("debian:12", "cd /tmp; echo hello > testfile; touch e; ls -l", { user: { uid: 1000, gid: 3000 } })).toEqual([
      "total 4",
      "-rw-r--r-- 1 1000 3000 0 Jun  6 20:08 e",
      "-rw-r--r-- 1 1000 3000 6 Jun  6 20:08 testfile",
    ]);
  });
});

describe("writes a non-root user may not make", () => {
  it("root-owned image directories refuse it with Permission denied, in busybox's words", () => {
    const lines = run("busybox", "echo x > /etc/x; touch /root/y; mkdir /usr/z; rm /etc/hostname; echo ok > /tmp/ok; cat /tmp/ok", { user: { uid: 1000 } });
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ["stderr", "sh: can't create /etc/x: Permission denied"],
      ["stderr", "touch: /root/y: Permission denied"],
      ["stderr", "mkdir: can't create directory '/usr/z': Permission denied"],
      ["stderr", "rm: can't remove '/etc/hostname': Permission denied"],
      ["stdout", "ok"],
    ]);
  });

  it("test -w answers as access(2) does", () => {
    expect(out("busybox", "[ -w /etc ] && echo w || echo no; [ -w /tmp ] && echo w || echo no", { user: { uid: 1000 } })).toEqual(["no", "w"]);
    expect(out("busybox", "[ -w /etc ] && echo w || echo no")).toEqual(["w"]);
    expect(out("busybox", "[ -w /etc ] && echo w || echo no", { readOnlyRootFilesystem: true })).toEqual(["no"]);
  });

  it("root may write anywhere; a non-root user may write its own files and a world-writable volume", () => {
    expect(out("busybox", "echo x > /etc/x && cat /etc/x")).toEqual(["x"]);
    const emptyDir = { mountPath: "/cache", source: directory({}, []), attributes: { gid: 0, dirMode: 0o777, fileMode: 0o644 } };
    expect(out("busybox", "echo a > /cache/f; echo b >> /cache/f; cat /cache/f", { user: { uid: 1000 }, mounts: [emptyDir] })).toEqual(["a", "b"]);
    const hostPath = { mountPath: "/host", source: directory({}, []), attributes: { gid: 0, dirMode: 0o755, fileMode: 0o644 } };
    expect(out("busybox", "echo a > /host/f 2>&1 || echo refused", { user: { uid: 1000 }, mounts: [hostPath] })).toEqual(["sh: can't create /host/f: Permission denied", "refused"]);
  });
});

describe("readOnlyRootFilesystem", () => {
  it("writes outside writable mounts fail with Read-only file system, even for root", () => {
    const cache = { mountPath: "/cache", source: directory({}, []) };
    const lines = run("busybox", "touch /newfile; echo x > /tmp/x; mkdir /d; echo ok > /cache/ok; cat /cache/ok", { readOnlyRootFilesystem: true, mounts: [cache] });
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ["stderr", "touch: /newfile: Read-only file system"],
      ["stderr", "sh: can't create /tmp/x: Read-only file system"],
      ["stderr", "mkdir: can't create directory '/d': Read-only file system"],
      ["stdout", "ok"],
    ]);
  });
});

describe("nginx that cannot run as its image means it to", () => {
  const nginx = (extra: Partial<ProcessSpec>) => startProcess({ image: "nginx:1.27", env: {}, hostname: "web", ...extra }, T0);
  const stderr = (p: ReturnType<typeof nginx>) => p.output(0, 1e9).filter((l) => l.stream === "stderr").map((l) => l.text);
  const stdout = (p: ReturnType<typeof nginx>) => p.output(0, 1e9).filter((l) => l.stream === "stdout").map((l) => l.text);

  it("as a non-root user: the entrypoint cannot modify default.conf, nginx ignores `user` and cannot make its cache, exit 1", () => {
    const p = nginx({ user: { uid: 1000 } });
    expect(stdout(p)).toContain("10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)");
    const user = `the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2`;
    const mkdir = `mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)`;
    expect(stderr(p)).toEqual([`2024/06/06 20:08:00 [warn] 1#1: ${user}`, `nginx: [warn] ${user}`, `2024/06/06 20:08:00 [emerg] 1#1: ${mkdir}`, `nginx: [emerg] ${mkdir}`]);
    expect(p.exit).toMatchObject({ code: 1, reason: "Error" });
  });

  it("on a read-only root filesystem: Read-only file system, until its cache and run directories are writable volumes", () => {
    const p = nginx({ readOnlyRootFilesystem: true });
    expect(stderr(p)).toEqual([
      `2024/06/06 20:08:00 [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)`,
      `nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)`,
    ]);
    const emptyDir = (mountPath: string) => ({ mountPath, source: directory({}, []), attributes: { gid: 0, dirMode: 0o777, fileMode: 0o644 } });
    const cacheOnly = nginx({ readOnlyRootFilesystem: true, mounts: [emptyDir("/var/cache/nginx")] });
    expect(stderr(cacheOnly)[0]).toBe(`2024/06/06 20:08:00 [emerg] 1#1: open() "/var/run/nginx.pid" failed (30: Read-only file system)`);
    const both = nginx({ readOnlyRootFilesystem: true, mounts: [emptyDir("/var/cache/nginx"), emptyDir("/var/run")] });
    expect(both.exit).toBeUndefined();
    expect(both.httpGet(80, "/", 1000)?.status).toBe(200);
  });
});
