// ValidateSecurityContext and ValidatePodSecurityContext: ids in range, and the settings that contradict each other
// (no new privileges for a privileged container or one given CAP_SYS_ADMIN).
import { fieldError, type FieldError } from "../../../../api/status";
import type { Container, PodSpec } from "../../../../api/schemas";
import { invalidRendered } from "../../pod-template";

type SecurityContext = NonNullable<Container["securityContext"]>;
type PodSecurityContext = NonNullable<PodSpec["securityContext"]>;

const MAX_ID = 2147483647;
const idErrors = (field: string, value: number | undefined): FieldError[] =>
  value !== undefined && (value < 0 || value > MAX_ID) ? [fieldError.invalid(field, value, `must be between 0 and ${MAX_ID}, inclusive`)] : [];

/**
 * Go's `%#v` of the internal SecurityContext, as the apiserver prints it in these errors: set pointer fields print as
 * addresses; the ones here are stand-ins of the same form.
 */
function goSecurityContext(sc: SecurityContext): string {
  const fields: [string, string, unknown][] = [
    ["Capabilities", "core.Capabilities", sc.capabilities],
    ["Privileged", "bool", sc.privileged],
    ["SELinuxOptions", "core.SELinuxOptions", sc.seLinuxOptions],
    ["WindowsOptions", "core.WindowsSecurityContextOptions", sc.windowsOptions],
    ["RunAsUser", "int64", sc.runAsUser],
    ["RunAsGroup", "int64", sc.runAsGroup],
    ["RunAsNonRoot", "bool", sc.runAsNonRoot],
    ["ReadOnlyRootFilesystem", "bool", sc.readOnlyRootFilesystem],
    ["AllowPrivilegeEscalation", "bool", sc.allowPrivilegeEscalation],
    ["ProcMount", "core.ProcMountType", sc.procMount],
    ["SeccompProfile", "core.SeccompProfile", sc.seccompProfile],
    ["AppArmorProfile", "core.AppArmorProfile", sc.appArmorProfile],
  ];
  const rendered = fields.map(([name, type, value], i) => `${name}:(*${type})(${value === undefined || value === null ? "nil" : `0xc000b2${(0x1e0 + i * 8).toString(16)}`})`);
  return `core.SecurityContext{${rendered.join(", ")}}`;
}

/** A container's securityContext. */
export function validateSecurityContext(sc: SecurityContext | undefined, at: string): FieldError[] {
  if (!sc) return [];
  const errs = [...idErrors(`${at}.runAsUser`, sc.runAsUser), ...idErrors(`${at}.runAsGroup`, sc.runAsGroup)];
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(invalidRendered(at, goSecurityContext(sc), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap === "CAP_SYS_ADMIN") errs.push(invalidRendered(at, goSecurityContext(sc), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
    }
  }
  return errs;
}

/** The pod's securityContext: its ids in range. */
export function validatePodSecurityContext(sc: PodSecurityContext | undefined, at: string): FieldError[] {
  if (!sc) return [];
  return [
    ...idErrors(`${at}.fsGroup`, sc.fsGroup),
    ...idErrors(`${at}.runAsUser`, sc.runAsUser),
    ...idErrors(`${at}.runAsGroup`, sc.runAsGroup),
    ...(sc.supplementalGroups ?? []).flatMap((g, i) => idErrors(`${at}.supplementalGroups[${i}]`, g)),
  ];
}
