// Runs a command with the machine's wall clock moved (and running), to prove that tests pass on any day:
//   node scripts/clock-shift/run.mjs --days 365 -- npm run test:workers
//   node scripts/clock-shift/run.mjs --at 2027-07-01T23:59:30Z --tz America/Adak -- npm run test:workers
// Builds clock-shift.c (an LD_PRELOAD shim; needs a C compiler) into a temporary folder. Linux only.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const separator = args.indexOf("--");
if (separator < 0 || separator === args.length - 1) {
  console.error("usage: run.mjs (--days N | --at ISO-TIME) [--tz ZONE] -- COMMAND [ARGS...]");
  process.exit(2);
}
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && i < separator ? args[i + 1] : undefined;
};
const days = option("--days");
const at = option("--at");
const timeZone = option("--tz") ?? process.env.TZ;
const shiftSeconds = at !== undefined ? Math.round((Date.parse(at) - Date.now()) / 1000) : Math.round(Number(days ?? "0") * 86400);
if (!Number.isFinite(shiftSeconds)) {
  console.error(`run.mjs: cannot read the time to move to (${at ?? days})`);
  process.exit(2);
}

const library = join(mkdtempSync(join(tmpdir(), "clock-shift-")), "clock-shift.so");
execFileSync("cc", ["-shared", "-fPIC", "-O2", "-o", library, join(dirname(fileURLToPath(import.meta.url)), "clock-shift.c")], { stdio: "inherit" });

const [command, ...rest] = args.slice(separator + 1);
const preload = [library, process.env.LD_PRELOAD].filter(Boolean).join(" ");
const env = { ...process.env, LD_PRELOAD: preload, CLOCK_SHIFT_SECONDS: String(shiftSeconds), ...(timeZone ? { TZ: timeZone } : {}) };
console.log(`clock moved by ${shiftSeconds} s: it now reads ${new Date(Date.now() + shiftSeconds * 1000).toISOString()} (TZ=${timeZone ?? "unset"})`);
const result = spawnSync(command, rest, { stdio: "inherit", env });
process.exit(result.status ?? 1);
