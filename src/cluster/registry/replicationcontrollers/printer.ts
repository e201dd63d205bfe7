// `kubectl get replicationcontrollers`: DESIRED, CURRENT, READY; wide CONTAINERS, IMAGES, SELECTOR (a plain map).
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, int, record } from "../printing/fields";
import { containerCells } from "../printing/format";
import { formatLabels } from "../printing/label-selector";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Desired", "integer", "Replicas is the number of desired replicas."),
    column("Current", "integer", "Replicas is the most recently observed number of replicas."),
    column("Ready", "integer", "The number of ready replicas for this replication controller."),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", "Selector is a label query over pods that should match the Replicas count.", 1),
  ],
  cells(rc, now) {
    const spec = record(rc.spec);
    const status = record(rc.status);
    const { names, images } = containerCells(at(spec.template, "spec", "containers"));
    return [
      rc.metadata.name ?? "",
      int(spec.replicas),
      int(status.replicas),
      int(status.readyReplicas),
      translateTimestampSince(rc.metadata.creationTimestamp, now),
      names,
      images,
      formatLabels(spec.selector),
    ];
  },
};
