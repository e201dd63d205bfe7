// Endpoints (ValidateEndpoints): ports of each subset in range, with a supported protocol (TCP by default).
import { fieldError, type FieldError } from "../../../api/status";
import { isValidPortNum } from "../../../api/validation/ports";
import type { Endpoints } from "../../../api/schemas/core/endpoints";
import type { Strategy } from "../types";

export const endpointsStrategy: Strategy<Endpoints> = {
  /** SetDefaults_EndpointPort: TCP. */
  defaults(endpoints) {
    for (const subset of endpoints.subsets ?? []) for (const p of subset.ports ?? []) p.protocol ||= "TCP";
  },
  validate(endpoints) {
    const subsets = endpoints.subsets ?? [];
    const errors: FieldError[] = [];
    subsets.forEach((subset, i) =>
      (subset.ports ?? []).forEach((p, j) => {
        const at = `subsets[${i}].ports[${j}]`;
        for (const m of isValidPortNum(p.port ?? 0)) errors.push(fieldError.invalid(`${at}.port`, p.port ?? 0, m));
        if (p.protocol && !["SCTP", "TCP", "UDP"].includes(p.protocol)) errors.push(fieldError.notSupported(`${at}.protocol`, p.protocol, ["SCTP", "TCP", "UDP"]));
      }),
    );
    return errors;
  },
};
