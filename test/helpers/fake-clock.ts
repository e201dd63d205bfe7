// Where a test's fake clock starts. Read docs/architecture.md ("Time in tests") before faking time in a Workers test.
import { vi } from "vitest";

const dayMs = 24 * 3600 * 1000;

/**
 * A start for a fake clock: the first multiple of `alignMs` (default: a whole hour, UTC) at least a day after the
 * real clock. workerd keeps the Durable Object's alarm on its own, real clock, which no fake timer reaches: an alarm
 * set before the real now is stored as the real now and fires by itself. A fake clock that starts ahead of the real
 * one (and only moves forward) keeps every alarm where the code put it, on any day the suite runs.
 */
export function fakeClockStart(alignMs = 3600_000): number {
  return Math.ceil((vi.getRealSystemTime() + dayMs) / alignMs) * alignMs;
}
