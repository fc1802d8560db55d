/**
 * `segment drift` end to end on synthetic customer files (bench/make-customers.ts: five seeded groups, four numeric
 * features): read and score a reference and a current table of n rows each with a saved model, PSI per feature and of
 * the segment shares, migration of the n IDs in both, drift.json and drift.html. The model comes from `segment run`
 * on 10⁵ rows (k = 5); the current table is another seed of the same generator (same IDs, so every customer is
 * matched). Each size runs once in its own process, so the peak RSS is the run's own. Goal at 10⁶ rows: ≤ 10 s, ≤ 1 GB.
 *   node --import tsx bench/drift.bench.ts [--quick]        (--quick: 10⁵ rows only)
 * Last stdout line: JSON rows.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeCustomers } from "./make-customers";

const ROOT = path.join(__dirname, "..");
const sizes = process.argv.includes("--quick") ? [100_000] : [100_000, 1_000_000];
const FEATURES = "Age,Annual Income (k$),Spending Score (1-100),Visits per Month";
const dataFile = (n: number, seed: number) => {
  const file = path.join(ROOT, "bench", "data", `customers-${n}-s${seed}.csv`);
  return fs.existsSync(file) ? file : makeCustomers(n, seed, file);
};

interface ChildResult {
  ms: number;
  /** CPU time (user + system): less sensitive than wall time to a busy machine. */
  cpuMs: number;
  peakMb: number;
  code: number;
  summary: {
    verdict: string;
    features: Record<string, { psi: number }>;
    segments: { psi: number };
    migration: { matched: number };
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-bench-"));
const rows: { bench: string; impl: string; medianMs: number; peakMb: number; note?: string }[] = [];
try {
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/segment.ts",
      "run",
      dataFile(100_000, 0),
      "--features",
      FEATURES,
      "--k",
      "5",
      "--quiet",
      "--out",
      path.join(dir, "model"),
    ],
    { cwd: ROOT },
  );
  const model = path.join(dir, "model", "model.json");
  for (const n of sizes) {
    const stdout = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "bench/drift-child.ts",
        model,
        dataFile(n, 0),
        dataFile(n, 1),
        "--out",
        path.join(dir, `drift-${n}`),
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 1 << 24,
      },
    );
    const r = JSON.parse(stdout.trim().split("\n").pop()!) as ChildResult;
    const label = n >= 1_000_000 ? `${n / 1_000_000}e6` : `${n / 100_000}e5`;
    const maxPsi = Math.max(...Object.values(r.summary.features).map((f) => f.psi));
    const note = `reference and current ${n.toLocaleString("en-US")} rows each; ${r.summary.migration.matched.toLocaleString("en-US")} matched IDs; verdict ${r.summary.verdict} (max feature PSI ${maxPsi.toFixed(4)}, segment shares ${r.summary.segments.psi.toFixed(4)}); one run, CPU ${(r.cpuMs / 1000).toFixed(1)} s`;
    rows.push({ bench: `segment drift ${label}x4 (2 tables)`, impl: "ours", medianMs: r.ms, peakMb: r.peakMb, note });
    console.error(`segment drift ${n} rows: ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB, ${note}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(rows));
