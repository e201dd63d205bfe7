// The files of the cluster's PersistentVolumes, in the Durable Object's SQLite beside its objects: one row per version
// of a path (a write, an append, a mkdir, a removal), written when the kubelet simulates it, so a volume's files
// outlive the pods that wrote them and a restart of the object. The table knows volume names and rows, never kinds:
// the kubelet's trees (cluster/kubelet/volume-tree.ts) give the rows their meaning.

/** One version of a path in a volume. `atMs` null: made before any container ran (what the kubelet creates). */
export interface VolumeDataRow {
  path: string;
  atMs: number | null;
  kind: string;
  content: string | null;
}

/** What a row costs against the bounds besides its content (the tree's own bookkeeping figure). */
const rowBytes = 64;

export class VolumeDataTable {
  /** volume → the sequence number its next row takes (known once the volume was read). */
  private readonly nextSeq = new Map<string, number>();
  private total: number;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(
      "CREATE TABLE IF NOT EXISTS volume_data (volume TEXT NOT NULL, seq INTEGER NOT NULL, path TEXT NOT NULL, at INTEGER, kind TEXT NOT NULL, content TEXT, PRIMARY KEY (volume, seq)) WITHOUT ROWID",
    );
    this.total = this.bytesWhere("", []);
  }

  /** The bytes every volume's rows hold (content characters and `rowBytes` a row). */
  get bytes(): number {
    return this.total;
  }

  private bytesWhere(where: string, bindings: unknown[]): number {
    const row = this.sql.exec<{ n: number; chars: number }>(`SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(content)), 0) AS chars FROM volume_data ${where}`, ...bindings).toArray()[0];
    return row ? Number(row.chars) + rowBytes * Number(row.n) : 0;
  }

  /** Every row of `volume`, in the order they were written. */
  rows(volume: string): VolumeDataRow[] {
    const rows = this.sql
      .exec<{ seq: number; path: string; at: number | null; kind: string; content: string | null }>("SELECT seq, path, at, kind, content FROM volume_data WHERE volume = ? ORDER BY seq", volume)
      .toArray();
    this.nextSeq.set(volume, rows.length ? Number(rows[rows.length - 1]!.seq) + 1 : 1);
    return rows.map((r) => ({ path: r.path, atMs: r.at === null ? null : Number(r.at), kind: r.kind, content: r.content }));
  }

  /** Append a row to `volume` (one storage write). */
  add(volume: string, row: VolumeDataRow): void {
    if (!this.nextSeq.has(volume)) this.rows(volume);
    const seq = this.nextSeq.get(volume)!;
    this.nextSeq.set(volume, seq + 1);
    this.sql.exec("INSERT INTO volume_data (volume, seq, path, at, kind, content) VALUES (?, ?, ?, ?, ?, ?)", volume, seq, row.path, row.atMs, row.kind, row.content);
    this.total += rowBytes + (row.content?.length ?? 0);
  }

  /** The names of the volumes that have rows. */
  volumes(): string[] {
    return this.sql.exec<{ volume: string }>("SELECT DISTINCT volume FROM volume_data").toArray().map((r) => r.volume);
  }

  /** Delete `volume`'s rows; the bytes they held. */
  drop(volume: string): number {
    const bytes = this.bytesWhere("WHERE volume = ?", [volume]);
    if (!bytes) return 0;
    this.sql.exec("DELETE FROM volume_data WHERE volume = ?", volume);
    this.nextSeq.delete(volume);
    this.total -= bytes;
    return bytes;
  }
}
