// EndpointSlices (ValidateEndpointSlice): a supported address type and ports in range.
import { fieldError, type FieldError } from "../../../api/status";
import { isValidPortNum } from "../../../api/validation/ports";
import type { EndpointSlice } from "../../../api/schemas/discovery/endpointslice";
import type { Strategy } from "../types";

const addressTypes = ["FQDN", "IPv4", "IPv6"];

export const endpointSliceStrategy: Strategy<EndpointSlice> = {
  validate(s) {
    const errors: FieldError[] = [];
    if (!s.addressType) errors.push(fieldError.required("addressType"));
    else if (!addressTypes.includes(s.addressType)) errors.push(fieldError.notSupported("addressType", s.addressType, addressTypes));
    (s.ports ?? []).forEach((p, i) => {
      if (typeof p.port === "number") for (const m of isValidPortNum(p.port)) errors.push(fieldError.invalid(`ports[${i}].port`, p.port, m));
      if (p.protocol && !["SCTP", "TCP", "UDP"].includes(p.protocol)) errors.push(fieldError.notSupported(`ports[${i}].protocol`, p.protocol, ["SCTP", "TCP", "UDP"]));
    });
    return errors;
  },
};
