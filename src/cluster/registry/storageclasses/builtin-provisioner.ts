// The sandbox's built-in volume provisioner, minikube's storage-provisioner: it provisions hostPath volumes under
// /tmp/hostpath-provisioner/<namespace>/<claim> for classes that name it. The PV controller runs it in-tree.
export const builtinProvisioner = "k8s.io/minikube-hostpath";

/** Where a provisioned volume's directory lives on its node. */
export function provisionedPath(namespace: string, claim: string): string {
  return `/tmp/hostpath-provisioner/${namespace}/${claim}`;
}
