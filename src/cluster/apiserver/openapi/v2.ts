// `/openapi/v2`: an empty 200 in the protobuf content type. kubectl 1.27/1.28 fetch it before v3 for create/apply/
// explain, and every version falls back to it for client-side validation; an empty document means "no schemas", so
// kubectl skips client-side validation instead of failing (kubectl-wire.md §9.2). The content type must be the
// parseable `…spec.v2.v1.0+protobuf`: the `…spec.v2@v1.0+protobuf` kubectl sends in Accept is not a valid MIME type.

export const OPENAPI_V2_CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

export interface OpenAPIV2ResponseParts {
  status: 200;
  headers: Record<string, string>;
  /** Always empty. */
  body: null;
}

/** Status, headers and body of the `/openapi/v2` answer; `new Response(parts.body, parts)` builds it. */
export function openapiV2Response(): OpenAPIV2ResponseParts {
  return { status: 200, headers: { "Content-Type": OPENAPI_V2_CONTENT_TYPE }, body: null };
}
