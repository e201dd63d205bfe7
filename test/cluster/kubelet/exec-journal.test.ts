// The kubelet's exec journal: execs kept on their run's instance, timed from the instance's start and moved to the
// start a caller counts from, within their bounds; keeping one lets go of the run's process.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../src/api/schemas";
import { execJournalLimits, instanceJournal, withExecs } from "../../../src/cluster/kubelet/exec-journal";
import type { Instance } from "../../../src/cluster/kubelet/pod-runtime";
import type { ProcessSpec, RecordedExec, SimulatedProcess } from "../../../src/cluster/kubelet/runtime-port";

const pod = { metadata: { name: "bb", namespace: "default", uid: "u1" } } as Pod;
const exec = (atMs: number, stdin = ""): RecordedExec => ({ command: ["sh", "-c", "echo hi > /tmp/x"], atMs, stdin, stdinClosed: true });

function setup() {
  const run: Instance = { containerID: "c1", startedAt: 10_400, process: {} as SimulatedProcess };
  const other: Instance = { containerID: "c2", startedAt: 0 };
  const journal = instanceJournal((_pod, id) => [run, other].find((r) => r.containerID === id), () => [run, other]);
  return { run, other, journal };
}

describe("the exec journal", () => {
  it("keeps an exec on its run, timed from the instance's own start, and lets go of the run's process", () => {
    const { run, journal } = setup();
    // The status says the run started at 10 s (whole seconds); the instance at 10.4 s.
    expect(journal.record(pod, "c1", exec(5_000), 10_000)).toBe(true);
    expect(run.execs).toEqual([exec(4_600)]);
    expect(run.process).toBeUndefined();
    expect(journal.of(pod, "c1", 10_000)).toEqual([exec(5_000)]);
    expect(withExecs({ image: "busybox", env: {}, hostname: "bb" } as ProcessSpec, run).execs).toEqual([exec(4_600)]);
    expect(journal.record(pod, "nope", exec(1), 0)).toBe(false);
  });

  it("refuses past its bounds: execs a run, characters a run, characters in all runs", () => {
    const { run, other, journal } = setup();
    for (let i = 0; i < execJournalLimits.perRun; i++) expect(journal.record(pod, "c1", exec(i), 10_400)).toBe(true);
    expect(journal.record(pod, "c1", exec(99), 10_400)).toBe(false);
    run.execs = [];
    expect(journal.record(pod, "c1", exec(1, "x".repeat(execJournalLimits.runChars)), 10_400)).toBe(false);
    other.execs = [exec(0, "y".repeat(execJournalLimits.totalChars - 100))];
    expect(journal.record(pod, "c1", exec(1, "z".repeat(200)), 10_400)).toBe(false);
    expect(journal.record(pod, "c1", exec(1, "z".repeat(10)), 10_400)).toBe(true);
  });
});
