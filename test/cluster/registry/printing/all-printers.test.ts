// Shape checks over every printer: one cell per column, no throw on a bare object, NAME first (events excepted).
import { describe, expect, it } from "vitest";
import type { Printer } from "../../../../src/cluster/registry/types";
import { printer as configmaps } from "../../../../src/cluster/registry/configmaps/printer";
import { printer as controllerrevisions } from "../../../../src/cluster/registry/controllerrevisions/printer";
import { printer as cronjobs } from "../../../../src/cluster/registry/cronjobs/printer";
import { printer as daemonsets } from "../../../../src/cluster/registry/daemonsets/printer";
import { printer as deployments } from "../../../../src/cluster/registry/deployments/printer";
import { printer as endpoints } from "../../../../src/cluster/registry/endpoints/printer";
import { printer as endpointslices } from "../../../../src/cluster/registry/endpointslices/printer";
import { printer as events } from "../../../../src/cluster/registry/events/printer";
import { printer as eventsV1 } from "../../../../src/cluster/registry/events.k8s.io-events/printer";
import { printer as jobs } from "../../../../src/cluster/registry/jobs/printer";
import { printer as leases } from "../../../../src/cluster/registry/leases/printer";
import { printer as limitranges } from "../../../../src/cluster/registry/limitranges/printer";
import { printer as namespaces } from "../../../../src/cluster/registry/namespaces/printer";
import { printer as nodes } from "../../../../src/cluster/registry/nodes/printer";
import { printer as pods } from "../../../../src/cluster/registry/pods/printer";
import { printer as podtemplates } from "../../../../src/cluster/registry/podtemplates/printer";
import { printer as replicasets } from "../../../../src/cluster/registry/replicasets/printer";
import { printer as replicationcontrollers } from "../../../../src/cluster/registry/replicationcontrollers/printer";
import { printer as resourcequotas } from "../../../../src/cluster/registry/resourcequotas/printer";
import { printer as secrets } from "../../../../src/cluster/registry/secrets/printer";
import { printer as serviceaccounts } from "../../../../src/cluster/registry/serviceaccounts/printer";
import { printer as services } from "../../../../src/cluster/registry/services/printer";

const printers: Record<string, Printer> = {
  configmaps, controllerrevisions, cronjobs, daemonsets, deployments, endpoints, endpointslices, jobs, leases,
  limitranges, namespaces, nodes, pods, podtemplates, replicasets, replicationcontrollers, resourcequotas, secrets,
  serviceaccounts, services, events, eventsV1,
};
const now = Date.parse("2025-06-01T12:00:00Z");

describe.each(Object.entries(printers))("%s printer", (kind, printer) => {
  it("prints one cell per column for a bare object, with <unknown> ages", () => {
    const cells = printer.cells({ metadata: { name: "bare" } }, now);
    expect(cells).toHaveLength(printer.columns.length);
    const age = printer.columns.findIndex((c) => c.name === "Age");
    if (age >= 0) expect(cells[age]).toBe("<unknown>");
  });

  it("names its object in the Name column (format name)", () => {
    const nameIndex = printer.columns.findIndex((c) => c.format === "name");
    expect(printer.columns[nameIndex]?.name).toBe("Name");
    expect(printer.cells({ metadata: { name: "bare" } }, now)[nameIndex]).toBe("bare");
    if (!kind.startsWith("events")) expect(nameIndex).toBe(0);
  });

  it("uses only priorities 0 and 1", () => {
    for (const c of printer.columns) expect([0, 1]).toContain(c.priority);
  });
});
