// What an image the simulator does not know does: it serves. From its start it listens on every port the pod
// declares for the container, answers HTTP 200 at any path with a small page, accepts bare TCP connections, and
// prints a startup line saying so and one line per request. Without declared ports it runs quietly. An interpreter
// given a script (`ruby job.rb`) in a pod expected to finish ends after a default run time instead.

import { forever, INTERPRETERS, opaqueScript, pause, type Program } from "./program";
import { byteLength, httpServer, timeLocal } from "./serving";

/**
 * Virtual ms before an unknown program listens. None: a learner's probes on a made-up image pass from the first one
 * (a startup, readiness or liveness probe runs as soon as the container does), with no Unhealthy event to puzzle over.
 */
export const GENERIC_STARTUP_MS = 0;

export const genericServer: Program = function* (argv, io, sh, ctx) {
  const ports = [...new Set(ctx.spec.ports ?? [])];
  // `ruby x.rb` in an image the simulator does not know: a script, which a Job's pod runs to its end.
  const program = argv[0]?.slice(argv[0].lastIndexOf("/") + 1).replace(/[\d.]+$/, "");
  if (program !== undefined && INTERPRETERS.has(program) && argv.length > 1 && ctx.spec.restartPolicy && ctx.spec.restartPolicy !== "Always") {
    return yield* opaqueScript(ctx);
  }
  if (ports.length === 0) return yield* forever();
  yield* pause(GENERIC_STARTUP_MS);
  const image = ctx.spec.image;
  io.stdout.write(`kube-sandbox: ${image} is not simulated; serving HTTP 200 and TCP on ${ports.map((p) => `:${p}`).join(", ")}\n`);
  const serve = httpServer(
    sh,
    () => {
      const body = `Hello from ${sh.host.hostname} (${image})\n`;
      return { status: 200, body, headers: { "content-type": "text/plain; charset=utf-8", "content-length": String(byteLength(body)) } };
    },
    (req, answer) => [{ stream: "stdout", text: `${req.clientIP} - - ${timeLocal(req.atWallMs)} "${req.method} ${req.path} HTTP/1.1" ${answer.status} ${byteLength(answer.body)} "${req.headers["user-agent"] ?? "-"}"` }],
  );
  for (const port of ports) sh.host.listen(port, sh.host.clock.nowMs, serve);
  return yield* forever();
};
