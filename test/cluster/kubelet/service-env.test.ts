// The Service variables of a container's environment (Docker links), and their place among the container's own.
import { describe, expect, it } from "vitest";
import type { Container, Pod, Service } from "../../../src/api/schemas";
import { resolveEnv, expandCommand } from "../../../src/cluster/kubelet/env";
import { serviceEnv } from "../../../src/cluster/kubelet/service-env";
import { standInSources } from "./stand-in-sources";

function service(namespace: string, name: string, spec: Service["spec"], created = "2025-01-01T00:00:00Z"): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace, creationTimestamp: created }, spec } as Service;
}

const kubernetes = service("default", "kubernetes", { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] });
const kubernetesVars = {
  KUBERNETES_SERVICE_HOST: "10.96.0.1",
  KUBERNETES_SERVICE_PORT: "443",
  KUBERNETES_SERVICE_PORT_HTTPS: "443",
  KUBERNETES_PORT: "tcp://10.96.0.1:443",
  KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
  KUBERNETES_PORT_443_TCP_PROTO: "tcp",
  KUBERNETES_PORT_443_TCP_PORT: "443",
  KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
};

function pod(namespace = "shop", spec: Partial<Pod["spec"]> = {}): Pod {
  return { metadata: { name: "p", namespace, uid: "u" }, spec: { containers: [], ...spec } } as unknown as Pod;
}

const lookup = (list: Service[]) => (ns: string) => list.filter((s) => s.metadata.namespace === ns);

