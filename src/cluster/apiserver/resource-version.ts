// The `resourceVersion` query parameter, parsed as the apiserver's storage parses it (strconv.ParseUint, base 10).
import { badRequest } from "../../api/status";

const maxUint64 = 18446744073709551615n;

/** Go's strconv.Quote for the ASCII a query string usually holds; close enough for other characters. */
function goQuote(value: string): string {
  return JSON.stringify(value);
}

/**
 * The revision a `resourceVersion` names: undefined for "" and "0" (any), else its number. Anything
 * strconv.ParseUint refuses ("abc", "-1", "1.5", "1e309", "0x10", "+1") is the etcd store's 400
 * `invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax`.
 * (Kubernetes' watch cache passes the same parse error on unconverted, as a 500; the 400 is the store's answer.)
 */
export function parseResourceVersion(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "" || value === "0") return undefined;
  const fail = (why: string) =>
    badRequest(`invalid resource version: resourceVersion: Invalid value: ${goQuote(value)}: strconv.ParseUint: parsing ${goQuote(value)}: ${why}`);
  if (!/^[0-9]+$/.test(value)) throw fail("invalid syntax");
  if (BigInt(value) > maxUint64) throw fail("value out of range");
  return Number(value);
}
