// `npm run test:e2e`: start one sandbox server for the whole run, run every test/e2e/*.test.mjs against it with
// node's test runner (two files at a time), then stop the server. Exits with the test runner's code.
import { spawn } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { originEnv, startServer } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// `npm run test:e2e -- [node --test flags] [files]`: named files replace the default of every *.test.mjs here.
const args = process.argv.slice(2);
const named = args.filter((arg) => arg.endsWith(".mjs"));
const flags = args.filter((arg) => !arg.endsWith(".mjs"));
const files = named.length
  ? named
  : readdirSync(here)
      .filter((name) => name.endsWith(".test.mjs"))
      .sort()
      .map((name) => join(here, name));

const server = await startServer();
console.log(`e2e: sandbox server on ${server.origin}`);
let code = 1;
try {
  const runner = spawn(process.execPath, ["--test", "--test-concurrency=2", ...flags, ...files], {
    stdio: "inherit",
    env: { ...process.env, [originEnv]: server.origin },
  });
  const forward = (signal) => runner.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  code = await new Promise((resolve) => runner.on("close", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} finally {
  await server.stop();
}
if (code !== 0) console.log(`e2e: the server's output is in ${server.logFile}`);
else rmSync(server.logFile, { force: true });
process.exit(code);
