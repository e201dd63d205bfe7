import { exports } from "cloudflare:workers";
import { it, expect } from "vitest";
it("smoke", async () => {
  const r = await exports.default.fetch("http://127.0.0.1/api/clusters", { method: "POST" });
  const body = await r.json() as any;
  console.log(r.status, JSON.stringify(body).slice(0, 300));
  const n = await exports.default.fetch(`http://127.0.0.1/clusters/${body.id}/api/v1/nodes`, { headers: { authorization: `Bearer ${body.token}` } });
  console.log(n.status, (await n.text()).slice(0, 200));
  expect(r.status).toBe(201);
});
