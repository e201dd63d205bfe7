// postgres, mysql and mongo: startup banners of the real images, their ports, and the classic failure of
// postgres and mysql started without a password.

import { formatDate } from "../shell/format";
import { forever, pause, versionOf, wallNow, type Program } from "./program";

export const postgres: Program = function* (_argv, io, sh, ctx) {
  const env = ctx.spec.env;
  if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
    io.stderr.write([
      "Error: Database is uninitialized and superuser password is not specified.",
      "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      "",
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      "       connections without a password. This is *not* recommended.",
      "",
      '       See PostgreSQL documentation about "trust":',
      "       https://www.postgresql.org/docs/current/auth-trust.html",
      "",
    ].join("\n"));
    return 1;
  }
  const version = versionOf(ctx, "17.2", { "17": "17.2", "16": "16.6", "15": "15.10", "14": "14.15", "13": "13.18" }).replace(/\.0$/, "");
  const stamp = () => `${formatDate(wallNow(sh), "%Y-%m-%d %H:%M:%S.%N").replace(/\.(\d{3})\d{6}/, ".$1")} UTC`;
  io.stdout.write([
    `The files belonging to this database system will be owned by user "postgres".`,
    "This user must also own the server process.",
    "",
    `The database cluster will be initialized with locale "en_US.utf8".`,
    `The default database encoding has accordingly been set to "UTF8".`,
    "",
    "Data page checksums are disabled.",
    "",
    "fixing permissions on existing directory /var/lib/postgresql/data ... ok",
    "creating subdirectories ... ok",
    "",
  ].join("\n"));
  yield* pause(1500);
  io.stdout.write("Success. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\n");
  yield* pause(500);
  io.stdout.write("PostgreSQL init process complete; ready for start up.\n\n");
  yield* pause(200);
  io.stderr.write(`${stamp()} [1] LOG:  starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n`);
  io.stderr.write(`${stamp()} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n`);
  io.stderr.write(`${stamp()} [1] LOG:  listening on IPv6 address "::", port 5432\n`);
  io.stderr.write(`${stamp()} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"\n`);
  io.stderr.write(`${stamp()} [1] LOG:  database system is ready to accept connections\n`);
  sh.host.listen(5432, sh.host.clock.nowMs);
  return yield* forever();
};

export const mysqld: Program = function* (_argv, io, sh, ctx) {
  const env = ctx.spec.env;
  const version = versionOf(ctx, "9.1.0", { "8": "8.4.3", "8.4": "8.4.3", "8.0": "8.0.40", "9": "9.1.0", "5.7": "5.7.44" });
  const stamp = () => `${formatDate(wallNow(sh), "%Y-%m-%d %H:%M:%S")}+00:00`;
  const note = (t: string) => io.stdout.write(`${stamp()} [Note] [Entrypoint]: ${t}\n`);
  note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`);
  if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    io.stderr.write(`${stamp()} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
    return 1;
  }
  note("Initializing database files");
  yield* pause(4000);
  note("Database files initialized");
  yield* pause(2000);
  note("MySQL init process done. Ready for start up.");
  io.stdout.write(`${formatDate(wallNow(sh), "%Y-%m-%dT%H:%M:%S.%NZ").replace(/\.(\d{6})\d{3}/, ".$1")} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`);
  sh.host.listen(3306, sh.host.clock.nowMs);
  return yield* forever();
};

export const mongod: Program = function* (_argv, io, sh) {
  const log = (c: string, id: number, ctxName: string, msg: string, attr: string) =>
    io.stdout.write(`{"t":{"$date":"${formatDate(wallNow(sh), "%Y-%m-%dT%H:%M:%S.%N").replace(/\.(\d{3})\d{6}/, ".$1")}+00:00"},"s":"I",  "c":"${c}", "id":${id}, "ctx":"${ctxName}","msg":"${msg}","attr":${attr}}\n`);
  log("CONTROL", 23285, "main", "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'", "{}");
  yield* pause(400);
  log("CONTROL", 4615611, "initandlisten", "MongoDB starting", `{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"${sh.host.hostname}"}`);
  yield* pause(600);
  log("NETWORK", 23015, "listener", "Listening on", `{"address":"0.0.0.0"}`);
  log("NETWORK", 23016, "listener", "Waiting for connections", `{"port":27017,"ssl":"off"}`);
  sh.host.listen(27017, sh.host.clock.nowMs);
  return yield* forever();
};
