// Simulated durations, from the cluster's pace (chosen at creation). "realistic" follows what a learner sees on a
// small real cluster; "fast" keeps the same sequence of states but takes milliseconds, for scripts and tests.

export type Pace = "realistic" | "fast";

export interface TimingProfile {
  /** Pulling an image not yet on the node (varies per image size class). */
  imagePullMs: { small: number; medium: number; large: number };
  /** Creating and starting a container once its image is there. */
  containerStartMs: number;
  /** From a pod's binding to the kubelet noticing it (sandbox creation). */
  podSandboxMs: number;
  /** kube-controller-manager's --node-monitor-grace-period (50 s since 1.32): no heartbeat this long and the node turns Unknown. */
  nodeMonitorGraceMs: number;
  /** A new worker's kubelet registers NotReady; its kubelet, CNI and kube-proxy are up (Ready) this much later. */
  nodeJoinMs: number;
  /** A stopped machine that is started again: boot until its kubelet posts status again. */
  nodeBootMs: number;
  /** Pod garbage collection's quarantine of pods whose node is gone (podgc's quarantineTime). */
  podGcQuarantineMs: number;
  /**
   * kube-apiserver's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds: what the
   * DefaultTolerationSeconds admission writes into pods (a pod stays this long on a failed node).
   */
  defaultTolerationSeconds: number;
  /** Base of the image-pull and crash-loop back-off (doubles up to the cap). */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A container that ran this long without failing resets its back-off. */
  backoffResetMs: number;
  /** The kubelet's eviction manager looks at the pods' usage this often (its housekeeping interval, 10 s). */
  evictionIntervalMs: number;
  /** The kubelet's --eviction-pressure-transition-period: a pressure condition stays this long after the signal clears. */
  evictionPressureTransitionMs: number;
  /**
   * From a change of a ConfigMap or Secret to the files of the volumes that show it (the kubelet's periodic pod sync,
   * a minute, plus its cache): what a mounted source's change takes to reach the container.
   */
  volumeSyncMs: number;
  /** kube-controller-manager's --horizontal-pod-autoscaler-sync-period (15 s): how often each HPA is looked at. */
  hpaSyncMs: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization (5 min): the scale-down window of an HPA that sets none. */
  hpaDownscaleStabilizationMs: number;
}

export const paces: Record<Pace, TimingProfile> = {
  realistic: {
    imagePullMs: { small: 1500, medium: 3500, large: 8000 },
    containerStartMs: 400,
    podSandboxMs: 300,
    nodeMonitorGraceMs: 50_000,
    nodeJoinMs: 30_000,
    nodeBootMs: 25_000,
    podGcQuarantineMs: 40_000,
    defaultTolerationSeconds: 300,
    backoffBaseMs: 10_000,
    backoffCapMs: 300_000,
    backoffResetMs: 600_000,
    evictionIntervalMs: 10_000,
    evictionPressureTransitionMs: 300_000,
    volumeSyncMs: 60_000,
    hpaSyncMs: 15_000,
    hpaDownscaleStabilizationMs: 300_000,
  },
  fast: {
    imagePullMs: { small: 5, medium: 10, large: 20 },
    containerStartMs: 2,
    podSandboxMs: 1,
    nodeMonitorGraceMs: 2_000,
    nodeJoinMs: 1_500,
    nodeBootMs: 1_000,
    podGcQuarantineMs: 1_000,
    defaultTolerationSeconds: 10,
    backoffBaseMs: 1_000,
    backoffCapMs: 30_000,
    backoffResetMs: 60_000,
    evictionIntervalMs: 100,
    evictionPressureTransitionMs: 3_000,
    volumeSyncMs: 1_000,
    hpaSyncMs: 1_000,
    hpaDownscaleStabilizationMs: 10_000,
  },
};
