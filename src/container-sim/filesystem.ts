// A container's filesystem, as whoever runs the container provides it: the image's files, with directory sources
// mounted over them. The simulator keeps the container's own layer (what its processes write, over virtual time,
// shell/vfs.ts); a mount shows a source the caller owns: the kubelet's ConfigMap, Secret, downward API and projected
// volumes (read-only), its emptyDir and hostPath trees (writable), whose files outlive a container's run.

/**
 * A directory tree mounted into a container. Paths are relative to the source's root, without a leading slash ("" is
 * the root, "conf.d/app.conf" a file below it); times are wall-clock ms, since a source may outlive one run of a
 * container and be shared by several (an emptyDir between restarts and between the containers of a pod).
 */
export interface DirectorySource {
  /** What `path` is at `atWallMs`: a file, a directory, or nothing. */
  kind(path: string, atWallMs: number): "file" | "dir" | undefined;
  /** The content of the file at `path` at `atWallMs`, undefined when it is no file. */
  read(path: string, atWallMs: number): string | undefined;
  /** Names directly inside the directory `path` at `atWallMs`. */
  list(path: string, atWallMs: number): string[];
  /**
   * Time this source by the whole second each run started in (what a container status shows): a run replayed from its
   * status (its logs, a restarted kubelet) then reads and writes at the moments the run itself did. For a source kept
   * in storage, whose writes must not be made twice.
   */
  secondAligned?: boolean;
  /**
   * Writes through to the source (a writable volume: emptyDir, PVC). Without it, a container's writes under the mount
   * stay in the container's own layer, seen by that run only (as ConfigMap files behave in the simulator today).
   * A process is replayed from its start when its state was let go of (logs, a rebuilt kubelet): a writable source
   * must answer the same write at the same moment idempotently. `write` and `mkdir` answer false when the parent
   * directory is missing (or the path is taken), "ENOSPC" when the source is full.
   */
  writes?: {
    write(path: string, content: string, atWallMs: number, append: boolean): boolean | "ENOSPC";
    remove(path: string, atWallMs: number): boolean;
    mkdir(path: string, atWallMs: number): boolean | "ENOSPC";
  };
}

/** A source shown at `mountPath` (a directory, or a single file when `subPath` names one), as a volumeMount does. */
export interface Mount {
  /** Absolute path in the container; what the image has there is hidden. */
  mountPath: string;
  source: DirectorySource;
  /** The part of the source shown, relative to its root (volumeMounts[].subPath); the whole source when absent. */
  subPath?: string;
  /** Writes under the mount are refused (EROFS), as for a readOnly volumeMount or a ConfigMap volume. */
  readOnly?: boolean;
  /**
   * Owner group and modes of the mount's root and of what the source holds that this container did not make (its
   * own files and directories are its user's); root's, 0755 and 0644 when absent. A setgid `dirMode` (fsGroup) gives
   * what is created below the group of its directory.
   */
  attributes?: MountAttributes;
}

export interface MountAttributes {
  gid: number;
  dirMode: number;
  fileMode: number;
}

/** Why a change to the filesystem failed, as the kernel says (errno). */
export type FsError = "ENOENT" | "EISDIR" | "EEXIST" | "EROFS" | "ENOSPC" | "EACCES";

/** The text of an errno, as strerror gives it (what a shell prints after the path). */
export const fsErrorText: Record<FsError, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  EEXIST: "File exists",
  EROFS: "Read-only file system",
  ENOSPC: "No space left on device",
  EACCES: "Permission denied",
};
