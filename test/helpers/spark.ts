/**
 * Spark `local[2]` for one test file: `spark_server.py` (pyspark from .venv, Java 17 from Debian) started
 * once, asked over JSON lines on stdin/stdout, stopped by `stop()` (end of input, then a kill after 30 s).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { venvPython } from "./retail";

export type SparkColumnType = "string" | "double" | "timestamp";

export interface Spark {
  versions: { spark: string; java: string };
  /** A temporary view over a CSV with a header line (NULL = an empty field). */
  loadCsv(view: string, file: string, schema: [string, SparkColumnType][]): Promise<number>;
  /** Run statements in order; the rows of the last one (NULL as null, dates as ISO text) and its columns. */
  sql(statements: string[]): Promise<{ columns: string[]; rows: unknown[][] }>;
  stop(): Promise<void>;
}

/** Java 17 from Debian, whatever `java` the PATH has first. */
function java17Home(): string | undefined {
  const jvm = "/usr/lib/jvm";
  const dir = fs.existsSync(jvm) ? fs.readdirSync(jvm).find((d) => /^java-17-openjdk/.test(d)) : undefined;
  return dir === undefined ? undefined : path.join(jvm, dir);
}

/**
 * Start the session (about 10 s).
 * @param env - extra environment, e.g. MALL_SEGMENTS_SPARK_MEMORY (see spark_server.py).
 * @throws {Error} when Java 17 or pyspark is missing, or the session does not start (with its stderr).
 */
export async function startSpark(env: Record<string, string> = {}): Promise<Spark> {
  const javaHome = java17Home();
  if (javaHome === undefined)
    throw new Error("Java 17 not found in /usr/lib/jvm: run node scripts/setup.mjs --engines");
  const child: ChildProcessWithoutNullStreams = spawn(venvPython, [path.join(__dirname, "spark_server.py")], {
    env: { ...process.env, JAVA_HOME: javaHome, PYSPARK_PYTHON: venvPython, SPARK_LOCAL_IP: "127.0.0.1", ...env },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`spark_server.py ended (exit ${child.exitCode}): ${stderr}`);
    return JSON.parse(value) as Record<string, unknown>;
  };
  const ready = (await next())["ready"] as { spark: string; java: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-segments-spark-out-"));
  let queue: Promise<unknown> = Promise.resolve();
  const ask = <T>(request: object): Promise<T> => {
    const answer = queue.then(async () => {
      child.stdin.write(JSON.stringify(request) + "\n");
      const reply = await next();
      if (reply["error"] !== undefined) throw new Error(`Spark: ${String(reply["error"])}`);
      return reply["ok"] as T;
    });
    queue = answer.catch(() => undefined);
    return answer;
  };
  let counter = 0;
  return {
    versions: ready,
    loadCsv: async (view, file, schema) => (await ask<{ rows: number }>({ op: "load_csv", view, file, schema })).rows,
    sql: async (statements) => {
      const out = path.join(dir, `result-${counter++}.json`);
      const { columns } = await ask<{ columns: string[] }>({ op: "sql", statements, out });
      const rows = JSON.parse(fs.readFileSync(out, "utf8")) as unknown[][];
      fs.rmSync(out);
      return { columns, rows };
    },
    stop: async () => {
      child.stdin.end();
      const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
      clearTimeout(killer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
