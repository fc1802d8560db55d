/**
 * A throwaway PostgreSQL 15 cluster for one test file: `initdb` in a temporary folder, a server that listens
 * on a Unix socket in that folder only (no TCP port), `psql` for every statement, and `stop()` that shuts the
 * server down and deletes the folder. As root (CI) the server runs as the `postgres` user via `runuser`,
 * since PostgreSQL refuses to run as root. Installed by `node scripts/setup.mjs --engines`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";

export const PG_BIN = "/usr/lib/postgresql/15/bin";

/** How psql writes a SQL NULL in CSV output (an empty string stays `""`). */
const NULL_MARK = "\u2400NULL";

export interface Postgres {
  /** The server version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  version: string;
  /** Run a psql script (statements and backslash commands) in one session; returns psql's stdout. */
  psql(script: string): string;
  /** Run one query; its rows as objects, NULL as null. */
  query(sql: string): Record<string, string | null>[];
  /** Load a CSV file (header line, NULL = an unquoted empty field) into an existing table. */
  copyCsv(table: string, file: string): void;
  /** Stop the server and delete its folder. */
  stop(): void;
}

/**
 * Start a cluster.
 * @throws {Error} when PostgreSQL 15 is not installed, or initdb / pg_ctl fail (with their output).
 */
export function startPostgres(): Postgres {
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) {
    throw new Error(`PostgreSQL 15 not found in ${PG_BIN}: run node scripts/setup.mjs --engines`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-segments-pg-"));
  const dataDir = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    fs.chownSync(dir, uid, gid);
  }
  const server = (bin: string, args: string[]): void => {
    const [cmd, cmdArgs] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args]]
      : [path.join(PG_BIN, bin), args];
    const r = spawnSync(cmd, cmdArgs as string[], { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr}${r.stdout}${logOf(dir)}`);
  };
  server("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
  // fsync off: a throwaway cluster needs no durability.
  server("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-o",
    `-k ${dir} -c listen_addresses= -c fsync=off`,
    "start",
  ]);
  let stopped = false;
  const psql = (script: string, extra: string[] = []): string => {
    const r = spawnSync(
      path.join(PG_BIN, "psql"),
      ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir, "-U", "postgres", "-d", "postgres", ...extra, "-f", "-"],
      { input: script, encoding: "utf8", maxBuffer: 1 << 30 },
    );
    if (r.status !== 0) throw new Error(`psql failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  };
  const pg: Postgres = {
    version: "",
    psql: (script) => psql(script),
    query: (sql) => readCsv(psql(sql, ["--csv", "-P", `null=${NULL_MARK}`])),
    copyCsv: (table, file) => {
      psql(`\\copy ${table} FROM ${psqlLiteral(file)} WITH (FORMAT csv, HEADER true)\n`);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        server("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  pg.version = pg.query("SHOW server_version")[0]!["server_version"]!;
  return pg;
}

/** Parse psql's --csv output; the NULL mark becomes null. */
export function readCsv(text: string, nullMark: string = NULL_MARK): Record<string, string | null>[] {
  const rows = parse(text, { columns: true, relax_column_count: false }) as Record<string, string>[];
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === nullMark ? null : v])));
}

/** A psql string argument: single quotes doubled. */
function psqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function logOf(dir: string): string {
  const log = path.join(dir, "server.log");
  return fs.existsSync(log) ? `\nserver.log:\n${fs.readFileSync(log, "utf8").slice(-2000)}` : "";
}
