// `kubectl get deployments`: READY as ready/desired, UP-TO-DATE, AVAILABLE; wide CONTAINERS, IMAGES, SELECTOR.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, int, record } from "../printing/fields";
import { containerCells } from "../printing/format";
import { labelSelectorString } from "../printing/label-selector";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Ready", "string", "Number of the pod with ready state"),
    column("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
    column("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
  ],
  cells(deploy, now) {
    const spec = record(deploy.spec);
    const status = record(deploy.status);
    const { names, images } = containerCells(at(spec.template, "spec", "containers"));
    return [
      deploy.metadata.name ?? "",
      `${int(status.readyReplicas)}/${int(spec.replicas)}`,
      int(status.updatedReplicas),
      int(status.availableReplicas),
      translateTimestampSince(deploy.metadata.creationTimestamp, now),
      names,
      images,
      // Unlike other kinds, an empty selector prints as an empty cell, an invalid one as <invalid>.
      labelSelectorString(spec.selector) ?? "<invalid>",
    ];
  },
};
