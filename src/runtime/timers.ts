// The only place that starts in-memory timers (watch heartbeats and lifetimes). Durable work uses the alarm.

export type Cancel = () => void;

export function after(ms: number, fn: () => void): Cancel {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
}

export function every(ms: number, fn: () => void): Cancel {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
}
