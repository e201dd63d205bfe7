// Ages and durations exactly as the apiserver's table printers render them (k8s.io/apimachinery
// pkg/util/duration.HumanDuration, printers.translateTimestampSince).

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an RFC 3339 timestamp (fractions below 1 ms dropped), or undefined. */
export function parseTimestamp(ts: unknown): number | undefined {
  if (typeof ts !== "string") return undefined;
  const m = RFC3339.exec(ts);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  if (frac) ms += Math.floor(Number(`0${frac}`) * 1000);
  if (zone !== "Z" && zone !== "z") {
    const sign = zone!.startsWith("-") ? -1 : 1;
    const [zh, zm] = zone!.slice(1).split(":");
    ms -= sign * (+zh! * 60 + +zm!) * 60_000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Go's `duration.HumanDuration`: ~2–3 significant figures (`45s`, `119s`, `2m5s`, `15m`, `3h`, `5h30m`, `2d`, `3d4h`,
 * `10d`, `2y30d`, `9y`). Up to 1.999 s in the future reads `0s` (clock skew); further in the future is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Time elapsed from `ts` (RFC 3339) to `now` (ms) as an age cell; `<unknown>` when the timestamp is missing. */
export function translateTimestampSince(ts: string | undefined | null, now: number): string {
  const at = parseTimestamp(ts);
  if (at === undefined) return "<unknown>";
  return humanDuration(now - at);
}
