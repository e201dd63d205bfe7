// The per-cluster token bucket.
import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "../../../src/runtime/rate-limit";

afterEach(() => {
  vi.useRealTimers();
});

describe("RateLimiter", () => {
  it("allows a burst, then refills at its rate", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(vi.getRealSystemTime());
    const limiter = new RateLimiter(10, 20);
    for (let i = 0; i < 20; i++) expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
    vi.setSystemTime(Date.now() + 100);
    expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
  });

  it("keeps its tokens when the clock steps back", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = vi.getRealSystemTime();
    vi.setSystemTime(start);
    const limiter = new RateLimiter(10, 20);
    vi.setSystemTime(start - 3600_000);
    for (let i = 0; i < 20; i++) expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
  });
});
