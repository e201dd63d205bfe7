// A container's standard streams. stdout and stderr are recorded with the moment each line was printed
// (`SimulatedProcess.output`: logs, and later `kubectl attach`); stdin is an input stream whoever runs the container
// provides (later `kubectl attach -i` and `kubectl exec -i`). A program reads it over virtual time: `read` and `cat`
// wait until a chunk arrives or the writer closes it.

/**
 * What was written to a process's stdin: chunks with the wall-clock ms each arrived, oldest first, and when the writer
 * closed it. A record, so a replay of the process reads the same input. A process only sees chunks that arrived by
 * the virtual moment it reads; one already simulated past a chunk's arrival must be started again to see it.
 */
export interface InputStream {
  readonly chunks: readonly { atWallMs: number; text: string }[];
  /** EOF from this moment on; undefined while the writer may still send more. */
  readonly closedAtWallMs?: number;
}

/** No stdin (a container without `stdin: true`, a probe's exec): end of file at once. */
export const noInput: InputStream = { chunks: [], closedAtWallMs: Number.NEGATIVE_INFINITY };
