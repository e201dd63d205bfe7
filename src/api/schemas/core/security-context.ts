// Container and pod security settings.
import { z } from "zod";
import { atomic, bool, int, list, ref, str } from "../fields";

export const SELinuxOptions = z
  .object({
    user: str("SELinux user label.").optional(),
    role: str("SELinux role label.").optional(),
    type: str("SELinux type label.").optional(),
    level: str("SELinux level label.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SELinuxOptions", description: "SELinux labels applied to a container." });

export const WindowsSecurityContextOptions = z
  .object({
    gmsaCredentialSpecName: str("Name of the GMSA credential spec resource to use.").optional(),
    gmsaCredentialSpec: str("Inlined GMSA credential spec contents.").optional(),
    runAsUserName: str("Windows user name that runs the entrypoint.").optional(),
    hostProcess: bool("Whether the container runs as a Windows host process.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.WindowsSecurityContextOptions", description: "Windows-specific security settings." });

export const SeccompProfile = z
  .object({
    type: str("Profile kind: Localhost, RuntimeDefault or Unconfined."),
    localhostProfile: str("Path of a profile file on the node, for type Localhost.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SeccompProfile", description: "The seccomp profile applied to a process." });

export const AppArmorProfile = z
  .object({
    type: str("Profile kind: Localhost, RuntimeDefault or Unconfined."),
    localhostProfile: str("Name of a profile loaded on the node, for type Localhost.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.AppArmorProfile", description: "The AppArmor profile applied to a process." });

export const Capabilities = z
  .object({
    add: list(z.string(), "Capabilities granted in addition to the runtime defaults.", atomic).optional(),
    drop: list(z.string(), "Capabilities removed from the runtime defaults.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Capabilities", description: "POSIX capabilities added to or dropped from a container." });

export const SecurityContext = z
  .object({
    capabilities: ref(Capabilities, "Capabilities to add or drop.").optional(),
    privileged: bool("Runs the container with host-root-equivalent privileges.").optional(),
    seLinuxOptions: ref(SELinuxOptions, "SELinux context of the container.").optional(),
    windowsOptions: ref(WindowsSecurityContextOptions, "Windows-specific settings.").optional(),
    runAsUser: int("UID that runs the entrypoint.").optional(),
    runAsGroup: int("GID that runs the entrypoint.").optional(),
    runAsNonRoot: bool("Refuses to start the container if it would run as UID 0.").optional(),
    readOnlyRootFilesystem: bool("Mounts the container's root filesystem read-only.").optional(),
    allowPrivilegeEscalation: bool("Whether a process may gain more privileges than its parent.").optional(),
    procMount: str("Kind of /proc mount: Default or Unmasked.").optional(),
    seccompProfile: ref(SeccompProfile, "Seccomp profile of the container.").optional(),
    appArmorProfile: ref(AppArmorProfile, "AppArmor profile of the container.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SecurityContext", description: "Security settings of one container." });

export const Sysctl = z
  .object({
    name: str("Name of the kernel parameter."),
    value: str("Value to set."),
  })
  .meta({ id: "io.k8s.api.core.v1.Sysctl", description: "A namespaced kernel parameter to set." });

export const PodSecurityContext = z
  .object({
    seLinuxOptions: ref(SELinuxOptions, "SELinux context applied to every container.").optional(),
    windowsOptions: ref(WindowsSecurityContextOptions, "Windows-specific settings for every container.").optional(),
    runAsUser: int("UID that runs every container's entrypoint.").optional(),
    runAsGroup: int("GID that runs every container's entrypoint.").optional(),
    runAsNonRoot: bool("Refuses to start containers that would run as UID 0.").optional(),
    supplementalGroups: list(z.number().int(), "Extra GIDs added to each container's first process.", atomic).optional(),
    supplementalGroupsPolicy: str("How supplemental groups are computed: Merge or Strict.").optional(),
    fsGroup: int("GID that owns supported volumes and is added to every container.").optional(),
    sysctls: list(Sysctl, "Namespaced kernel parameters set for the pod.", atomic).optional(),
    fsGroupChangePolicy: str("When volume ownership is changed: OnRootMismatch or Always.").optional(),
    seccompProfile: ref(SeccompProfile, "Seccomp profile of every container.").optional(),
    appArmorProfile: ref(AppArmorProfile, "AppArmor profile of every container.").optional(),
    seLinuxChangePolicy: str("How the SELinux label is applied to volumes: MountOption or Recursive.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodSecurityContext", description: "Security settings shared by every container of a pod." });
