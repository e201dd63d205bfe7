// `kubectl get endpointslices`: ADDRESSTYPE, PORTS and ENDPOINTS, each list capped at three.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { list, optionalInt, record, text } from "../printing/fields";
import { listWithMore } from "../printing/format";

/** Port numbers, else port names, else `*`. */
export function formatSlicePorts(ports: unknown): string {
  return listWithMore(
    list(ports)
      .map(record)
      .map((p) => {
        const port = optionalInt(p.port);
        if (port !== undefined) return String(port);
        return typeof p.name === "string" ? p.name : "*";
      }),
  );
}

/** Every address of every endpoint. */
export function formatSliceEndpoints(endpoints: unknown): string {
  return listWithMore(list(endpoints).flatMap((e) => list(record(e).addresses).map(text)));
}

export const printer: Printer = {
  columns: [
    nameColumn,
    column("AddressType", "string", "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type."),
    column("Ports", "string", "ports specifies the list of network ports exposed by each endpoint in this slice."),
    column("Endpoints", "string", "endpoints is a list of unique endpoints in this slice."),
    ageColumn,
  ],
  cells: (slice, now) => [
    slice.metadata.name ?? "",
    text(slice.addressType),
    formatSlicePorts(slice.ports),
    formatSliceEndpoints(slice.endpoints),
    translateTimestampSince(slice.metadata.creationTimestamp, now),
  ],
};
