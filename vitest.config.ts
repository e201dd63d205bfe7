import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-plugin";

// Two projects: pure logic runs in Node (fast, no workerd start per file); anything that needs the Workers runtime
// (the Durable Object, storage, alarms, the Worker's routes) is named *.workers.test.ts and runs inside workerd.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.workers.test.ts", "test/e2e/**"],
          environment: "node",
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "workers",
          include: ["test/**/*.workers.test.ts"],
        },
      },
    ],
  },
});
