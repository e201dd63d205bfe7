// Port numbers and names (apimachinery util/validation IsValidPortNum, IsValidPortName; core ValidatePortNumOrName).
import type { ContainerPort } from "../schemas/core/container";
import { fieldError, type FieldError } from "../status";

export const PORT_RANGE_ERROR = "must be between 1 and 65535, inclusive";

export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [PORT_RANGE_ERROR];
}

/** IsValidPortName: an IANA_SVC_NAME, at most 15 lower-case alphanumerics and hyphens with at least one letter. */
export function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(name)) errs.push("must contain at least one letter (a-z)");
  if (name.includes("--")) errs.push("must not contain consecutive hyphens");
  if (name.length > 0 && (name.startsWith("-") || name.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** ValidatePortNumOrName: an int must be a port number, a string a port name. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((m) => fieldError.invalid(field, port, m));
  if (typeof port === "string") return isValidPortName(port).map((m) => fieldError.invalid(field, port, m));
  return [];
}

/** validateContainerPorts: number required and in range, host port in range, names valid and unique. */
export function validateContainerPorts(ports: ContainerPort[] | undefined, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((p, j) => {
    const path = `${at}.ports[${j}]`;
    if (typeof p.name === "string" && p.name.length > 0) {
      const msgs = isValidPortName(p.name);
      for (const m of msgs) errs.push(fieldError.invalid(`${path}.name`, p.name, m));
      if (!msgs.length && names.has(p.name)) errs.push(fieldError.duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (!p.containerPort) errs.push(fieldError.required(`${path}.containerPort`));
    else for (const m of isValidPortNum(p.containerPort)) errs.push(fieldError.invalid(`${path}.containerPort`, p.containerPort, m));
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(fieldError.invalid(`${path}.hostPort`, p.hostPort, m));
    if (!p.protocol) errs.push(fieldError.required(`${path}.protocol`));
    else if (!["SCTP", "TCP", "UDP"].includes(p.protocol)) errs.push(fieldError.notSupported(`${path}.protocol`, p.protocol, ["SCTP", "TCP", "UDP"]));
  });
  return errs;
}
