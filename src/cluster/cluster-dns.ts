// The cluster's DNS settings, as kubeadm writes them into every kubelet's configuration (`clusterDNS`,
// `clusterDomain`) and gives the kube-dns Service: one place for the kubelet (pods' /etc/resolv.conf and /etc/hosts),
// the cluster DNS and bootstrap. A low layer (like timing.ts), so every layer may read it.

/** The cluster's DNS domain (kubelet --cluster-domain; CoreDNS's zone). */
export const clusterDomain = "cluster.local";

/** The kube-dns Service's ClusterIP, which every ClusterFirst pod's resolv.conf names (kubelet --cluster-dns). */
export const dnsServiceIP = "10.96.0.10";
