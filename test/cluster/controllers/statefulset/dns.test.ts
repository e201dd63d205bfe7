// Stable network identity: with the headless Service nginx governing it, a StatefulSet pod is `web-0.nginx` in the
// cluster DNS once it is Ready (CoreDNS publishes the endpoint by the pod's hostname and subdomain).
import { describe, expect, it } from "vitest";
import { nodeCluster } from "../../../helpers/node-cluster";
import { create, get, ns, stsPath, webSet } from "./helpers";

const headless = { apiVersion: "v1", kind: "Service", metadata: { name: "nginx", labels: { app: "nginx" } }, spec: { clusterIP: "None", selector: { app: "web" }, ports: [{ port: 80, name: "web" }] } };

function lookup(name: string, target: string) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.28", command: ["nslookup", target] }] } };
}

describe("StatefulSet DNS", () => {
  it("resolves web-0.nginx to web-0's address once web-0 is Ready", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, `${ns}/services`, headless);
    await create(cluster, stsPath, webSet("web", { replicas: 2 }));
    cluster.runUntilIdle();
    const web0 = await get(cluster, `${ns}/pods/web-0`);

    await create(cluster, `${ns}/pods`, lookup("lookup", "web-0.nginx"));
    cluster.runUntilIdle();
    const pod = await get(cluster, `${ns}/pods/lookup`);
    expect(pod.status.phase).toBe("Succeeded");
    const log = await (await cluster.request(`${ns}/pods/lookup/log`)).text();
    expect(log).toContain("web-0.nginx.default.svc.cluster.local");
    expect(log).toContain(web0.status.podIP);
  });
});
