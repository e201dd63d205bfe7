// A describe() block for one kubectl minor version: it fails when that kubectl is missing, except on .ci/run's
// fallback machine (only kubectl 1.33 installed), where other versions are skipped with the reason shown.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fallbackVersion, kubectlBinary, onFallbackMachine } from "./kubectl.mjs";

export function describeWithKubectl(version, title, body) {
  if (kubectlBinary(version)) return describe(title, body);
  if (onFallbackMachine() && version !== fallbackVersion) {
    return describe(title, { skip: `kubectl ${version} is not installed on this machine (only ${fallbackVersion})` }, () => {});
  }
  return describe(title, () => {
    test(`kubectl ${version} is installed`, () => assert.fail(`kubectl ${version} was not found`));
  });
}