describe("serviceEnv", () => {
  it("gives every pod the kubernetes Service's variables, in the kubelet's order", () => {
    const env = serviceEnv(pod(), lookup([kubernetes]));
    expect(env).toEqual(kubernetesVars);
    expect(Object.keys(env)).toEqual(Object.keys(kubernetesVars));
  });

  it("adds the namespace's Services: an unnamed first port, named ports, several ports and protocols", () => {
    const web = service("shop", "my-nginx", { clusterIP: "10.96.12.34", ports: [{ port: 80, protocol: "TCP", targetPort: 80 }] });
    const dns = service("shop", "dns.v2", {
      clusterIP: "10.96.0.53",
      ports: [
        { name: "dns", port: 53, protocol: "UDP" },
        { name: "dns-tcp", port: 53, protocol: "TCP" },
      ],
    });
    const env = serviceEnv(pod(), lookup([kubernetes, web, dns]));
    expect(Object.entries(env).filter(([k]) => k.startsWith("MY_NGINX"))).toEqual([
      ["MY_NGINX_SERVICE_HOST", "10.96.12.34"],
      ["MY_NGINX_SERVICE_PORT", "80"],
      ["MY_NGINX_PORT", "tcp://10.96.12.34:80"],
      ["MY_NGINX_PORT_80_TCP", "tcp://10.96.12.34:80"],
      ["MY_NGINX_PORT_80_TCP_PROTO", "tcp"],
      ["MY_NGINX_PORT_80_TCP_PORT", "80"],
      ["MY_NGINX_PORT_80_TCP_ADDR", "10.96.12.34"],
    ]);
    expect(Object.entries(env).filter(([k]) => k.startsWith("DNS_V2"))).toEqual([
      ["DNS_V2_SERVICE_HOST", "10.96.0.53"],
      ["DNS_V2_SERVICE_PORT", "53"],
      ["DNS_V2_SERVICE_PORT_DNS", "53"],
      ["DNS_V2_SERVICE_PORT_DNS_TCP", "53"],
      ["DNS_V2_PORT", "udp://10.96.0.53:53"],
      ["DNS_V2_PORT_53_UDP", "udp://10.96.0.53:53"],
      ["DNS_V2_PORT_53_UDP_PROTO", "udp"],
      ["DNS_V2_PORT_53_UDP_PORT", "53"],
      ["DNS_V2_PORT_53_UDP_ADDR", "10.96.0.53"],
      ["DNS_V2_PORT_53_TCP", "tcp://10.96.0.53:53"],
      ["DNS_V2_PORT_53_TCP_PROTO", "tcp"],
      ["DNS_V2_PORT_53_TCP_PORT", "53"],
      ["DNS_V2_PORT_53_TCP_ADDR", "10.96.0.53"],
    ]);
    // Services in name order, the kubernetes Service among them.
    expect(Object.keys(env).map((k) => k.split("_")[0])).toEqual([...Array(13).fill("DNS"), ...Array(8).fill("KUBERNETES"), ...Array(7).fill("MY")]);
  });

  it("keeps only the kubernetes Service's variables with enableServiceLinks false", () => {
    const web = service("shop", "web", { clusterIP: "10.96.12.34", ports: [{ port: 80 }] });
    expect(serviceEnv(pod("shop", { enableServiceLinks: false }), lookup([kubernetes, web]))).toEqual(kubernetesVars);
    expect(serviceEnv(pod("default", { enableServiceLinks: false }), lookup([kubernetes, { ...web, metadata: { ...web.metadata, namespace: "default" } }]))).toEqual(
      kubernetesVars,
    );
  });

  it("skips headless and ExternalName Services, and other namespaces' Services", () => {
    const headless = service("shop", "headless", { clusterIP: "None", ports: [{ port: 80 }] });
    const external = service("shop", "ext", { type: "ExternalName", externalName: "example.com" });
    const elsewhere = service("other", "web", { clusterIP: "10.96.1.1", ports: [{ port: 80 }] });
    expect(serviceEnv(pod(), lookup([kubernetes, headless, external, elsewhere]))).toEqual(kubernetesVars);
  });

  it("sees only the Services created by the container's start", () => {
    const later = service("shop", "later", { clusterIP: "10.96.5.5", ports: [{ port: 80 }] }, "2025-01-01T00:10:00Z");
    const env = serviceEnv(pod(), lookup([kubernetes, later]), Date.parse("2025-01-01T00:05:00Z"));
    expect(env).toEqual(kubernetesVars);
    expect(serviceEnv(pod(), lookup([kubernetes, later]))).toHaveProperty("LATER_SERVICE_HOST", "10.96.5.5");
  });

  it("guards a name that starts with a digit", () => {
    const web = service("shop", "1st-web", { clusterIP: "10.96.7.7", ports: [{ port: 8080 }] });
    expect(serviceEnv(pod(), lookup([web]))).toHaveProperty("_1ST_WEB_SERVICE_HOST", "10.96.7.7");
  });
});

describe("resolveEnv with Services", () => {
  const web = service("shop", "web", { clusterIP: "10.96.12.34", ports: [{ name: "http", port: 80 }] });
  const sources = standInSources({ services: [kubernetes, web] });

  it("puts the container's variables first, then the Service variables it does not define", () => {
    const container: Container = {
      name: "app",
      env: [
        { name: "WEB_SERVICE_PORT", value: "8080" },
        { name: "URL", value: "http://$(WEB_SERVICE_HOST):$(WEB_SERVICE_PORT)/" },
      ],
      args: ["wget", "-qO-", "$(URL)", "$(KUBERNETES_SERVICE_HOST)"],
    };
    const env = resolveEnv(pod(), container, sources);
    expect(Object.keys(env).slice(0, 2)).toEqual(["WEB_SERVICE_PORT", "URL"]);
    expect(env.WEB_SERVICE_PORT).toBe("8080");
    expect(env.URL).toBe("http://10.96.12.34:8080/");
    expect(env.WEB_SERVICE_HOST).toBe("10.96.12.34");
    expect(env.WEB_SERVICE_PORT_HTTP).toBe("80");
    expect(Object.keys(env).filter((k) => k === "WEB_SERVICE_PORT")).toHaveLength(1);
    expect(expandCommand(container, env).args).toEqual(["wget", "-qO-", "http://10.96.12.34:8080/", "10.96.0.1"]);
  });
});
