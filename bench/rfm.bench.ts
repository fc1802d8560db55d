/**
 * RFM feature step speed and memory: load a transactions CSV into DuckDB, clean it and compute the
 * per-customer table (`rfmFeatures`), on seeded synthetic logs of 1e5 and 1e7 rows (bench/data/,
 * generated once and reused; 1e7 rows is about 0.8 GB). Each size runs in its own child process so
 * its peak RSS (Node + DuckDB) is its own. DuckDB: 2 threads, memory_limit 1GB (env RFM_BENCH_MEMORY_LIMIT).
 *   node --import tsx bench/rfm.bench.ts [--quick]        (--quick: 1e5 only)
 * Last stdout line: JSON rows { bench, impl, medianMs, peakMb, note }.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { rfmFeatures } from "../src/rfm/features";
import { writeSyntheticTransactions } from "../src/rfm/synthetic-transactions";

const ROOT = path.join(__dirname, "..");
const DATA_DIR = path.join(__dirname, "data");
const MEMORY_LIMIT = process.env["RFM_BENCH_MEMORY_LIMIT"] ?? "1GB";

interface ChildResult {
  times: number[];
  /** CPU time (user + system, all threads) of each run: less sensitive than wall time to a busy machine. */
  cpuTimes: number[];
  peakMb: number;
  customers: number;
  rows: number;
}

/** In the child: time `repeats` feature runs on `file`, print one JSON line. */
async function child(file: string, repeats: number): Promise<void> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let customers = 0;
  let rows = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await rfmFeatures(file, { memoryLimit: MEMORY_LIMIT, threads: 2 });
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    customers = result.customers.length;
    rows = result.funnel[0]!.remaining;
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ times, cpuTimes, peakMb, customers, rows } satisfies ChildResult));
}

/** The synthetic log of n rows (seed 0), generated on first use through a temp file. */
async function dataFile(n: number): Promise<string> {
  const file = path.join(DATA_DIR, `transactions-${n}-s0.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const t0 = performance.now();
  const tmp = `${file}.${process.pid}.tmp`;
  const summary = await writeSyntheticTransactions(tmp, { nRows: n, seed: 0 });
  fs.renameSync(tmp, file);
  console.error(
    `generated ${path.relative(ROOT, file)}: ${(summary.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return file;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1]!, Number(args[2]));
  const sizes = args.includes("--quick") ? [1e5] : [1e5, 1e7];
  const rows: { bench: string; impl: string; medianMs: number; peakMb: number; note?: string }[] = [];
  for (const n of sizes) {
    const file = await dataFile(n);
    const repeats = n >= 1e7 ? 1 : 5;
    const out = execFileSync(process.execPath, ["--import", "tsx", __filename, "--child", file, String(repeats)], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
    const bench = `rfm features ${n.toExponential().replace("e+", "e")} rows`;
    const note = `${r.customers} customers, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB CSV, ${repeats} run${repeats > 1 ? "s" : ""}, CPU ${(median(r.cpuTimes) / 1000).toFixed(1)} s, DuckDB 2 threads, memory_limit ${MEMORY_LIMIT}`;
    rows.push({ bench, impl: "ours", medianMs: median(r.times), peakMb: r.peakMb, note });
    console.error(
      `${bench.padEnd(26)} ${median(r.times).toFixed(0).padStart(8)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${note}`,
    );
  }
  console.log(JSON.stringify(rows));
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
