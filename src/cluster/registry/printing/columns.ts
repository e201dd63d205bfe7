// Column definitions shared by many kinds, with the descriptions the apiserver sends (the API field docs).
import type { ColumnDefinition } from "../types";

export const NAME_DESCRIPTION =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a " +
  "client to request the generation of an appropriate name automatically. Name is primarily intended for creation " +
  "idempotence and configuration definition. Cannot be updated. More info: " +
  "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

export const CREATION_TIMESTAMP_DESCRIPTION =
  "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed " +
  "to be set in happens-before order across separate operations. Clients may not set this value. It is represented " +
  "in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: " +
  "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/** A column; `priority` 1 means `-o wide` only. */
export function column(
  name: string,
  type: ColumnDefinition["type"],
  description: string,
  priority = 0,
  format = "",
): ColumnDefinition {
  return { name, type, format, description, priority };
}

export const nameColumn: ColumnDefinition = column("Name", "string", NAME_DESCRIPTION, 0, "name");
export const ageColumn: ColumnDefinition = column("Age", "string", CREATION_TIMESTAMP_DESCRIPTION);
export const containersColumn: ColumnDefinition = column(
  "Containers",
  "string",
  "Names of each container in the template.",
  1,
);
export const imagesColumn: ColumnDefinition = column(
  "Images",
  "string",
  "Images referenced by each container in the template.",
  1,
);
