// The execs the kubelet keeps per container run: the commands (`kubectl exec`, `kubectl cp`) that wrote to the
// container's own layer, with their moment and stdin. A run's process is started with them (ProcessSpec.execs), so
// its program, later execs and its logs see what they wrote. In memory, like the rest of the kubelet's pod state: a
// restarted Durable Object loses them.
import type { Pod } from "../../api/schemas";
import { keyOf } from "../control-loop/types";
import type { Instance, PodRuntime } from "./pod-runtime";
import type { ProcessSpec, RecordedExec } from "./runtime-port";

/** Bounds: execs kept per run, and characters (stdin and command) per run and in all runs together. */
export const execJournalLimits = { perRun: 64, runChars: 2 * 1024 * 1024, totalChars: 8 * 1024 * 1024 };

/**
 * A run's exec times are kept from the instance's own start; callers that replay a run from its status (whole
 * seconds) give the start they count from (`startedAt`, wall-clock ms), and the times are moved to it.
 */
export interface ExecJournal {
  /** The execs kept for the run `containerID` of `pod`, timed from `startedAt`. */
  of(pod: Pod, containerID: string, startedAt: number): readonly RecordedExec[];
  /** Keep an exec of that run (timed from `startedAt`); false when the run is unknown or a bound is reached. */
  record(pod: Pod, containerID: string, exec: RecordedExec, startedAt: number): boolean;
}

export const recordedChars = (exec: RecordedExec) => exec.stdin.length + exec.command.reduce((n, a) => n + a.length, 0);
const charsOf = (execs: readonly RecordedExec[] | undefined) => (execs ?? []).reduce((n, e) => n + recordedChars(e), 0);

/** The spec a run's process starts from: its container's, with the execs kept for it. */
export function withExecs(spec: ProcessSpec, instance: Instance): ProcessSpec {
  return instance.execs?.length ? { ...spec, execs: instance.execs } : spec;
}

/**
 * The journal over the kubelet's instances: `instance` finds a pod's run, `all` lists every run (for the total
 * bound). Recording lets go of the run's process, which is started again with the exec when next needed.
 */
export function instanceJournal(instance: (pod: Pod, containerID: string) => Instance | undefined, all: () => Iterable<Instance>): ExecJournal {
  return {
    of(pod, containerID, startedAt) {
      const run = instance(pod, containerID);
      const shift = run ? run.startedAt - startedAt : 0;
      return (run?.execs ?? []).map((e) => (shift ? { ...e, atMs: e.atMs + shift } : e));
    },
    record(pod, containerID, recorded, startedAt) {
      const run = instance(pod, containerID);
      if (!run) return false;
      const exec = { ...recorded, atMs: Math.max(0, recorded.atMs + startedAt - run.startedAt) };
      const kept = run.execs ?? [];
      const chars = recordedChars(exec);
      if (kept.length >= execJournalLimits.perRun || charsOf(kept) + chars > execJournalLimits.runChars) return false;
      let total = chars;
      for (const other of all()) total += charsOf(other.execs);
      if (total > execJournalLimits.totalChars) return false;
      run.execs = [...kept, exec];
      run.process = undefined;
      return true;
    },
  };
}

/** The journal over the kubelet's pod runtimes (by pod key): a run found by its container ID, current or previous. */
export function runtimesJournal(runtimes: ReadonlyMap<string, PodRuntime>): ExecJournal {
  const runsOf = (rt: PodRuntime) => rt.containers.flatMap((c) => [c.current, c.previous].filter((run): run is Instance => !!run));
  return instanceJournal(
    (pod, statusID) => {
      const containerID = statusID.replace(/^containerd:\/\//, "");
      const rt = runtimes.get(keyOf(pod));
      if (!rt || rt.uid !== pod.metadata.uid) return undefined;
      return runsOf(rt).find((run) => run.containerID === containerID);
    },
    () => [...runtimes.values()].flatMap(runsOf),
  );
}
