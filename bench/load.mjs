// Runs a fixed number of requests at a fixed concurrency, bounded by a wall-clock cap, and summarizes latency.

/** The q-quantile (0..1) of an ascending array, nearest-rank. */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Call `send(i)` for i = 0..count-1 with `concurrency` in flight, stopping early once `capMs` has passed.
 * `send` resolves to the response status; a status other than `expect` (or a throw) counts as an error.
 * Resolves { latencies (ascending), requests, errors, firstError, elapsedMs, rps, medianMs, p99Ms, capped }.
 */
export async function runLoad({ count, concurrency, capMs, expect, send }) {
  const latencies = [];
  let errors = 0;
  let firstError;
  let next = 0;
  const start = performance.now();
  const deadline = start + capMs;

  async function worker() {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        const status = await send(i);
        if (status !== expect) {
          errors++;
          firstError ??= `request ${i}: status ${status}, expected ${expect}`;
        }
      } catch (error) {
        errors++;
        firstError ??= `request ${i}: ${error?.cause?.message ?? error?.message ?? error}`;
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const elapsedMs = performance.now() - start;
  return summarize({ latencies, errors, firstError, elapsedMs, planned: count });
}

/** Merge several runs of the same case (e.g. interleaved rounds) into one summary. */
export function mergeRuns(runs, planned) {
  return summarize({
    latencies: runs.flatMap((r) => r.latencies),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    firstError: runs.find((r) => r.firstError)?.firstError,
    elapsedMs: runs.reduce((n, r) => n + r.elapsedMs, 0),
    planned,
  });
}

function summarize({ latencies, errors, firstError, elapsedMs, planned }) {
  latencies = [...latencies].sort((a, b) => a - b);
  return {
    latencies,
    requests: latencies.length,
    errors,
    firstError,
    elapsedMs,
    rps: latencies.length / (elapsedMs / 1000),
    medianMs: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    capped: latencies.length < planned,
  };
}
