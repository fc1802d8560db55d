/**
 * Running a Python reference (numpy, scikit-learn, lifetimes …) for a benchmark, fairly.
 *
 * This machine sets OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for old OpenBLAS builds; they make a current numpy
 * pick a slower kernel. They are removed from the environment of the reference's own process only (never in tests
 * or CI), and every reference script reports which BLAS kernel and thread counts threadpoolctl then sees
 * (`bench/blas_info.py`), so a ratio names the reference it was measured against.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const PYTHON = join(ROOT, ".venv", "bin", "python");

/** Variables that handicap a current numpy on this machine. */
export const HANDICAPPING_VARIABLES = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"] as const;

/** The environment of a reference process: ours less the handicapping variables, plus `extra`. */
export function referenceEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of HANDICAPPING_VARIABLES) delete env[name];
  return env;
}

/** What every reference script prints as its last stdout line, besides its own fields. */
export interface ReferenceOutput {
  times: number[];
  peakMb: number;
  /** threadpoolctl's view, e.g. "openblas SkylakeX 2 threads; openmp 2 threads". */
  blas: string;
}

/**
 * Run `bench/<script>` with the project's .venv Python in a fair environment and parse its last stdout line.
 * @param script - file name under bench/, e.g. "sklearn_core.py".
 * @param args - its arguments.
 * @param extra - variables to add (e.g. OMP_NUM_THREADS=1 for a one-thread run).
 */
export function runReference<T extends ReferenceOutput>(
  script: string,
  args: string[],
  extra: Record<string, string> = {},
): T {
  const out = execFileSync(PYTHON, [join(ROOT, "bench", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: referenceEnv(extra),
  });
  return JSON.parse(out.trim().split("\n").pop()!) as T;
}
