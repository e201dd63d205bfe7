// A pod's volumes on its page: each source (never a Secret's values) and each container's mounts.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { PodVolumes, podVolumesView } from "../../../src/dashboard/kind-views/pod-volumes";
import { kindViewOf } from "../../../src/dashboard/kind-views/registry";
import { fakeClient, html, kindDef, pageContext, tableAfter, text } from "./render";

const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "shop" }, spec });

// The kubernetes.io shared-volume example, with a volume of each other source.
const shared = pod({
  volumes: [
    { name: "shared-data", emptyDir: {} },
    { name: "cache", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } },
    { name: "logs", hostPath: { path: "/var/log/web", type: "DirectoryOrCreate" } },
    { name: "config", configMap: { name: "web-config" } },
    { name: "creds", secret: { secretName: "db-creds", items: [{ key: "password", path: "pw" }] } },
    { name: "data", persistentVolumeClaim: { claimName: "www-web-0" } },
    { name: "kube-api-access-x7k2p", projected: { sources: [{ serviceAccountToken: { path: "token", expirationSeconds: 3607 } }, { configMap: { name: "kube-root-ca.crt" } }, { downwardAPI: { items: [{ path: "namespace", fieldRef: { fieldPath: "metadata.namespace" } }] } }] } },
    { name: "unused", emptyDir: {} },
  ],
  initContainers: [{ name: "init", image: "busybox", volumeMounts: [{ name: "shared-data", mountPath: "/work-dir" }] }],
  containers: [
    {
      name: "nginx-container",
      image: "nginx",
      volumeMounts: [
        { name: "shared-data", mountPath: "/usr/share/nginx/html" },
        { name: "config", mountPath: "/etc/nginx/conf.d/default.conf", subPath: "default.conf", readOnly: true },
        { name: "creds", mountPath: "/etc/creds", readOnly: true },
        { name: "data", mountPath: "/data" },
        { name: "kube-api-access-x7k2p", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true },
      ],
    },
    { name: "debian-container", image: "debian", volumeMounts: [{ name: "shared-data", mountPath: "/pod-data" }, { name: "cache", mountPath: "/cache" }, { name: "logs", mountPath: "/logs" }] },
  ],
});

describe("a pod's volumes", () => {
  it("shows each volume's source and where each container mounts it", async () => {
    const rows = tableAfter(await html(PodVolumes, { ctx: pageContext(), pod: shared }), "Volumes");
    expect(rows).toEqual([
      ["shared-data", "emptyDir", "init container init at /work-dir, read-write nginx-container at /usr/share/nginx/html, read-write debian-container at /pod-data, read-write"],
      ["cache", "emptyDir (in memory, size limit 64Mi)", "debian-container at /cache, read-write"],
      ["logs", "hostPath /var/log/web (DirectoryOrCreate)", "debian-container at /logs, read-write"],
      ["config", "ConfigMap web-config", "nginx-container at /etc/nginx/conf.d/default.conf (subPath default.conf), read-only"],
      ["creds", "Secret db-creds", "nginx-container at /etc/creds, read-only"],
      ["data", "PersistentVolumeClaim www-web-0", "nginx-container at /data, read-write"],
      ["kube-api-access-x7k2p", "projected: service account token at token; ConfigMap kube-root-ca.crt; pod fields (namespace)", "nginx-container at /var/run/secrets/kubernetes.io/serviceaccount, read-only"],
      ["unused", "emptyDir", "not mounted"],
    ]);
  });

  it("links the ConfigMap, the Secret (whose page masks its values) and the claim to their pages", async () => {
    const markup = await html(PodVolumes, { ctx: pageContext(), pod: shared });
    expect(markup).toContain('href="../../../../objects/core~v1/configmaps/shop/web-config"');
    expect(markup).toContain('href="../../../../objects/core~v1/secrets/shop/db-creds"');
    expect(markup).toContain('href="../../../../objects/core~v1/persistentvolumeclaims/shop/www-web-0"');
  });

  it("reads nothing but the pod: a Secret's values are never fetched, so never shown", async () => {
    const { client, asked } = fakeClient();
    const markup = await html(await podVolumesView.sections(pageContext(client), shared));
    expect(asked).toEqual([]);
    // The keys a volume projects are not shown either, only the Secret's name.
    expect(text(markup)).not.toContain("password");
  });

  it("a pod without volumes, spec or status renders a note", async () => {
    expect(text(await html(PodVolumes, { ctx: pageContext(), pod: pod({ containers: [{ name: "c" }] }) }))).toBe("Volumes This pod has no volumes.");
    const bare: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "bare" } };
    expect(text(await html(PodVolumes, { ctx: pageContext(), pod: bare }))).toBe("Volumes This pod has no volumes.");
  });

  it("is the pod kind's view in the registry, keyed by group and kind", () => {
    expect(kindViewOf(kindDef("", "pods"))).toBe(podVolumesView);
    expect(kindViewOf(kindDef("", "configmaps"))).toBeUndefined();
  });
});
