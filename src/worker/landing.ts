// A plain-text landing answer until the dashboard serves a page.
export function landingText(origin: string): string {
  return `kube-sandbox: your own Kubernetes cluster in milliseconds, driven by the real kubectl.

Create a cluster:
  curl -sk -X POST ${origin}/api/clusters > cluster.json
Save its kubeconfig and use it:
  node -e 'process.stdout.write(require("./cluster.json").kubeconfig)' > kubeconfig
  kubectl --kubeconfig kubeconfig get nodes
`;
}
