// What a pod or Service charges a quota (PodUsageFunc, the service evaluator), scope matching and the quantities'
// printed form, as Kubernetes computes them.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../../src/api/schemas";
import type { ResourceQuota } from "../../../../src/api/schemas/core/resourcequota";
import type { Service } from "../../../../src/api/schemas/core/service";
import { podConstraintError, podInScope, podUsage, prettyPrint, serviceUsage, toResourceList } from "../../../../src/cluster/registry/resourcequotas/usage";

const now = Date.parse("2026-01-01T00:00:00Z");
type C = { name: string; requests?: Record<string, string>; limits?: Record<string, string>; restartPolicy?: string };
function pod(containers: C[], init: C[] = [], extra: Partial<NonNullable<Pod["spec"]>> = {}, status?: Pod["status"]): Pod {
  const container = ({ name, requests, limits, restartPolicy }: C) => ({ name, image: "nginx", resources: { requests, limits }, ...(restartPolicy ? { restartPolicy } : {}) });
  return { metadata: { name: "p" }, spec: { containers: containers.map(container), initContainers: init.map(container), ...extra }, status } as Pod;
}

describe("quota usage", () => {
  it("sums containers, takes the init peak (an init container with the sidecars started before it) when larger, prints quantities as Kubernetes does", () => {
    const usage = podUsage(pod(
      [{ name: "a", requests: { cpu: "250m", memory: "1Gi" }, limits: { memory: "1Gi" } }, { name: "b", requests: { cpu: "1", memory: "512Mi" } }],
      [{ name: "init", requests: { cpu: "2" } }, { name: "side", requests: { cpu: "100m" }, restartPolicy: "Always" }],
    ), now);
    expect(toResourceList(usage)).toEqual({
      "count/pods": "1", pods: "1", cpu: "2", "requests.cpu": "2", memory: "1536Mi", "requests.memory": "1536Mi", "limits.memory": "1Gi",
    });
    expect(prettyPrint(new Map([...usage].filter(([n]) => n.startsWith("requests."))))).toBe("requests.cpu=2,requests.memory=1536Mi");
  });

  it("charges a pod in a terminal phase, or past its deletion grace, only its object count", () => {
    const c = [{ name: "a", requests: { cpu: "1" } }];
    expect(toResourceList(podUsage(pod(c, [], {}, { phase: "Succeeded" }), now))).toEqual({ "count/pods": "1" });
    const deleted = pod(c);
    deleted.metadata.deletionTimestamp = "2025-12-31T23:59:00Z";
    deleted.metadata.deletionGracePeriodSeconds = 30;
    expect(toResourceList(podUsage(deleted, now))).toEqual({ "count/pods": "1" });
    deleted.metadata.deletionGracePeriodSeconds = 120;
    expect(toResourceList(podUsage(deleted, now))["requests.cpu"]).toBe("1");
  });

  it("charges Services their node ports and load balancers", () => {
    const svc = (spec: Service["spec"]) => ({ metadata: { name: "s" }, spec }) as Service;
    const ports = [{ port: 80 }, { port: 81, nodePort: 30081 }];
    expect(toResourceList(serviceUsage(svc({ ports })))).toEqual({ "count/services": "1", services: "1" });
    expect(toResourceList(serviceUsage(svc({ type: "NodePort", ports })))["services.nodeports"]).toBe("2");
    expect(toResourceList(serviceUsage(svc({ type: "LoadBalancer", ports, allocateLoadBalancerNodePorts: false })))).toMatchObject({ "services.nodeports": "1", "services.loadbalancers": "1" });
  });

  it("matches scopes: Terminating, BestEffort, PriorityClass In/NotIn/Exists", () => {
    const quota = (spec: ResourceQuota["spec"]) => ({ metadata: { name: "q" }, spec }) as ResourceQuota;
    const bestEffort = pod([{ name: "a" }]);
    const burstable = pod([{ name: "a", requests: { cpu: "1" } }], [], { activeDeadlineSeconds: 10, priorityClassName: "high" });
    expect(podInScope(bestEffort, quota({ scopes: ["BestEffort", "NotTerminating"] }))).toBe(true);
    expect(podInScope(burstable, quota({ scopes: ["BestEffort"] }))).toBe(false);
    expect(podInScope(burstable, quota({ scopes: ["NotBestEffort", "Terminating"] }))).toBe(true);
    const pc = (operator: string, values?: string[]) => quota({ scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator, values }] } });
    expect(podInScope(burstable, pc("In", ["high"]))).toBe(true);
    expect(podInScope(bestEffort, pc("In", ["high"]))).toBe(false);
    expect(podInScope(bestEffort, pc("NotIn", ["high"]))).toBe(true);
    expect(podInScope(bestEffort, pc("Exists"))).toBe(false);
    expect(podInScope(burstable, pc("Exists"))).toBe(true);
  });

  it("names the containers missing a constrained resource, init containers included, sorted", () => {
    const p = pod([{ name: "web", requests: { cpu: "1", memory: "1Gi" } }, { name: "api" }], [{ name: "setup", limits: { cpu: "1" } }]);
    expect(podConstraintError(p, ["requests.memory", "limits.cpu", "pods", "requests.ephemeral-storage"])).toBe(
      "must specify limits.cpu for: api,web; requests.memory for: api,setup",
    );
    expect(podConstraintError(p, ["pods", "count/pods"])).toBeUndefined();
  });
});
