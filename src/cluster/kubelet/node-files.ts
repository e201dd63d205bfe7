// The few files of a node a learner looks at through a hostPath (`kubectl debug node/<name>` mounts the node's / at
// /host): the OS release the Node's nodeInfo.osImage names, the hostname, and the kubelet's kubeconfig and
// configuration as kubeadm writes them (no key material: paths to it). Present from the node's start; small.
import { clusterDomain, dnsServiceIP } from "../cluster-dns";

const osRelease = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const kubeletConfig = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: systemd
clusterDNS:
- ${dnsServiceIP}
clusterDomain: ${clusterDomain}
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
evictionHard:
  imagefs.available: 15%
  memory.available: 100Mi
  nodefs.available: 10%
  nodefs.inodesFree: 5%
kind: KubeletConfiguration
rotateCertificates: true
staticPodPath: /etc/kubernetes/manifests
`;

function kubeletKubeconfig(node: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority: /etc/kubernetes/pki/ca.crt
    server: https://control-plane:8443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: system:node:${node}
  name: system:node:${node}@kubernetes
current-context: system:node:${node}@kubernetes
kind: Config
preferences: {}
users:
- name: system:node:${node}
  user:
    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
`;
}

/** The node's files by path under its root (no leading slash). */
export function nodeFiles(node: string): Record<string, string> {
  return {
    "etc/os-release": osRelease,
    "etc/hostname": `${node}\n`,
    "etc/kubernetes/kubelet.conf": kubeletKubeconfig(node),
    "var/lib/kubelet/config.yaml": kubeletConfig,
    "var/log/dpkg.log": "",
  };
}

/** The directories those files live in, and the ones a kubeadm node has besides. */
export const nodeFileDirectories = ["etc/kubernetes/manifests", "etc/kubernetes/pki", "var/lib/kubelet/pki", "var/lib/containerd", "var/log/containers"];
