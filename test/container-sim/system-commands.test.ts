// busybox's system applets inside a container: their layouts, and values coherent with the pod.
import { describe, expect, it } from "vitest";
import { startProcess, type ProcessSpec } from "../../src/container-sim/index";
import type { ContainerNetwork } from "../../src/container-sim/network";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const network: ContainerNetwork = {
  connect: () => ({ kind: "refused" }),
  dns: (_server, q) =>
    q.name === "web.default.svc.cluster.local"
      ? { rcode: "NOERROR", answers: [{ name: q.name, type: "A", ttl: 30, data: "10.96.12.34" }] }
      : q.name === "db-0.db.default.svc.cluster.local"
        ? { rcode: "NOERROR", answers: [{ name: q.name, type: "A", ttl: 30, data: "10.244.1.7" }] }
        : { rcode: "NXDOMAIN", answers: [] },
};
const spec = (extra: Partial<ProcessSpec> = {}): ProcessSpec => ({
  image: "busybox:1.36",
  command: ["sleep", "3600"],
  env: {},
  hostname: "bb",
  podIP: "10.244.1.5",
  network,
  files: { "/etc/resolv.conf": "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n" },
  ...extra,
});
const exec = (command: string[], atMs = 90_000, extra: Partial<ProcessSpec> = {}) => startProcess(spec(extra), T0).exec(command, atMs);

describe("busybox system applets", () => {
  it("ps and ps aux: PID USER TIME COMMAND, PID 1 the container's command", () => {
    const expected = "PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n";
    expect(exec(["ps"]).stdout).toBe(expected);
    expect(exec(["ps", "aux"]).stdout).toBe(expected.replace("0:00 ps\n", "0:00 ps aux\n"));
  });

  it("GNU ps in a Debian image", () => {
    const out = exec(["ps"], 1000, { image: "debian:12" }).stdout;
    expect(out).toBe("    PID TTY          TIME CMD\n      1 ?        00:00:00 sleep\n      7 ?        00:00:00 ps\n");
  });

  it("df and df -h list the overlay root and the runtime's files", () => {
    const out = exec(["df"]).stdout.split("\n");
    expect(out[0]).toBe("Filesystem           1K-blocks      Used Available Use% Mounted on");
    expect(out[1]).toMatch(/^overlay\s+\d+\s+\d+\s+\d+\s+\d+% \/$/);
    expect(out.some((l) => l.endsWith(" /etc/hosts"))).toBe(true);
    const human = exec(["df", "-h"]).stdout.split("\n");
    expect(human[0]).toBe("Filesystem                Size      Used Available Use% Mounted on");
    expect(human[1]).toMatch(/^overlay\s+97\.9G\s+17\.5G\s+80\.4G\s+18% \/$/);
  });

  it("mount lists filesystems as `src on target type t (options)`", () => {
    const out = exec(["mount"]).stdout;
    expect(out.split("\n")[0]).toMatch(/^overlay on \/ type overlay \(rw,relatime,lowerdir=/);
    expect(out).toContain("proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n");
  });

  it("ping -c answers for a pod, not for a Service's ClusterIP, and says bad address for an unknown name", () => {
    const pod = exec(["ping", "-c", "2", "db-0.db"]);
    expect(pod.exitCode).toBe(0);
    expect(pod.stdout).toMatch(/^PING db-0\.db \(10\.244\.1\.7\): 56 data bytes\n64 bytes from 10\.244\.1\.7: seq=0 ttl=63 time=0\.\d{3} ms\n64 bytes from 10\.244\.1\.7: seq=1 ttl=63 time=/);
    expect(pod.stdout).toContain("\n--- db-0.db ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = ");
    const svc = exec(["ping", "-c", "3", "web"]);
    expect(svc.exitCode).toBe(1);
    expect(svc.stdout).toBe("PING web (10.96.12.34): 56 data bytes\n\n--- web ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n");
    expect(exec(["ping", "-c", "1", "nope"])).toMatchObject({ exitCode: 1, stderr: "ping: bad address 'nope'\n" });
  });

  it("sysctl -a, a key, an unknown key", () => {
    expect(exec(["sysctl", "-a"]).stdout).toContain("net.ipv4.ip_forward = 1\n");
    expect(exec(["sysctl", "kernel.hostname"]).stdout).toBe("kernel.hostname = bb\n");
    expect(exec(["sysctl", "net.ipv4.ip_local_port_range"]).stdout).toBe("net.ipv4.ip_local_port_range = 32768\t60999\n");
    expect(exec(["sysctl", "kernel.nope"])).toMatchObject({ exitCode: 1, stderr: "sysctl: error: 'kernel.nope' is an unknown key\n" });
  });

  it("free and free -m", () => {
    const out = exec(["free"]).stdout.split("\n");
    expect(out[0]).toBe("              total        used        free      shared  buff/cache   available");
    expect(out[1]).toBe("Mem:        8039756     1912344     3826292        4568     2301120     6127412");
    expect(exec(["free", "-m"]).stdout.split("\n")[1]).toBe("Mem:           7851        1867        3736           4        2247        5983");
  });

  it("top -b -n1 shows the header and the container's processes", () => {
    const out = exec(["top", "-b", "-n1"]).stdout.split("\n");
    expect(out[0]).toMatch(/^Mem: \d+K used, \d+K free, /);
    expect(out[1]).toBe("CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq");
    expect(out[3]).toBe("  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND");
    expect(out[4]).toMatch(/^    1     0 root     S .* sleep 3600$/);
    expect(out[5]).toMatch(/ top -b -n1$/);
  });

  it("uptime counts from the container's start", () => {
    expect(exec(["uptime"], 90_000).stdout).toBe(" 12:01:30 up 1 min,  0 users,  load average: 0.00, 0.00, 0.00\n");
    expect(exec(["uptime"], 3_900_000, { command: ["sleep", "86400"] }).stdout).toBe(" 13:05:00 up  1:05,  0 users,  load average: 0.00, 0.00, 0.00\n");
  });

  it("ip addr and ip route show the pod's address and its node's gateway; hostname -i the IP", () => {
    const addr = exec(["ip", "addr"]).stdout;
    expect(addr).toContain("    inet 10.244.1.5/24 brd 10.244.1.255 scope global eth0\n");
    expect(addr).toContain("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n");
    expect(exec(["ip", "route"]).stdout).toBe("default via 10.244.1.1 dev eth0 \n10.244.1.0/24 dev eth0 scope link  src 10.244.1.5 \n");
    expect(exec(["hostname", "-i"]).stdout).toBe("10.244.1.5\n");
    expect(exec(["hostname"]).stdout).toBe("bb\n");
  });

  it("a script in the container uses them too", () => {
    const p = startProcess(spec({ command: ["sh", "-c", "ps; hostname -i"] }), T0);
    expect(p.output(0, 1e9).map((l) => l.text)).toEqual(["PID   USER     TIME  COMMAND", "    1 root      0:00 sh -c ps; hostname -i", "    7 root      0:00 ps", "10.244.1.5"]);
  });
});
