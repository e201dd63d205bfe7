// A StatefulSet's page (apps/v1 as Kubernetes 1.33 serves it), rendered from plain objects: READY x/y, pods by
// ordinal with their claims, the claims of ordinals scaled away.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { kindViewOf } from "../../../src/dashboard/kind-views/registry";
import { ordinalRows, statefulSetView, StatefulSetSections } from "../../../src/dashboard/kind-views/stateful-set";
import { liveKinds } from "../../../src/dashboard/live";
import { catalog, fakeClient, html, kindDef, pageContext, tableAfter, text } from "./render";

// The kubernetes.io StatefulSet basics tutorial's `web`, scaled from 3 to 2 (www-web-2 kept), partitioned at 1.
const web: KubeObject = {
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "web", namespace: "default", uid: "sts-uid" },
  spec: {
    replicas: 2,
    serviceName: "nginx",
    selector: { matchLabels: { app: "nginx" } },
    updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 1 } },
    volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
  },
  status: { replicas: 2, readyReplicas: 1, currentRevision: "web-6d8f9c7b5", updateRevision: "web-7c9b8d6f4" },
};

const owned = { ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "sts-uid", controller: true }] };
const pod = (name: string, meta: Record<string, unknown> = owned): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", ...meta } });
const claim = (name: string, phase?: string): KubeObject => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name, namespace: "default" },
  ...(phase ? { status: { phase } } : {}),
});

describe("StatefulSet", () => {
  it("lists each ordinal with its pod's status and its claims, and the kept claim of an ordinal scaled away", async () => {
    const pods = [
      { object: pod("web-1"), state: { label: "ContainerCreating", tone: "creating" as const } },
      { object: pod("web-0"), state: { label: "Running", tone: "running" as const } },
      // Same prefix, not the set's: another StatefulSet's pod or a bare pod.
      { object: pod("web-10", {}), state: { label: "Running", tone: "running" as const } },
    ];
    const claims = [claim("www-web-0", "Bound"), claim("www-web-1", "Pending"), claim("www-web-2", "Bound"), claim("www-webapp-0", "Bound")];
    const markup = await html(StatefulSetSections, { ctx: pageContext(), set: web, rows: ordinalRows(web, pods, claims) });
    expect(tableAfter(markup, "Pods by ordinal")).toEqual([
      ["0", "web-0", "Running", "www-web-0 Bound"],
      ["1", "web-1", "ContainerCreating", "www-web-1 Pending"],
      ["2", "web-2", "no pod (scaled down)", "www-web-2 Bound"],
    ]);
    const shown = text(markup);
    expect(shown).toContain("Ready 1/2");
    expect(shown).toContain("Service nginx");
    expect(shown).toContain("Update strategy RollingUpdate (partition 1: ordinals from 1 are updated)");
    expect(shown).toContain("Revisions web-6d8f9c7b5 → web-7c9b8d6f4");
    expect(shown).toContain("Claims kept when deleted: Retain, when scaled down: Retain");
    expect(markup).toContain('href="../../../../objects/core~v1/pods/default/web-0"');
    expect(markup).toContain('href="../../../../objects/core~v1/persistentvolumeclaims/default/www-web-2"');
  });

  it("reads the namespace's printed pods and claims, and updates live when a claim changes", async () => {
    const { client, asked } = fakeClient({ "/api/v1/namespaces/default/pods": [pod("web-0")], "/api/v1/namespaces/default/persistentvolumeclaims": [claim("www-web-0")] });
    const markup = await html(await statefulSetView.sections(pageContext(client), web));
    expect(asked.sort()).toEqual(["/api/v1/namespaces/default/persistentvolumeclaims", "/api/v1/namespaces/default/pods"]);
    expect(tableAfter(markup, "Pods by ordinal")).toEqual([
      ["0", "web-0", "Unknown", "www-web-0"],
      ["1", "web-1", "not created yet", "www-web-1 (not created yet)"],
    ]);
    expect(liveKinds(catalog, "objects", kindDef("apps", "statefulsets")).map((d) => d.resource)).toContain("persistentvolumeclaims");
    expect(kindViewOf(kindDef("apps", "statefulsets"))).toBe(statefulSetView);
  });

  it("a StatefulSet without templates, status or spec renders", async () => {
    const bare: KubeObject = { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db", namespace: "default", uid: "u" } };
    const markup = await html(StatefulSetSections, { ctx: pageContext(), set: bare, rows: ordinalRows(bare, [], []) });
    expect(text(markup)).toContain("Ready 0/1");
    expect(tableAfter(markup, "Pods by ordinal")).toEqual([["0", "db-0", "not created yet"]]);
    const zero = { ...bare, spec: { replicas: 0 } } as KubeObject;
    expect(text(await html(StatefulSetSections, { ctx: pageContext(), set: zero, rows: ordinalRows(zero, [], []) }))).toContain("No pods: the StatefulSet is scaled to zero.");
  });
});
