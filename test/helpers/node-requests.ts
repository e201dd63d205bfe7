// Requests to a Node test cluster that every such test makes: create an object (asserting 201, the answer's body as
// the failure message) and read a text answer.
import { expect } from "vitest";
import type { NodeCluster } from "./node-cluster";

const json = { "content-type": "application/json" };

/** POST `body` to `path`, expecting 201 Created. */
export async function post(cluster: NodeCluster, path: string, body: unknown): Promise<void> {
  const res = await cluster.request(path, { method: "POST", body: JSON.stringify(body), headers: json });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** The body of a GET of `path` as text. */
export async function text(cluster: NodeCluster, path: string): Promise<string> {
  return (await cluster.request(path)).text();
}
