// What containers read from ConfigMaps and Secrets: data stored before validation refused bad base64 reads as empty
// instead of making the kubelet throw on every retry.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import type { ConfigMap, Secret } from "../../../src/api/schemas";
import { podSources } from "../../../src/cluster/kubelet/pod-sources";
import type { ResourceDef } from "../../../src/cluster/registry/types";

const configMaps = { resource: "configmaps" } as ResourceDef<ConfigMap>;
const secrets = { resource: "secrets" } as ResourceDef<Secret>;

function sources(objects: Record<string, KubeObject>) {
  const registry = {
    tryGet: <T extends KubeObject>(def: ResourceDef<T>, _ns: string | undefined, name: string) =>
      objects[`${def.resource}/${name}`] as T | undefined,
    list: <T extends KubeObject>(def: ResourceDef<T>) => Object.entries(objects).filter(([key]) => key.startsWith(`${def.resource}/`)).map(([, o]) => o as T),
  };
  return podSources(registry, { configMaps, secrets }, "default", undefined);
}

describe("podSources", () => {
  it("decodes binaryData and Secret data", () => {
    const s = sources({
      "configmaps/c": { metadata: { name: "c" }, data: { a: "1" }, binaryData: { b: "aGk=" } } as KubeObject,
      "secrets/s": { metadata: { name: "s" }, data: { p: "cGFzcw==" } } as KubeObject,
    });
    expect(s.configMap("c")).toEqual({ a: "1", b: "hi" });
    expect(s.secret("s")).toEqual({ p: "pass" });
  });

  it("reads a value that is not base64 as empty rather than throwing", () => {
    const s = sources({
      "configmaps/c": { metadata: { name: "c" }, binaryData: { b: "not base64!" } } as KubeObject,
      "secrets/s": { metadata: { name: "s" }, data: { p: "%%%" } } as KubeObject,
    });
    expect(s.configMap("c")).toEqual({ b: "" });
    expect(s.secret("s")).toEqual({ p: "" });
  });
});
