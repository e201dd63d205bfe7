import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { printer } from "../../../../src/cluster/registry/jobs/printer";
import { printer as cronJobPrinter } from "../../../../src/cluster/registry/cronjobs/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: "pi", creationTimestamp: "2025-06-01T11:50:00Z", ...meta },
  spec: {
    template: { spec: { containers: [{ name: "pi", image: "perl:5.34" }] } },
    selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "abc" } },
    ...spec,
  },
  status,
});
const cond = (type: string, status = "True") => ({ type, status });

describe("job row", () => {
  it("a completed job: Complete, 1/1, start-to-completion duration", () => {
    const j = job(
      { completions: 1, parallelism: 1 },
      {
        succeeded: 1,
        startTime: "2025-06-01T11:50:00Z",
        completionTime: "2025-06-01T11:50:12Z",
        conditions: [cond("SuccessCriteriaMet"), cond("Complete")],
      },
    );
    expect(printer.cells(j, now)).toEqual([
      "pi",
      "Complete",
      "1/1",
      "12s",
      "10m",
      "pi",
      "perl:5.34",
      "batch.kubernetes.io/controller-uid=abc",
    ]);
  });

  it("a running job's duration runs until now; an unstarted one has none", () => {
    const running = job({ completions: 3 }, { active: 1, succeeded: 1, startTime: "2025-06-01T11:57:00Z" });
    expect(printer.cells(running, now).slice(1, 4)).toEqual(["Running", "1/3", "3m"]);
    expect(printer.cells(job({ completions: 1 }, {}), now).slice(1, 4)).toEqual(["Running", "0/1", ""]);
  });

  it("COMPLETIONS without spec.completions: n/1, or n/1 of p when parallel", () => {
    expect(printer.cells(job({ parallelism: 3 }, { succeeded: 2 }), now)[2]).toBe("2/1 of 3");
    expect(printer.cells(job({ parallelism: 1 }, {}), now)[2]).toBe("0/1");
  });

  it("STATUS precedence: Complete, Failed, Terminating, Suspended, FailureTarget, Running", () => {
    const status = (conditions: unknown[], meta: Record<string, unknown> = {}) =>
      printer.cells(job({ completions: 1 }, { conditions }, meta), now)[1];
    expect(status([cond("Failed"), cond("FailureTarget")])).toBe("Failed");
    expect(status([cond("FailureTarget")])).toBe("FailureTarget");
    expect(status([cond("Suspended")])).toBe("Suspended");
    expect(status([cond("Suspended", "False")])).toBe("Running");
    expect(status([cond("Suspended")], { deletionTimestamp: "2025-06-01T11:59:00Z" })).toBe("Terminating");
    expect(status([cond("Complete")], { deletionTimestamp: "2025-06-01T11:59:00Z" })).toBe("Complete");
  });
});

describe("cronjob row", () => {
  const cj = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
    metadata: { name: "hello", creationTimestamp: "2025-05-29T12:00:00Z" },
    spec: {
      schedule: "*/5 * * * *",
      jobTemplate: { spec: { template: { spec: { containers: [{ name: "hello", image: "busybox:1.28" }] } } } },
      ...spec,
    },
    status,
  });

  it("SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE, AGE and wide cells", () => {
    const row = cronJobPrinter.cells(
      cj({ suspend: false }, { active: [{ name: "hello-1" }], lastScheduleTime: "2025-06-01T11:55:00Z" }),
      now,
    );
    expect(row).toEqual(["hello", "*/5 * * * *", "<none>", "False", 1, "5m", "3d", "hello", "busybox:1.28", "<none>"]);
  });

  it("a time zone, a suspended cronjob, never scheduled, suspend unset", () => {
    expect(cronJobPrinter.cells(cj({ timeZone: "Europe/Paris", suspend: true }), now).slice(2, 6)).toEqual([
      "Europe/Paris",
      "True",
      0,
      "<none>",
    ]);
    expect(cronJobPrinter.cells(cj({}), now)[3]).toBe("<unset>");
  });
});
