import { describe, expect, it } from "vitest";
import { ConfigError, expandVars, fieldRefValue, resolveEnv, resourceFieldValue, type PodSources } from "../../../src/cluster/kubelet/env";
import type { Mount } from "../../../src/cluster/kubelet/runtime-port";
import { missingVolumeSource, volumeMounts } from "../../../src/cluster/kubelet/volumes";
import { standInSources } from "./stand-in-sources";

const pod = {
  metadata: { name: "web", namespace: "shop", uid: "u-1", labels: { app: "web", tier: "front" }, annotations: { note: "hi" } },
  spec: { nodeName: "worker-1", serviceAccountName: "default", containers: [] as any[] },
  status: { podIP: "10.244.1.5", hostIP: "172.18.0.3" },
};

function sources(configMaps: Record<string, Record<string, string>> = {}, secrets: Record<string, Record<string, string>> = {}): PodSources {
  return standInSources({ configMaps, secrets });
}

describe("expandVars", () => {
  it("expands defined names, keeps unknown ones and unescapes $$", () => {
    expect(expandVars("$(A)-$(B)-$$(A)", { A: "x" })).toBe("x-$(B)-$(A)");
  });
});

describe("resolveEnv", () => {
  it("applies envFrom with prefix first, then env with expansion of earlier values", () => {
    const container = {
      name: "app",
      envFrom: [{ configMapRef: { name: "cfg" }, prefix: "CFG_" }],
      env: [
        { name: "GREETING", value: "hello $(CFG_WHO)" },
        { name: "PASS", valueFrom: { secretKeyRef: { name: "creds", key: "password" } } },
        { name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
        { name: "TIER", valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
        { name: "IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
      ],
    };
    const env = resolveEnv(pod, container, sources({ cfg: { WHO: "world" } }, { creds: { password: "s3cret" } }));
    expect(env).toEqual({ CFG_WHO: "world", GREETING: "hello world", PASS: "s3cret", POD: "web", TIER: "front", IP: "10.244.1.5" });
  });

  it("reports a missing ConfigMap with the kubelet's message and skips optional ones", () => {
    const container = { name: "app", env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "missing", key: "a" } } }] };
    expect(() => resolveEnv(pod, container, sources())).toThrow(new ConfigError('configmap "missing" not found'));
    const optional = { name: "app", env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "missing", key: "a", optional: true } } }] };
    expect(resolveEnv(pod, optional, sources())).toEqual({});
  });

  it("reports a missing key of a Secret", () => {
    const container = { name: "app", env: [{ name: "A", valueFrom: { secretKeyRef: { name: "s", key: "nope" } } }] };
    expect(() => resolveEnv(pod, container, sources({}, { s: {} }))).toThrow("couldn't find key nope in Secret shop/s");
  });
});

describe("resourceFieldValue", () => {
  it("rounds up by the divisor and reads unset limits as the node's allocatable", () => {
    const container = { name: "app", resources: { limits: { memory: "64Mi" }, requests: { cpu: "250m" } } };
    expect(resourceFieldValue(container, { resource: "limits.memory", divisor: "1Mi" }, { cpu: "2" })).toBe("64");
    expect(resourceFieldValue(container, { resource: "requests.cpu" }, {})).toBe("1");
    expect(resourceFieldValue(container, { resource: "requests.cpu", divisor: "1m" }, {})).toBe("250");
    expect(resourceFieldValue(container, { resource: "limits.cpu" }, { cpu: "2" })).toBe("2");
  });
});

describe("fieldRefValue", () => {
  it("formats all labels as sorted key=\"value\" lines", () => {
    expect(fieldRefValue(pod, "metadata.labels")).toBe('app="web"\ntier="front"');
    expect(fieldRefValue(pod, "spec.nodeName")).toBe("worker-1");
  });
});

describe("mounted files", () => {
  it("mounts ConfigMap keys, selected items and downward API files under the mount path", () => {
    const p = {
      ...pod,
      spec: {
        ...pod.spec,
        volumes: [
          { name: "cfg", configMap: { name: "cfg" } },
          { name: "one", configMap: { name: "cfg", items: [{ key: "a", path: "renamed" }] } },
          { name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
        ],
      },
    };
    const container = { name: "app", volumeMounts: [{ name: "cfg", mountPath: "/etc/cfg" }, { name: "one", mountPath: "/one/" }, { name: "info", mountPath: "/info" }] };
    const mounts = volumeMounts(p, container, sources({ cfg: { a: "1", b: "2" } }));
    expect(mounts.map((m) => m.mountPath)).toEqual(["/etc/cfg", "/one/", "/info"]);
    expect(filesOf(mounts)).toEqual({
      "/etc/cfg/a": "1",
      "/etc/cfg/b": "2",
      "/one/renamed": "1",
      "/info/labels": 'app="web"\ntier="front"',
    });
  });

  it("mounts one file by subPath, read-only, and nothing for volume types it does not know yet", () => {
    const p = { ...pod, spec: { ...pod.spec, volumes: [{ name: "cfg", configMap: { name: "cfg" } }, { name: "claim", persistentVolumeClaim: { claimName: "data" } }] } };
    const container = { name: "app", volumeMounts: [{ name: "cfg", mountPath: "/etc/app.conf", subPath: "b" }, { name: "claim", mountPath: "/data" }] };
    const mounts = volumeMounts(p, container, sources({ cfg: { a: "1", b: "2" } }));
    expect(mounts).toHaveLength(1);
    expect(mounts[0]).toMatchObject({ mountPath: "/etc/app.conf", subPath: "b", readOnly: true });
    expect(mounts[0]!.source.read("b", 0)).toBe("2");
  });

  it("finds a missing volume source", () => {
    const p = { ...pod, spec: { ...pod.spec, volumes: [{ name: "s", secret: { secretName: "tls" } }] } };
    expect(missingVolumeSource(p, sources())).toEqual({ volume: "s", message: 'secret "tls" not found' });
  });
});

/** Every file the mounts show, by absolute path (subPath mounts not included). */
function filesOf(mounts: Mount[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (m: Mount, dir: string) => {
    for (const name of m.source.list(dir, 0)) {
      const inner = dir ? `${dir}/${name}` : name;
      if (m.source.kind(inner, 0) === "dir") walk(m, inner);
      else out[`${m.mountPath.replace(/\/$/, "")}/${inner}`] = m.source.read(inner, 0)!;
    }
  };
  for (const m of mounts) walk(m, "");
  return out;
}
