import { it, expect } from "vitest";
import cm from "../api/protobuf/fixtures/configmap.bin?inline";
it("smoke", async () => {
  console.log("FIXTURE", typeof cm, String(cm).slice(0, 80));
}, 60000);
