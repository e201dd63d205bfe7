// `kubectl get daemonsets`: DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR; wide CONTAINERS, IMAGES,
// SELECTOR.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, int, record } from "../printing/fields";
import { containerCells } from "../printing/format";
import { formatLabels, formatLabelSelector } from "../printing/label-selector";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Desired", "integer", "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod)."),
    column("Current", "integer", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."),
    column("Ready", "integer", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready."),
    column("Up-to-date", "integer", "The total number of nodes that are running updated daemon pod"),
    column("Available", "integer", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
    column("Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node."),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", "A label query over pods that are managed by the daemon set.", 1),
  ],
  cells(ds, now) {
    const spec = record(ds.spec);
    const status = record(ds.status);
    const podSpec = at(spec.template, "spec");
    const { names, images } = containerCells(at(podSpec, "containers"));
    return [
      ds.metadata.name ?? "",
      int(status.desiredNumberScheduled),
      int(status.currentNumberScheduled),
      int(status.numberReady),
      int(status.updatedNumberScheduled),
      int(status.numberAvailable),
      formatLabels(at(podSpec, "nodeSelector")),
      translateTimestampSince(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};
