// `kubectl get replicasets`: DESIRED, CURRENT, READY; wide CONTAINERS, IMAGES, SELECTOR.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, int, record } from "../printing/fields";
import { containerCells } from "../printing/format";
import { formatLabelSelector } from "../printing/label-selector";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Desired", "integer", "Replicas is the number of desired replicas."),
    column("Current", "integer", "Replicas is the most recently observed number of replicas."),
    column("Ready", "integer", "The number of ready replicas for this replica set."),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", "Selector is a label query over pods that should match the replica count.", 1),
  ],
  cells(rs, now) {
    const spec = record(rs.spec);
    const status = record(rs.status);
    const { names, images } = containerCells(at(spec.template, "spec", "containers"));
    return [
      rs.metadata.name ?? "",
      int(spec.replicas),
      int(status.replicas),
      int(status.readyReplicas),
      translateTimestampSince(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};
