// Waiting for the cluster to converge: the control loop runs on the cluster's alarm, a few ms to seconds behind.

/** Retry `check` (every `intervalMs`) until it passes or `timeoutMs` has gone; then its last error is thrown. */
export async function eventually(check, timeoutMs = 5_000, intervalMs = 200) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
