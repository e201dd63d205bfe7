import { describe, expect, it } from "vitest";
import { pageSize } from "../../../src/cluster/apiserver/list-options";

describe("pageSize", () => {
  it("honours limits below kubectl's default chunk exactly, so paging can be explored", () => {
    expect(pageSize(undefined)).toBeUndefined();
    expect(pageSize(1)).toBe(1);
    expect(pageSize(499)).toBe(499);
  });

  it("serves kubectl's default chunk of 500 and larger limits in pages of at least 10,000", () => {
    expect(pageSize(500)).toBe(10_000);
    expect(pageSize(2000)).toBe(10_000);
    expect(pageSize(25_000)).toBe(25_000);
  });
});
