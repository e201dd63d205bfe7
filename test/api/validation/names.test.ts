import { describe, expect, it } from "vitest";
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  utf8ByteLength,
} from "../../../src/api/validation/names";

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe("regexError", () => {
  it("renders examples the way validation.RegexError does", () => {
    expect(regexError("msg", "re")).toBe("msg (regex used for validation is 're')");
    expect(regexError("msg", "re", "a", "b")).toBe("msg (e.g. 'a',  or 'b', regex used for validation is 're')");
  });
});

describe("isDNS1123Subdomain", () => {
  it("accepts subdomains and rejects the rest with the apiserver's message", () => {
    expect(isDNS1123Subdomain("example.com")).toEqual([]);
    expect(isDNS1123Subdomain("web-1")).toEqual([]);
    expect(isDNS1123Subdomain("My_Pod")).toEqual([SUBDOMAIN_MSG]);
    expect(isDNS1123Subdomain("-a")).toEqual([SUBDOMAIN_MSG]);
    expect(isDNS1123Subdomain("")).toEqual([SUBDOMAIN_MSG]);
  });

  it("limits length to 253", () => {
    expect(isDNS1123Subdomain("a".repeat(253))).toEqual([]);
    expect(isDNS1123Subdomain("a".repeat(254))).toEqual(["must be no more than 253 characters"]);
  });
});

describe("isDNS1123Label", () => {
  it("explains dots separately", () => {
    expect(isDNS1123Label("default")).toEqual([]);
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1123Label("Kube")).toEqual([LABEL_MSG]);
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });
});

describe("isDNS1035Label", () => {
  it("requires a leading letter", () => {
    expect(isDNS1035Label("my-svc")).toEqual([]);
    expect(isDNS1035Label("1svc")).toEqual([DNS1035_MSG]);
  });
});

describe("isQualifiedName", () => {
  it("accepts prefixed and plain names", () => {
    expect(isQualifiedName("app")).toEqual([]);
    expect(isQualifiedName("app.kubernetes.io/name")).toEqual([]);
    expect(isQualifiedName("MyName")).toEqual([]);
  });

  it("reports each part's problem", () => {
    expect(isQualifiedName("app:monolith")).toEqual([NAME_PART_MSG]);
    expect(isQualifiedName("/a")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName("a/")).toEqual(["name part must be non-empty", NAME_PART_MSG]);
    expect(isQualifiedName("Bad_Prefix/a")).toEqual([`prefix part ${SUBDOMAIN_MSG}`]);
    expect(isQualifiedName("a".repeat(64))).toEqual(["name part must be no more than 63 characters"]);
    expect(isQualifiedName("a/b/c")).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe("isValidLabelValue", () => {
  it("allows the empty string and rejects bad characters and length", () => {
    expect(isValidLabelValue("")).toEqual([]);
    expect(isValidLabelValue("v1.2_3-x")).toEqual([]);
    expect(isValidLabelValue("demo-{nginx}")).toEqual([LABEL_VALUE_MSG]);
    expect(isValidLabelValue("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(isValidLabelValue("-" + "a".repeat(63))).toEqual(["must be no more than 63 characters", LABEL_VALUE_MSG]);
  });
});

describe("name validators", () => {
  it("let a generateName end in a dash", () => {
    expect(nameIsDNSSubdomain("web-", true)).toEqual([]);
    expect(nameIsDNSSubdomain("web-", false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNSLabel("a-", true)).toEqual([]);
    expect(nameIsDNS1035Label("svc-", true)).toEqual([]);
    expect(nameIsDNSSubdomain("-", true)).toEqual([SUBDOMAIN_MSG]);
  });
});

describe("utf8ByteLength", () => {
  it("counts bytes like Go's len", () => {
    expect(utf8ByteLength("abc")).toBe(3);
    expect(utf8ByteLength("é")).toBe(2);
    expect(utf8ByteLength("€")).toBe(3);
    expect(utf8ByteLength("😀")).toBe(4);
  });
});
