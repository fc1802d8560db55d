/**
 * BG/NBD fit speed: ours (`fitBetaGeo`) vs `lifetimes`' BetaGeoFitter on the same 1,000,000 customers, simulated
 * from the published CDNOW parameters (r 0.243, α 4.414, a 0.793, b 2.426; weeks) by `simulateBetaGeo` (seed 0),
 * observed 26 to 52 weeks (T = 26 + i mod 27). The history goes to bench/data/ as a CSV for lifetimes. Each
 * implementation runs in its own process (this script with --child, or bench/lifetimes_bgnbd.py) so its peak RSS
 * is its own; the Python process runs without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE. Target: ours <= 5 s.
 *   node --import tsx bench/value.bench.ts [--quick]      (--quick: 100,000 customers)
 * Last stdout line: JSON rows.
 */
import { runReference, type ReferenceOutput } from "./reference";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { simulateBetaGeo } from "../src/rfm/synthetic-beta-geo";
import { fitBetaGeo } from "../src/value/fit-beta-geo";
import { median } from "./core-data";

const ROOT = path.join(__dirname, "..");
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

interface ChildResult {
  times: number[];
  peakMb: number;
  params: Record<string, number>;
  logLikelihood: number;
}

if (process.argv[2] === "--child") runOurs(process.argv[3]!, Number(process.argv[4]));
else main();

function main(): void {
  const n = process.argv.includes("--quick") ? 100_000 : 1_000_000;
  const file = historyFile(n);
  const ours = runChild(process.execPath, ["--import", "tsx", "bench/value.bench.ts", "--child", file, "3"], {});
  const lifetimes = runReference<ChildResult & ReferenceOutput>("lifetimes_bgnbd.py", [file, "1"]);
  const bench = `BG/NBD fit ${n.toExponential(0).replace("+", "")} customers`;
  const rows = Object.entries({ ours, lifetimes }).map(([impl, r]) => {
    const p = r.params;
    const note = `r ${p["r"]!.toFixed(4)} α ${p["alpha"]!.toFixed(4)} a ${p["a"]!.toFixed(4)} b ${p["b"]!.toFixed(4)}, LL ${r.logLikelihood.toFixed(1)}, ${r.times.length} run${r.times.length > 1 ? "s" : ""}`;
    console.error(
      `${bench.padEnd(28)} ${impl.padEnd(10)} ${median(r.times).toFixed(0).padStart(8)} ms ${r.peakMb.toFixed(0).padStart(6)} MB  ${note}`,
    );
    return {
      bench,
      impl,
      medianMs: median(r.times),
      peakMb: r.peakMb,
      note,
      blas: (r as Partial<ReferenceOutput>).blas,
    };
  });
  console.log(JSON.stringify(rows));
}

/** The simulated history of n customers as CSV (frequency, recency, T), generated on first use. */
function historyFile(n: number): string {
  const file = path.join(__dirname, "data", `bgnbd-${n}-s0.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sim = simulateBetaGeo(PUBLISHED, {
    nCustomers: n,
    T: Array.from({ length: n }, (_, i) => 26 + (i % 27)),
    seed: 0,
  });
  const lines = ["frequency,recency,T"];
  for (let i = 0; i < n; i++) lines.push(`${sim.frequency[i]},${sim.recency[i]},${sim.T[i]}`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, lines.join("\n") + "\n");
  fs.renameSync(tmp, file);
  return file;
}

/** Our side, in its own process so its peak memory is its own. */
function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildResult {
  const out = execFileSync(cmd, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, ...env },
  });
  return JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
}

/** Child: read the CSV, time `repeats` fits; prints { times, peakMb, params, logLikelihood }. */
function runOurs(file: string, repeats: number): void {
  const lines = fs.readFileSync(file, "utf8").trim().split("\n").slice(1);
  const frequency = new Array<number>(lines.length);
  const recency = new Array<number>(lines.length);
  const T = new Array<number>(lines.length);
  lines.forEach((line, i) => {
    const [x, tx, age] = line.split(",");
    frequency[i] = Number(x);
    recency[i] = Number(tx);
    T[i] = Number(age);
  });
  const times: number[] = [];
  let fit = fitBetaGeo({ frequency, recency, T });
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    fit = fitBetaGeo({ frequency, recency, T });
    times.push(performance.now() - t0);
  }
  const { r, alpha, a, b } = fit;
  console.log(
    JSON.stringify({
      times,
      peakMb: process.resourceUsage().maxRSS / 1024,
      params: { r, alpha, a, b },
      logLikelihood: fit.logLikelihood,
    }),
  );
}
