// PersistentVolumes: reclaim policy Retain and volume mode Filesystem by default (SetDefaults_PersistentVolume); a new
// volume starts Pending, and every phase change through the status stamps lastPhaseTransitionTime, as the
// persistentvolume strategy does.
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import type { Strategy } from "../types";
import { validatePersistentVolume, validatePersistentVolumeUpdate } from "./validation";

export const persistentVolumeStrategy: Strategy<PersistentVolume> = {
  defaults(pv) {
    const spec = (pv.spec ??= {});
    spec.persistentVolumeReclaimPolicy ||= "Retain";
    spec.volumeMode ??= "Filesystem";
  },
  prepareForCreate(pv, ctx) {
    pv.status = { phase: "Pending", lastPhaseTransitionTime: ctx.now };
  },
  prepareForStatusUpdate(pv, old, ctx) {
    const phase = pv.status?.phase;
    if (phase !== old.status?.phase) (pv.status ??= {}).lastPhaseTransitionTime = ctx.now;
  },
  validate: (pv) => validatePersistentVolume(pv),
  validateUpdate: (pv, old) => validatePersistentVolumeUpdate(pv, old),
};
