// When a Deployment asks to be looked at again for its progress deadline (requeueStuckDeployment): only while a
// rollout can still time out, never for a completed one (issue 9: a scaled-up completed Deployment asked for a time
// in the past on every pass).
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { progressDeadlineAt } from "../../../../src/cluster/controllers/deployment/status";

const updated = "2030-01-01T00:00:00Z";

function deployment(replicas: number): KubeObject {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", generation: 2 }, spec: { replicas, progressDeadlineSeconds: 5 } };
}

function status(reason: string, lastUpdateTime = updated) {
  return {
    observedGeneration: 2,
    replicas: 20,
    updatedReplicas: 20,
    availableReplicas: 5,
    conditions: [{ type: "Progressing", status: "True", reason, message: "", lastUpdateTime, lastTransitionTime: lastUpdateTime }],
  };
}

describe("progressDeadlineAt", () => {
  it("is a second after the deadline while a rollout is under way", () => {
    for (const reason of ["NewReplicaSetCreated", "FoundNewReplicaSet", "ReplicaSetUpdated", "DeploymentResumed"]) {
      expect(progressDeadlineAt(deployment(20), status(reason))).toBe(Date.parse(updated) + 6000);
    }
  });

  it("is never for a completed rollout scaled beyond what is available, a timed-out or a paused one", () => {
    expect(progressDeadlineAt(deployment(20), status("NewReplicaSetAvailable"))).toBeUndefined();
    expect(progressDeadlineAt(deployment(20), status("ProgressDeadlineExceeded"))).toBeUndefined();
    expect(progressDeadlineAt(deployment(20), status("DeploymentPaused"))).toBeUndefined();
  });

  it("is never when the condition's time does not parse", () => {
    expect(progressDeadlineAt(deployment(20), status("ReplicaSetUpdated", "yesterday"))).toBeUndefined();
  });
});
