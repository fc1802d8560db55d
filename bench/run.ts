/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, collects the rows each prints as its last stdout
 * line, and prints ONE table: per bench our median time, the reference's (scikit-learn, lifetimes …), other
 * implementations, our ratio to the reference, the goal (bench/goals.ts) and whether it is met, and peak memory.
 * Writes bench/results.json (with the BLAS kernel the references ran with) and reports/bench.html (ours vs
 * scikit-learn k-means time as n grows). `npm run bench -- kmeans gmm` runs only the benches whose file names contain
 * one of the words; `--quick` is passed on to each bench (smaller sizes).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { kmeansScalingChart, type BenchRow } from "./bench-chart";
import { GOALS, REFERENCES, type Goal } from "./goals";
import { HANDICAPPING_VARIABLES } from "./reference";

const here = __dirname;
const root = path.join(here, "..");
const args = process.argv.slice(2);
const passOn = args.filter((a) => a.startsWith("--"));
const words = args.filter((a) => !a.startsWith("--"));
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (words.length === 0 || words.some((w) => f.includes(w))))
  .sort();

const rows: BenchRow[] = [];
const failures: string[] = [];
for (const file of files) {
  console.error(`bench: ${file} …`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(here, file), ...passOn], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !last.startsWith("[")) {
    failures.push(`${file}: exit ${run.status}`);
    continue;
  }
  rows.push(...(JSON.parse(last) as BenchRow[]));
}

interface Line {
  bench: string;
  ours?: BenchRow;
  reference?: BenchRow;
  others: BenchRow[];
  goal?: Goal;
  verdict: string;
}

/** Whether ours meets the bench's goal, with the measured figure that decides it. */
function verdict(goal: Goal | undefined, ours?: BenchRow, ref?: BenchRow): string {
  if (!goal || !ours) return "";
  const checks: [boolean, string][] = [];
  if (goal.timeRatio !== undefined && ref) checks.push([ours.medianMs / ref.medianMs <= goal.timeRatio, "time"]);
  if (goal.memoryRatio !== undefined && ref) checks.push([ours.peakMb / ref.peakMb <= goal.memoryRatio, "memory"]);
  if (goal.maxMs !== undefined) checks.push([ours.medianMs <= goal.maxMs, "time"]);
  if (goal.maxMb !== undefined) checks.push([ours.peakMb <= goal.maxMb, "memory"]);
  const missed = checks.filter(([ok]) => !ok).map(([, what]) => what);
  return missed.length === 0 ? "met" : `missed (${missed.join(", ")})`;
}

function goalText(goal?: Goal): string {
  if (!goal) return "";
  const parts: string[] = [];
  if (goal.timeRatio !== undefined) parts.push(`≤ ${goal.timeRatio}×`);
  if (goal.maxMs !== undefined) parts.push(`≤ ${goal.maxMs / 1000} s`);
  if (goal.memoryRatio !== undefined) parts.push(`mem ≤ ${goal.memoryRatio}×`);
  if (goal.maxMb !== undefined) parts.push(`≤ ${goal.maxMb} MB`);
  return parts.join(", ");
}

const lines: Line[] = [...new Set(rows.map((r) => r.bench))].map((bench) => {
  const mine = rows.filter((r) => r.bench === bench);
  const ours = mine.find((r) => r.impl === "ours");
  const reference = REFERENCES.map((name) => mine.find((r) => r.impl === name)).find(Boolean);
  const others = mine.filter((r) => r !== ours && r !== reference);
  const goal = GOALS.find((g) => g.pattern.test(bench));
  return { bench, ours, reference, others, goal, verdict: verdict(goal, ours, reference) };
});

const ms = (r?: BenchRow): string => (r ? (r.medianMs >= 100 ? r.medianMs.toFixed(0) : r.medianMs.toPrecision(3)) : "");
const ratio = (a?: number, b?: number): string => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : "");
const header = [
  "bench",
  "ours ms",
  "reference ms",
  "ours ÷ ref",
  "goal",
  "result",
  "peak MB ours / ref",
  "others (ms, ours faster by)",
];
const table = lines.map((l) => [
  l.bench,
  ms(l.ours),
  l.reference ? `${ms(l.reference)} ${l.reference.impl}` : "",
  ratio(l.ours?.medianMs, l.reference?.medianMs),
  goalText(l.goal),
  l.verdict,
  l.ours
    ? `${l.ours.peakMb.toFixed(0)}${l.reference ? ` / ${l.reference.peakMb.toFixed(0)} (${ratio(l.ours.peakMb, l.reference.peakMb)})` : ""}`
    : "",
  l.others.map((o) => `${o.impl} ${ms(o)}${l.ours ? ` (${ratio(o.medianMs, l.ours.medianMs)})` : ""}`).join("; "),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const t of table) console.log(line(t));

const blas = [...new Set(rows.flatMap((r) => (r.blas ? r.blas.split("; ") : [])))];
console.log(
  `\nreferences ran without ${HANDICAPPING_VARIABLES.join(" and ")}; threadpoolctl: ${blas.join(" | ") || "no reference run"}`,
);
for (const l of lines) if (l.ours?.note) console.log(`  ${l.bench}: ${l.ours.note}`);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  referenceEnvironment: { removed: HANDICAPPING_VARIABLES, threadpoolctl: blas },
  goals: lines
    .filter((l) => l.goal)
    .map((l) => ({
      bench: l.bench,
      goal: goalText(l.goal),
      ratio: ratio(l.ours?.medianMs, l.reference?.medianMs),
      result: l.verdict,
    })),
  rows,
  failures,
};
fs.writeFileSync(path.join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");
const chartFile = writeChartPage(rows);
console.log(
  `\nbench: ${rows.length} rows → bench/results.json${chartFile ? `, ${chartFile}` : ""}${failures.length ? `; FAILED: ${failures.join(", ")}` : ""}`,
);
process.exit(failures.length ? 1 : 0);

/** reports/bench.html: the scaling chart on an offline page (plotly.js embedded once); null without k-means rows. */
function writeChartPage(all: BenchRow[]): string | null {
  const figure = kmeansScalingChart(all);
  if (figure.data.length === 0) return null;
  const plotly = fs
    .readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8")
    .replace(/<\/script/gi, "<\\/script");
  const json = JSON.stringify(figure).replace(/</g, "\\u003c");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>mall-segments benchmarks</title>
<script>${plotly}</script></head><body style="font-family: sans-serif; max-width: 960px; margin: 2em auto">
<h1>mall-segments benchmarks</h1><p>${results.date}, ${results.cpus} × ${results.cpu ?? "CPU"}, Node ${results.node};
references without ${HANDICAPPING_VARIABLES.join(", ")} (threadpoolctl: ${blas.join(" | ").replace(/</g, "&lt;")}).</p>
<div id="scaling"></div><script>const f = ${json}; Plotly.newPlot("scaling", f.data, f.layout, { responsive: true });</script>
</body></html>\n`;
  const file = path.join(root, "reports", "bench.html");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, html);
  fs.renameSync(`${file}.tmp`, file);
  return path.relative(root, file);
}
