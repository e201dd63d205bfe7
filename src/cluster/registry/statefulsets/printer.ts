// `kubectl get statefulsets`: READY as ready/desired; wide CONTAINERS, IMAGES.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, int, record } from "../printing/fields";
import { containerCells } from "../printing/format";

export const printer: Printer = {
  columns: [nameColumn, column("Ready", "string", "Number of the pod with ready state"), ageColumn, containersColumn, imagesColumn],
  cells(sts, now) {
    const spec = record(sts.spec);
    const status = record(sts.status);
    const { names, images } = containerCells(at(spec.template, "spec", "containers"));
    return [sts.metadata.name ?? "", `${int(status.readyReplicas)}/${int(spec.replicas)}`, translateTimestampSince(sts.metadata.creationTimestamp, now), names, images];
  },
};
