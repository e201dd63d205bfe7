// The images of a cluster's own components (etcd, the control plane, kube-proxy, CoreDNS): klog-style startup lines,
// their health endpoints answering "ok", and nothing else — enough for kube-system to look and behave like a real one.

import { formatDate } from "../shell/format";
import { forever, pause, wallNow, type Program } from "./program";
import { pathServer } from "./serving";

interface Component {
  /** Ports with health endpoints (path → body). */
  health: Record<number, string[]>;
  /** Plain TCP ports (DNS, etcd clients). */
  ports?: number[];
  startup: string[];
}

const components: Record<string, Component> = {
  etcd: { health: { 2381: ["/livez", "/readyz", "/health"] }, ports: [2379, 2380], startup: ["starting etcd server", "serving client traffic securely", "ready to serve client requests"] },
  "kube-apiserver": { health: { 6443: ["/livez", "/readyz", "/healthz"] }, startup: ["Version: v1.33.1", "Serving securely on [::]:6443", "Starting controllers"] },
  "kube-controller-manager": { health: { 10257: ["/livez", "/healthz"] }, startup: ["Version: v1.33.1", "Serving securely on 127.0.0.1:10257", "successfully acquired lease kube-system/kube-controller-manager"] },
  "kube-scheduler": { health: { 10259: ["/livez", "/readyz", "/healthz"] }, startup: ["Version: v1.33.1", "Serving securely on 127.0.0.1:10259", "successfully acquired lease kube-system/kube-scheduler"] },
  "kube-proxy": { health: { 10256: ["/healthz", "/livez"] }, startup: ["Using iptables Proxier", "Starting service config controller", "Caches are synced for service config"] },
  "metrics-server": { health: { 4443: ["/livez", "/readyz", "/healthz"] }, startup: ["Serving securely on [::]:4443", "Starting RequestHeaderAuthRequestController", "Caches are synced for RequestHeaderAuthRequestController"] },
  coredns: { health: { 8080: ["/health"], 8181: ["/ready"] }, ports: [53, 9153], startup: [".:53", "[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b", "CoreDNS-1.12.0", "linux/amd64, go1.23.3, 51e11f1"] },
};

/** The program of a component, named by its binary (`etcd`, `/usr/local/bin/kube-proxy`, `/coredns`, ...). */
export function componentProgram(name: string): Program {
  const component = components[name];
  return function* (_argv, io, sh) {
    const klog = name !== "coredns";
    for (const line of component.startup) {
      const stamp = formatDate(wallNow(sh), "%m%d %H:%M:%S");
      io.stderr.write(klog ? `I${stamp}.000000       1 server.go:1] "${line}"\n` : `${line}\n`);
    }
    for (const [port, paths] of Object.entries(component.health)) {
      sh.host.listen(Number(port), sh.host.clock.nowMs, pathServer(sh, (path) =>
        paths.includes(path.split("?")[0]) ? { status: 200, body: "ok" } : { status: 404, body: "404 page not found\n" },
      ));
    }
    for (const port of component.ports ?? []) sh.host.listen(port, sh.host.clock.nowMs);
    yield* pause(50);
    return yield* forever();
  };
}

export const componentNames = Object.keys(components);
