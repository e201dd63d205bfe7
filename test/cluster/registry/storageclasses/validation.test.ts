import { describe, expect, it } from "vitest";
import { storageClassStrategy } from "../../../../src/cluster/registry/storageclasses/strategy";
import { validateStorageClass, validateStorageClassUpdate, type StorageClassFields } from "../../../../src/cluster/registry/storageclasses/validation";

const sc = (extra: Partial<StorageClassFields> = {}): StorageClassFields => ({
  metadata: { name: "fast" },
  provisioner: "example.com/disk",
  reclaimPolicy: "Delete",
  volumeBindingMode: "Immediate",
  ...extra,
});
const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);

describe("StorageClass validation", () => {
  it("accepts a class with every field set", () => {
    const full = sc({
      parameters: { type: "ssd" },
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
      mountOptions: ["debug"],
      allowedTopologies: [{ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["a", "b"] }] }],
    });
    expect(validateStorageClass(full)).toEqual([]);
  });

  it("requires a provisioner that is a qualified name, checked in lower case", () => {
    expect(messages(validateStorageClass(sc({ provisioner: "" })))).toEqual(["provisioner: Required value"]);
    expect(validateStorageClass(sc({ provisioner: "Example.com/Disk" }))).toEqual([]);
    expect(messages(validateStorageClass(sc({ provisioner: "bad provisioner!" })))).toEqual([
      'provisioner: Invalid value: "bad provisioner!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
    ]);
    expect(messages(validateStorageClass(sc({ provisioner: "a/b/C" })))[0]).toMatch(/^provisioner: Invalid value: "a\/b\/c": a qualified name must consist of/);
  });

  it("takes Delete or Retain (or an explicit empty string) as reclaimPolicy", () => {
    expect(validateStorageClass(sc({ reclaimPolicy: "" }))).toEqual([]);
    expect(messages(validateStorageClass(sc({ reclaimPolicy: "Recycle" })))).toEqual([
      'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    ]);
  });

  it("takes Immediate or WaitForFirstConsumer as volumeBindingMode", () => {
    expect(messages(validateStorageClass(sc({ volumeBindingMode: "Later" })))).toEqual([
      'volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    ]);
    expect(messages(validateStorageClass(sc({ volumeBindingMode: undefined })))).toEqual(["volumeBindingMode: Required value"]);
  });

  it("allows at most 512 parameters, none with an empty key", () => {
    const many = Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`k${i}`, "v"]));
    expect(messages(validateStorageClass(sc({ parameters: many })))).toEqual(["parameters: Too long: may not be more than 512 bytes"]);
    expect(validateStorageClass(sc({ parameters: Object.fromEntries(Object.entries(many).slice(0, 512)) }))).toEqual([]);
    expect(messages(validateStorageClass(sc({ parameters: { "": "x" } })))).toEqual(['parameters: Invalid value: "": field can not be empty.']);
    expect(messages(validateStorageClass(sc({ parameters: { a: "x".repeat(262_144) } })))).toEqual(["parameters: Too long: may not be more than 262144 bytes"]);
  });

  it("checks allowedTopologies: values required and unique, keys label names and unique, terms unique", () => {
    const zone = "topology.kubernetes.io/zone";
    expect(
      messages(
        validateStorageClass(
          sc({
            allowedTopologies: [
              { matchLabelExpressions: [{ key: zone, values: [] }, { key: "bad key", values: ["a", "a"] }, { key: zone, values: ["b"] }] },
              { matchLabelExpressions: [{ key: zone, values: ["a"] }] },
              { matchLabelExpressions: [{ key: zone, values: ["a"] }] },
            ],
          }),
        ),
      ),
    ).toEqual([
      "allowedTopologies[0].matchLabelExpressions[0].values: Required value",
      'allowedTopologies[0].matchLabelExpressions[1].values[1]: Duplicate value: "a"',
      expect.stringMatching(/^allowedTopologies\[0\]\.matchLabelExpressions\[1\]\.key: Invalid value: "bad key": name part must consist of/),
      `allowedTopologies[0].matchLabelExpressions[2].key: Duplicate value: "${zone}"`,
      'allowedTopologies[2].matchLabelExpressions: Duplicate value: ""',
    ]);
  });

  it("keeps provisioner, parameters, reclaimPolicy and volumeBindingMode fixed; the rest may change", () => {
    const old = sc({ parameters: { type: "ssd" } });
    expect(validateStorageClassUpdate({ ...old, allowVolumeExpansion: true, mountOptions: ["ro"] }, old)).toEqual([]);
    expect(
      messages(
        validateStorageClassUpdate(
          { ...old, provisioner: "other.io/disk", parameters: { type: "hdd" }, reclaimPolicy: "Retain", volumeBindingMode: "WaitForFirstConsumer" },
          old,
        ),
      ),
    ).toEqual([
      "parameters: Forbidden: updates to parameters are forbidden.",
      "provisioner: Forbidden: updates to provisioner are forbidden.",
      "reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.",
      'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    ]);
  });

  it("defaults reclaimPolicy to Delete and volumeBindingMode to Immediate, keeping explicit values", () => {
    const bare: StorageClassFields = { metadata: { name: "a" }, provisioner: "p" };
    storageClassStrategy.defaults!(bare);
    expect([bare.reclaimPolicy, bare.volumeBindingMode]).toEqual(["Delete", "Immediate"]);
    const set: StorageClassFields = { metadata: { name: "a" }, provisioner: "p", reclaimPolicy: "Retain", volumeBindingMode: "WaitForFirstConsumer" };
    storageClassStrategy.defaults!(set);
    expect([set.reclaimPolicy, set.volumeBindingMode]).toEqual(["Retain", "WaitForFirstConsumer"]);
  });
});
