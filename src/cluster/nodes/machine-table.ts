// Each node's machine (up, stopped, booting), in the cluster's SQLite beside its objects and kept in memory. A
// node with no row is a machine that has been up since it was made (every node of a cluster made before machines
// could stop); a Node without the sandbox's provider ID was applied by hand and has no machine at all.
import type { KubeObject } from "../../api/object";
import type { Machine, Machines } from "../registry/nodes/machines";

export const providerPrefix = "sandbox://";

export class MachineTable implements Machines {
  private readonly rows = new Map<string, Machine>();

  constructor(private readonly sql: SqlStorage) {
    sql.exec("CREATE TABLE IF NOT EXISTS machines (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (const row of sql.exec<{ name: string; value: string }>("SELECT name, value FROM machines")) this.rows.set(row.name, JSON.parse(row.value));
  }

  of(node: KubeObject): Machine | undefined {
    const providerID = (node.spec as { providerID?: string } | undefined)?.providerID;
    if (providerID !== `${providerPrefix}${node.metadata.name}`) return undefined;
    return this.rows.get(node.metadata.name!) ?? { state: "up", since: Date.parse(node.metadata.creationTimestamp ?? "") || 0 };
  }

  get(name: string): Machine | undefined {
    return this.rows.get(name);
  }

  lastHeartbeat(node: KubeObject, now: number): number | undefined {
    const machine = this.of(node);
    if (!machine) return undefined;
    return machine.heartbeatAt ?? now;
  }

  kubeletRunning(node: KubeObject): boolean {
    const machine = this.of(node);
    return !!machine && (machine.state === "up" || (machine.state === "booting" && !!machine.joining));
  }

  markUp(nodeName: string, now: number): void {
    const machine = this.rows.get(nodeName);
    if (machine && machine.state === "booting") this.set(nodeName, { state: "up", since: now });
  }

  booting(): string[] {
    return [...this.rows].filter(([, m]) => m.state === "booting").map(([name]) => name);
  }

  set(name: string, machine: Machine): void {
    this.rows.set(name, machine);
    this.sql.exec("INSERT OR REPLACE INTO machines (name, value) VALUES (?, ?)", name, JSON.stringify(machine));
  }

  remove(name: string): void {
    this.rows.delete(name);
    this.sql.exec("DELETE FROM machines WHERE name = ?", name);
  }
}
