// The only place that reads the wall clock. Everything else takes `now` as an argument.

/** Milliseconds since the epoch. In the Workers test runtime, vitest's fake timers drive this too. */
export function nowMs(): number {
  return Date.now();
}

/** RFC 3339 with second precision, as Kubernetes writes metav1.Time (`2026-11-25T22:30:54Z`). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace(".000Z", "Z");
  }
  return lastText;
}

/** The last second formatted (the control loop formats the same second thousands of times in a row). */
let lastSecond = Number.NaN;
let lastText = "";
