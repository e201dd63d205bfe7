// redis-server given a config file (the kubernetes.io "Configuring Redis using a ConfigMap" tutorial) reads it.
import { describe, expect, it } from "vitest";
import { startProcess } from "../../src/container-sim/index";
import { directory } from "./directories";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const redis = (conf: string | undefined, args: string[] = []) =>
  startProcess(
    {
      image: "redis:8.0.2",
      command: ["redis-server", "/redis-master/redis.conf", ...args],
      env: { MASTER: "true" },
      hostname: "redis",
      mounts: conf === undefined ? [] : [{ mountPath: "/redis-master", source: directory({ "redis.conf": conf }) }],
    },
    T0,
  );

describe("redis-server with a config file", () => {
  it("applies maxmemory and maxmemory-policy, shown by CONFIG GET", () => {
    const p = redis("maxmemory 2mb\nmaxmemory-policy allkeys-lru\n");
    expect(p.exit).toBeUndefined();
    expect(p.output(0, 1e9).map((l) => l.text)).toContain(p.output(0, 1e9).find((l) => l.text.endsWith("* Configuration loaded"))?.text);
    expect(p.exec(["redis-cli", "CONFIG", "GET", "maxmemory"], 60_000).stdout).toBe("maxmemory\n2097152\n");
    expect(p.exec(["redis-cli", "CONFIG", "GET", "maxmemory-policy"], 60_000).stdout).toBe("maxmemory-policy\nallkeys-lru\n");
  });

  it("an empty config keeps the defaults", () => {
    const p = redis("");
    expect(p.exec(["redis-cli", "CONFIG", "GET", "maxmemory*"], 60_000).stdout).toBe("maxmemory\n0\nmaxmemory-policy\nnoeviction\n");
  });

  it("a missing config file is fatal", () => {
    const p = redis(undefined);
    expect(p.exit).toMatchObject({ code: 1 });
    expect(p.output(0, 1e9).map((l) => l.text)).toContain("Fatal error, can't open config file '/redis-master/redis.conf': No such file or directory");
  });
});
