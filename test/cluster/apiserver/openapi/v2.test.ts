import { describe, expect, it } from "vitest";
import { OPENAPI_V2_CONTENT_TYPE, openapiV2Response } from "../../../../src/cluster/apiserver/openapi/v2";

describe("openapi v2", () => {
  it("uses the parseable protobuf content type (dots, not the @ kubectl sends in Accept)", () => {
    expect(OPENAPI_V2_CONTENT_TYPE).toBe("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
  });

  it("answers 200 with an empty body in that content type", async () => {
    const parts = openapiV2Response();
    expect(parts.status).toBe(200);
    expect(parts.headers["Content-Type"]).toBe(OPENAPI_V2_CONTENT_TYPE);
    const response = new Response(parts.body, parts);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(OPENAPI_V2_CONTENT_TYPE);
    expect(await response.text()).toBe("");
  });
});
