// The control loop's invariant for Workers tests with a fake clock: once a cluster has settled at a time, nothing is
// due at that time. A controller that asks to run again in the past or at once, pass after pass, keeps the alarm due
// at "now" forever (issue 9: 135 alarms/s for a stuck rollout); this catches it before the clock moves.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { toleratedPasses } from "../../src/cluster/control-loop/spin-guard";
import { clusterStub } from "./cluster";

/** The cluster's alarm (ms), or null when none is set. */
export async function alarmOf(cluster: CreatedCluster): Promise<number | null> {
  return runInDurableObject(clusterStub(cluster.id), (_instance, state) => state.storage.getAlarm());
}

/** Fail unless the cluster's alarm is unset or later than the (fake) clock's now. */
export async function expectNoAlarmDue(cluster: CreatedCluster): Promise<void> {
  const alarm = await alarmOf(cluster);
  const now = Date.now();
  expect(
    alarm === null || alarm > now,
    `the control loop is due again at ${alarm === null ? "-" : new Date(alarm).toISOString()}, not after now (${new Date(now).toISOString()}): ` +
      "a reconcile asks to run again at once without converging",
  ).toBe(true);
}

/**
 * Run the alarm at the current (fake) time `passes` times, as the alarm would fire while work is due, then check
 * the invariant: the cluster has settled, nothing is due before the clock moves. With no more passes than the
 * manager's SpinGuard tolerates, a key that starts spinning is still due at the end, not yet pushed back.
 */
export async function settleAndCheck(cluster: CreatedCluster, passes = toleratedPasses): Promise<void> {
  for (let i = 0; i < passes; i++) await runDurableObjectAlarm(clusterStub(cluster.id));
  await expectNoAlarmDue(cluster);
}
