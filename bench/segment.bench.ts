/**
 * `segment run` end to end on a synthetic customer file (bench/make-customers.ts: five seeded groups, four numeric
 * features): read → k vote → k-means → profile → pseudonymise → write the four outputs. Each size runs in its own
 * process so the peak RSS is the run's own. Goal at 10⁶ rows: under 30 s and 1 GB, with k = 5 found by the vote.
 *   node --import tsx bench/segment.bench.ts [--quick]
 * Last stdout line: JSON rows.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeCustomers } from "./make-customers";

const ROOT = path.join(__dirname, "..");
const quick = process.argv.includes("--quick");
const sizes = quick ? [100_000] : [100_000, 1_000_000];
const FEATURES = "Age,Annual Income (k$),Spending Score (1-100),Visits per Month";

interface ChildResult {
  ms: number;
  peakMb: number;
  summary: {
    k: number;
    rowsUsed: number;
    silhouette: { score: number; sampleSize: number } | null;
    kSelection?: { sampleSize: number };
  };
}

const rows: { bench: string; impl: string; medianMs: number; peakMb: number; note?: string }[] = [];
for (const n of sizes) {
  const file = path.join(ROOT, "bench", "data", `customers-${n}-s0.csv`);
  if (!fs.existsSync(file)) makeCustomers(n, 0, file);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "segment-bench-"));
  try {
    const stdout = execFileSync(
      process.execPath,
      ["--import", "tsx", "bench/segment-child.ts", file, "--features", FEATURES, "--out", path.join(out, "seg")],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 1 << 24,
      },
    );
    const r = JSON.parse(stdout.trim().split("\n").pop()!) as ChildResult;
    const label = n >= 1_000_000 ? `${n / 1_000_000}e6` : `${n / 100_000}e5`;
    const note =
      `k = ${r.summary.k} by vote on a sample of ${r.summary.kSelection?.sampleSize} rows; ` +
      `silhouette ${r.summary.silhouette?.score.toFixed(3)} on a seeded sample of ${r.summary.silhouette?.sampleSize} rows; one run, 1 thread`;
    rows.push({ bench: `segment run ${label}x4 (k auto)`, impl: "ours", medianMs: r.ms, peakMb: r.peakMb, note });
    console.error(`segment run ${n} rows: ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB, ${note}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(rows));
