import { describe, expect, it } from "vitest";
import type { ObjectMeta } from "../../../src/api/object";
import { invalid, type FieldError } from "../../../src/api/status";
import { nameIsDNS1035Label } from "../../../src/api/validation/names";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../../src/api/validation/object-meta";

/** `field: message`, the way kubectl prints each cause. */
const rendered = (errs: FieldError[]) => errs.map((e) => `${e.field}: ${e.message}`);

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const ns = { namespaced: true } as const;

describe("validateObjectMeta", () => {
  it("accepts ordinary metadata", () => {
    expect(
      validateObjectMeta(
        {
          name: "web-1",
          namespace: "default",
          labels: { app: "web", "app.kubernetes.io/name": "web", empty: "" },
          annotations: { "Example.com/Note": "anything goes here, even spaces" },
          finalizers: ["kubernetes.io/pvc-protection"],
          ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: "u1", controller: true }],
        },
        ns,
      ),
    ).toEqual([]);
  });

  it("requires a name", () => {
    const errs = validateObjectMeta({ namespace: "default" }, ns);
    expect(errs).toEqual([
      { type: "FieldValueRequired", field: "metadata.name", message: "Required value: name or generateName is required" },
    ]);
    expect(validateObjectMeta({ namespace: "default" }, { ...ns, requireName: false })).toEqual([]);
  });

  it("checks name and generateName with the kind's rule", () => {
    expect(rendered(validateObjectMeta({ name: "My_Pod", namespace: "default" }, ns))).toEqual([
      `metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}`,
    ]);
    expect(validateObjectMeta({ name: "web-x1", generateName: "web-", namespace: "default" }, ns)).toEqual([]);
    expect(
      rendered(validateObjectMeta({ name: "a.b", namespace: "default" }, { ...ns, nameValidator: nameIsDNS1035Label })),
    ).toHaveLength(1);
  });

  it("requires a namespace on namespaced kinds and forbids it on cluster-scoped ones", () => {
    expect(rendered(validateObjectMeta({ name: "x" }, ns))).toEqual(["metadata.namespace: Required value"]);
    expect(rendered(validateObjectMeta({ name: "x", namespace: "Bad" }, ns))[0]).toMatch(
      /^metadata\.namespace: Invalid value: "Bad": a lowercase RFC 1123 label must consist of/,
    );
    expect(rendered(validateObjectMeta({ name: "n1", namespace: "default" }, { namespaced: false }))).toEqual([
      "metadata.namespace: Forbidden: not allowed on this type",
    ]);
  });

  it("validates label keys and values at the labels path", () => {
    expect(rendered(validateObjectMeta({ name: "x", namespace: "d", labels: { "app:x": "ok", good: "bad value" } }, ns))).toEqual([
      `metadata.labels: Invalid value: "app:x": ${NAME_PART_MSG}`,
      "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it("validates annotation keys (case-insensitively) and the total size", () => {
    expect(rendered(validateObjectMeta({ name: "x", namespace: "d", annotations: { "bad key": "v" } }, ns))).toEqual([
      `metadata.annotations: Invalid value: "bad key": ${NAME_PART_MSG}`,
    ]);
    const big = { a: "x".repeat(256 * 1024) }; // key + value is one byte over the limit
    expect(rendered(validateObjectMeta({ name: "x", namespace: "d", annotations: big }, ns))).toEqual([
      "metadata.annotations: Too long: may not be more than 262144 bytes",
    ]);
    const fits = { a: "x".repeat(256 * 1024 - 1) };
    expect(validateObjectMeta({ name: "x", namespace: "d", annotations: fits }, ns)).toEqual([]);
  });

  it("validates finalizers", () => {
    expect(rendered(validateObjectMeta({ name: "x", namespace: "d", finalizers: ["a/b/c"] }, ns))[0]).toMatch(
      /^metadata\.finalizers: Invalid value: "a\/b\/c": a qualified name must consist/,
    );
    expect(rendered(validateObjectMeta({ name: "x", namespace: "d", finalizers: ["orphan", "foregroundDeletion"] }, ns))).toEqual([
      'metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });

  it("validates owner references", () => {
    const meta: ObjectMeta = {
      name: "x",
      namespace: "d",
      ownerReferences: [{ apiVersion: "", kind: "", name: "", uid: "" }],
    };
    expect(rendered(validateObjectMeta(meta, ns))).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ]);
    const eventOwner: ObjectMeta = { name: "x", namespace: "d", ownerReferences: [{ apiVersion: "v1", kind: "Event", name: "e", uid: "u" }] };
    expect(rendered(validateObjectMeta(eventOwner, ns))).toEqual([
      'metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"u"}: /v1, Kind=Event is disallowed from being an owner',
    ]);
    const twoControllers: ObjectMeta = {
      name: "x",
      namespace: "d",
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "a", uid: "1", controller: true },
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "b", uid: "2", controller: true },
      ],
    };
    expect(rendered(validateObjectMeta(twoControllers, ns))[0]).toMatch(
      /: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/,
    );
  });

  it("feeds the 422 kubectl prints", () => {
    const err = invalid("Pod", "", "", validateObjectMeta({ namespace: "default" }, ns));
    expect(err.status.message).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  });
});

describe("validateObjectMetaUpdate", () => {
  const old: ObjectMeta = {
    name: "web",
    namespace: "default",
    uid: "u1",
    resourceVersion: "5",
    generation: 2,
    creationTimestamp: "2024-01-01T00:00:00Z",
  };

  it("accepts an update that keeps the identity fields", () => {
    expect(validateObjectMetaUpdate({ ...old, labels: { a: "b" } }, old)).toEqual([]);
  });

  it("reports immutable fields", () => {
    expect(
      rendered(
        validateObjectMetaUpdate(
          { ...old, name: "other", namespace: "kube-system", uid: "u2", creationTimestamp: "2025-01-01T00:00:00Z" },
          old,
        ),
      ),
    ).toEqual([
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.namespace: Invalid value: "kube-system": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
      'metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable',
    ]);
  });

  it("requires a resourceVersion and a non-decreasing generation", () => {
    expect(rendered(validateObjectMetaUpdate({ ...old, resourceVersion: undefined, generation: 1 }, old))).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      "metadata.generation: Invalid value: 1: must not be decremented",
    ]);
  });

  it("forbids new finalizers on an object being deleted", () => {
    const deleting = { ...old, deletionTimestamp: "2024-02-01T00:00:00Z", finalizers: ["a"] };
    expect(rendered(validateObjectMetaUpdate({ ...deleting, finalizers: ["a", "z", "b"] }, deleting))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b", "z"}',
    ]);
    expect(validateObjectMetaUpdate({ ...deleting, finalizers: [] }, deleting)).toEqual([]);
  });
});
