// Keys look like `/<group>/<resource>/<namespace>/<name>`; their first two segments are the "bucket" of a kind.

/** `/core/pods/default/web` → `/core/pods`. */
export function bucketOf(key: string): string {
  const second = key.indexOf("/", 1);
  const third = second < 0 ? -1 : key.indexOf("/", second + 1);
  return third < 0 ? key : key.slice(0, third);
}
