// The kubelet's back-off arithmetic (image pulls and crash loops): the first failure is retried at once (crash) or
// after the base (pull), each further one waits twice as long up to the cap, and a container that ran longer than
// the reset window starts over.
import type { TimingProfile } from "../timing";

/** Wait before retry number `failures` (1 = the first retry after a failure): base · 2^(failures-1), capped. */
export function backoffDelay(failures: number, timing: Pick<TimingProfile, "backoffBaseMs" | "backoffCapMs">): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  return Math.min(timing.backoffCapMs, timing.backoffBaseMs * 2 ** exponent);
}

/** The crash streak after an instance that ran `ranMs`: reset to 0 when it ran past the reset window. */
export function nextCrashStreak(streak: number, ranMs: number, timing: Pick<TimingProfile, "backoffResetMs">): number {
  return ranMs >= timing.backoffResetMs ? 0 : streak + 1;
}

/** Go's time.Duration String for the back-off message (`10s`, `1m20s`, `5m0s`). */
export function goDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours) return `${hours}h${minutes}m${seconds}s`;
  if (minutes) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

/** Pull durations in the Pulled event: Go's Duration String for sub-minute values (`1.234s`, `523ms`). */
export function pullDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  return goDuration(ms);
}
