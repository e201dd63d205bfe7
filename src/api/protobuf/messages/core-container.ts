// k8s.io/api/core/v1: Container and what it embeds (env, resources, probes, lifecycle, security context).

import {
  type MessageType,
  P,
  bool,
  i32,
  i32s,
  i64,
  inline,
  intOrStr,
  list,
  obj,
  qty,
  qtyMap,
  str,
  strs,
} from "../schema";

export const LocalObjectReference: MessageType = { 1: str("name") };

const ContainerPort: MessageType = {
  1: str("name"),
  2: i32("hostPort"),
  3: i32("containerPort"),
  4: str("protocol"),
  5: str("hostIP"),
};

const keySelector: MessageType = {
  1: inline("localObjectReference", () => LocalObjectReference),
  2: str("key"),
  3: bool("optional", P),
};

export const ObjectFieldSelector: MessageType = { 1: str("apiVersion"), 2: str("fieldPath") };

export const ResourceFieldSelector: MessageType = {
  1: str("containerName"),
  2: str("resource"),
  3: qty("divisor"),
};

const FileKeySelector: MessageType = {
  1: str("volumeName"),
  2: str("path"),
  3: str("key"),
  4: bool("optional", P),
};

const EnvVarSource: MessageType = {
  1: obj("fieldRef", () => ObjectFieldSelector),
  2: obj("resourceFieldRef", () => ResourceFieldSelector),
  3: obj("configMapKeyRef", () => keySelector),
  4: obj("secretKeyRef", () => keySelector),
  5: obj("fileKeyRef", () => FileKeySelector),
};

const EnvVar: MessageType = { 1: str("name"), 2: str("value"), 3: obj("valueFrom", () => EnvVarSource) };

const envSource: MessageType = {
  1: inline("localObjectReference", () => LocalObjectReference),
  2: bool("optional", P),
};

const EnvFromSource: MessageType = {
  1: str("prefix"),
  2: obj("configMapRef", () => envSource),
  3: obj("secretRef", () => envSource),
};

const ResourceClaim: MessageType = { 1: str("name"), 2: str("request") };

export const ResourceRequirements: MessageType = {
  1: qtyMap("limits"),
  2: qtyMap("requests"),
  3: list("claims", () => ResourceClaim),
};

const ContainerResizePolicy: MessageType = { 1: str("resourceName"), 2: str("restartPolicy") };

const ContainerRestartRule: MessageType = {
  1: str("action"),
  2: obj("exitCodes", () => ({ 1: str("operator"), 2: i32s("values") })),
};

const VolumeMount: MessageType = {
  1: str("name"),
  2: bool("readOnly"),
  3: str("mountPath"),
  4: str("subPath"),
  5: str("mountPropagation", P),
  6: str("subPathExpr"),
  7: str("recursiveReadOnly", P),
};

const VolumeDevice: MessageType = { 1: str("name"), 2: str("devicePath") };

const ExecAction: MessageType = { 1: strs("command") };

const HTTPGetAction: MessageType = {
  1: str("path"),
  2: intOrStr("port"),
  3: str("host"),
  4: str("scheme"),
  5: list("httpHeaders", () => ({ 1: str("name"), 2: str("value") })),
};

const TCPSocketAction: MessageType = { 1: intOrStr("port"), 2: str("host") };

const GRPCAction: MessageType = { 1: i32("port"), 2: str("service", P) };

const ProbeHandler: MessageType = {
  1: obj("exec", () => ExecAction),
  2: obj("httpGet", () => HTTPGetAction),
  3: obj("tcpSocket", () => TCPSocketAction),
  4: obj("grpc", () => GRPCAction),
};

const Probe: MessageType = {
  1: inline("handler", () => ProbeHandler),
  2: i32("initialDelaySeconds"),
  3: i32("timeoutSeconds"),
  4: i32("periodSeconds"),
  5: i32("successThreshold"),
  6: i32("failureThreshold"),
  7: i64("terminationGracePeriodSeconds", P),
};

const LifecycleHandler: MessageType = {
  1: obj("exec", () => ExecAction),
  2: obj("httpGet", () => HTTPGetAction),
  3: obj("tcpSocket", () => TCPSocketAction),
  4: obj("sleep", () => ({ 1: i64("seconds") })),
};

const Lifecycle: MessageType = {
  1: obj("postStart", () => LifecycleHandler),
  2: obj("preStop", () => LifecycleHandler),
  3: str("stopSignal", P),
};

export const SELinuxOptions: MessageType = { 1: str("user"), 2: str("role"), 3: str("type"), 4: str("level") };

export const WindowsSecurityContextOptions: MessageType = {
  1: str("gmsaCredentialSpecName", P),
  2: str("gmsaCredentialSpec", P),
  3: str("runAsUserName", P),
  4: bool("hostProcess", P),
};

/** SeccompProfile and AppArmorProfile share this shape. */
export const ProfileReference: MessageType = { 1: str("type"), 2: str("localhostProfile", P) };

const SecurityContext: MessageType = {
  1: obj("capabilities", () => ({ 1: strs("add"), 2: strs("drop") })),
  2: bool("privileged", P),
  3: obj("seLinuxOptions", () => SELinuxOptions),
  4: i64("runAsUser", P),
  5: bool("runAsNonRoot", P),
  6: bool("readOnlyRootFilesystem", P),
  7: bool("allowPrivilegeEscalation", P),
  8: i64("runAsGroup", P),
  9: str("procMount", P),
  10: obj("windowsOptions", () => WindowsSecurityContextOptions),
  11: obj("seccompProfile", () => ProfileReference),
  12: obj("appArmorProfile", () => ProfileReference),
  13: list("ulimits", () => ({ 1: str("name"), 2: i64("hard"), 3: i64("soft") })),
};

export const Container: MessageType = {
  1: str("name"),
  2: str("image"),
  3: strs("command"),
  4: strs("args"),
  5: str("workingDir"),
  6: list("ports", () => ContainerPort),
  7: list("env", () => EnvVar),
  8: obj("resources", () => ResourceRequirements),
  9: list("volumeMounts", () => VolumeMount),
  10: obj("livenessProbe", () => Probe),
  11: obj("readinessProbe", () => Probe),
  12: obj("lifecycle", () => Lifecycle),
  13: str("terminationMessagePath"),
  14: str("imagePullPolicy"),
  15: obj("securityContext", () => SecurityContext),
  16: bool("stdin"),
  17: bool("stdinOnce"),
  18: bool("tty"),
  19: list("envFrom", () => EnvFromSource),
  20: str("terminationMessagePolicy"),
  21: list("volumeDevices", () => VolumeDevice),
  22: obj("startupProbe", () => Probe),
  23: list("resizePolicy", () => ContainerResizePolicy),
  24: str("restartPolicy", P),
  25: list("restartPolicyRules", () => ContainerRestartRule),
};

/** EphemeralContainer embeds EphemeralContainerCommon (the Container fields) inline. */
export const EphemeralContainer: MessageType = {
  1: inline("ephemeralContainerCommon", () => Container),
  2: str("targetContainerName"),
};
