/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, collects the rows each prints as
 * its last stdout line, prints one table (median time, peak memory, our ratio to scikit-learn, and how many
 * times faster ours is than each other implementation)
 * and writes bench/results.json. `npm run bench -- kmeans gmm` runs only the benches whose file names
 * contain one of the words; `--quick` is passed on to each bench (smaller sizes).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Row {
  bench: string;
  impl: string;
  medianMs: number;
  peakMb: number;
  note?: string;
}

const here = __dirname;
const args = process.argv.slice(2);
const passOn = args.filter((a) => a.startsWith("--"));
const words = args.filter((a) => !a.startsWith("--"));
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (words.length === 0 || words.some((w) => f.includes(w))))
  .sort();

const rows: Row[] = [];
const failures: string[] = [];
for (const file of files) {
  console.error(`bench: ${file} …`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(here, file), ...passOn], {
    cwd: path.join(here, ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !last.startsWith("[")) {
    failures.push(`${file}: exit ${run.status}`);
    continue;
  }
  rows.push(...(JSON.parse(last) as Row[]));
}

/** Our time or memory as a multiple of scikit-learn's on the same bench (shown on our rows). */
function ratio(row: Row, key: "medianMs" | "peakMb"): string {
  const ref = rows.find((r) => r.bench === row.bench && r.impl === "sklearn");
  return ref && row.impl === "ours" ? `${(row[key] / ref[key]).toFixed(2)}×` : "";
}

/** How many times faster ours is than another implementation on the same bench (shown on its row). */
function speedup(row: Row): string {
  const ours = rows.find((r) => r.bench === row.bench && r.impl === "ours");
  return ours && row.impl !== "ours" ? `${(row.medianMs / ours.medianMs).toFixed(2)}×` : "";
}

const header = ["bench", "impl", "median ms", "ours ÷ sklearn", "ours faster", "peak MB", "ours ÷ sklearn", "note"];
const table = rows.map((r) => [r.bench, r.impl, r.medianMs.toFixed(1), ratio(r, "medianMs"), speedup(r), r.peakMb.toFixed(0), ratio(r, "peakMb"), r.note ?? ""]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const t of table) console.log(line(t));

const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, rows, failures };
fs.writeFileSync(path.join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`\nbench: ${rows.length} rows → bench/results.json${failures.length ? `; FAILED: ${failures.join(", ")}` : ""}`);
process.exit(failures.length ? 1 : 0);
