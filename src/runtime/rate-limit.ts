// A token bucket per cluster: `rate` requests per second on average, bursts up to `burst`.
import { nowMs } from "./clock";

export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.last = nowMs();
  }

  /** Take one token; false when the bucket is empty. */
  take(): boolean {
    const now = nowMs();
    // A clock that steps back refills nothing (and takes nothing away).
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
