// Reads kubectl's human-readable output: tables (columns aligned under their headers) and ANSI-coloured text.

/**
 * Parses `kubectl get`-style table output into one object per row keyed by header (e.g. {NAME, STATUS, ROLES}).
 * Columns start where their header starts; headers may contain single spaces ("NOMINATED NODE").
 */
export function parseTable(text) {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return [];
  const header = lines[0];
  const columns = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(header); m; m = re.exec(header)) columns.push({ name: m[0], start: m.index });
  return lines.slice(1).map((line) => {
    const row = {};
    columns.forEach((col, i) => {
      const end = i + 1 < columns.length ? columns[i + 1].start : line.length;
      row[col.name] = line.slice(col.start, end).trim();
    });
    return row;
  });
}

/** Removes ANSI colour escapes (kubectl cluster-info colours its output). */
export function stripAnsi(text) {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}
