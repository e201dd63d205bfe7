import { describe, expect, it } from "vitest";
import { hmacSha256, sha256 } from "../../src/api/hmac-sha256";
import { signJwt, unverifiedClaims, verifyJwt } from "../../src/api/jwt";

const bytes = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

describe("SHA-256 and HMAC-SHA256", () => {
  it("match the FIPS 180-4 and RFC 4231 test vectors", () => {
    expect(hex(sha256(bytes("")))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(sha256(bytes("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha256(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(hex(hmacSha256(new Uint8Array(20).fill(0x0b), bytes("Hi There")))).toBe("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    expect(hex(hmacSha256(new Uint8Array(131).fill(0xaa), bytes("Test Using Larger Than Block-Size Key - Hash Key First")))).toBe(
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    );
  });
});

describe("JWT", () => {
  const claims = { sub: "system:serviceaccount:dev:app", exp: 2000000000 };

  it("signs header.payload.signature with HS256 and verifies it with the same key only", () => {
    const token = signJwt(claims, "secret", "kid1");
    expect(token.split(".")).toHaveLength(3);
    expect(unverifiedClaims(`x.${token.split(".")[0]}.x`)).toEqual({ alg: "HS256", kid: "kid1", typ: "JWT" });
    expect(verifyJwt(token, "secret")).toEqual(claims);
    expect(verifyJwt(token, "other")).toBeUndefined();
    const [h, , s] = token.split(".");
    const forged = `${h}.${btoa(JSON.stringify({ ...claims, sub: "system:serviceaccount:kube-system:admin" })).replace(/=+$/, "")}.${s}`;
    expect(verifyJwt(forged, "secret")).toBeUndefined();
    expect(unverifiedClaims(forged)?.sub).toBe("system:serviceaccount:kube-system:admin");
    expect(verifyJwt("a.b", "secret")).toBeUndefined();
    expect(unverifiedClaims("not a token")).toBeUndefined();
  });
});
