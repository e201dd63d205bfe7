// The per-container checks of validateContainers/validateInitContainers beyond name and image presence: image
// whitespace, ports, resources, securityContext, probes and lifecycle hooks.
import { fieldError, type FieldError } from "../../../../api/status";
import { validateContainerPorts } from "../../../../api/validation/ports";
import { validateContainerProbes, validateLifecycle } from "./probes";
import type { Container } from "../../../../api/schemas/core/container";
import { validateResourceRequirements } from "./resources";
import { validateSecurityContext } from "./security-context";

export function validateContainerFields(c: Container, at: string, init: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof c.image === "string" && c.image.length !== c.image.trim().length) {
    errs.push(fieldError.invalid(`${at}.image`, c.image, "must not have leading or trailing whitespace"));
  }
  errs.push(...validateContainerPorts(c.ports, at));
  errs.push(...validateResourceRequirements(c.resources, `${at}.resources`));
  errs.push(...validateSecurityContext(c.securityContext, `${at}.securityContext`));
  // Init containers that run to completion may have no probes or hooks at all (restartPolicyErrors says so).
  if (!init || c.restartPolicy === "Always") {
    errs.push(...validateLifecycle(c.lifecycle, `${at}.lifecycle`));
    errs.push(...validateContainerProbes(c, at));
  }
  return errs;
}
