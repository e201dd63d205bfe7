// `kubectl get podtemplates`: CONTAINERS, IMAGES and POD LABELS (the real table has no AGE column).
import type { Printer } from "../types";
import { column, nameColumn } from "../printing/columns";
import { at } from "../printing/fields";
import { containerCells } from "../printing/format";
import { formatLabels } from "../printing/label-selector";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Containers", "string", "Names of each container in the template."),
    column("Images", "string", "Images referenced by each container in the template."),
    column("Pod Labels", "string", "The labels for the pod template."),
  ],
  cells(pt) {
    const { names, images } = containerCells(at(pt.template, "spec", "containers"));
    return [pt.metadata.name ?? "", names, images, formatLabels(at(pt.template, "metadata", "labels"))];
  },
};
