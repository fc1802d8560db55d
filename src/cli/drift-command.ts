/** `segment drift <model.json> <reference.csv> <current.csv> --out <dir>`: argument parsing and printing only (logic: src/track/run-drift.ts). */
import path from "node:path";
import { parseArgs } from "node:util";
import { ArgumentError } from "../core/errors";
import type { Delimiter } from "../data/read-csv";
import { bandReaches, type StabilityBand } from "../track/bands";
import { runDrift } from "../track/run-drift";
import type { ImputeMethod } from "../data/customer-table";
import { Progress } from "./progress";

/** Exit code when the verdict reaches `--fail-on`. */
export const DRIFT_FAIL_EXIT_CODE = 3;

export const DRIFT_HELP = `  segment drift <model.json> <reference.csv> <current.csv> --out <dir> [--json] [--fail-on watch|refit]
                [--impute median|drop] [--delimiter , | ; | tab] [--bins N]
                             score both tables with the model; PSI per feature (reference quantile bins) and of the
                             segment shares, migrations of IDs in both, a verdict (PSI < 0.1 stable, 0.1-0.25 watch,
                             > 0.25 refit); writes drift.json and drift.html. --fail-on exits 3 when the verdict
                             reaches that band.`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean", short: "q" },
  json: { type: "boolean" },
  out: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  impute: { type: "string" },
  delimiter: { type: "string" },
  bins: { type: "string" },
} as const;

const DELIMITERS: Record<string, Delimiter> = { ",": ",", ";": ";", tab: "\t", "\t": "\t", "\\t": "\t", auto: "auto" };

/**
 * Run `segment drift` with its arguments (after the command word).
 * @returns 0, or {@link DRIFT_FAIL_EXIT_CODE} when the verdict reaches `--fail-on`.
 * @throws {ArgumentError} for bad arguments, {DataError} for bad input (both exit 2 in `segment`).
 */
export function driftCommand(argv: string[], printHelp: () => number): number {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new ArgumentError(`drift: ${(err as Error).message.split("\n")[0]} (see segment --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return printHelp();
  if (positionals.length !== 3)
    throw new ArgumentError(
      `drift: expected <model.json> <reference.csv> <current.csv>, got ${positionals.length} arguments (see segment --help)`,
    );
  if (values.out === undefined || values.out === "") throw new ArgumentError("drift: --out <dir> is required");
  const failOn = oneOf(values["fail-on"], "--fail-on", ["watch", "refit"] as const);
  const impute = oneOf(values.impute, "--impute", ["median", "drop"] as const);
  let delimiter: Delimiter | undefined;
  if (values.delimiter !== undefined) {
    delimiter = DELIMITERS[values.delimiter];
    if (!delimiter)
      throw new ArgumentError(`--delimiter ${JSON.stringify(values.delimiter)}: must be one of , ; tab auto`);
  }
  let bins: number | undefined;
  if (values.bins !== undefined) {
    bins = Number(values.bins);
    if (!/^\s*\d+\s*$/.test(values.bins) || !Number.isSafeInteger(bins) || bins < 2)
      throw new ArgumentError(`--bins ${values.bins}: must be an integer >= 2`);
  }
  const [model, reference, current] = positionals as [string, string, string];
  const progress = new Progress({ enabled: !values.quiet && !values.json });
  const { summary } = runDrift({
    model,
    reference,
    current,
    out: values.out,
    ...(impute ? { impute: impute as ImputeMethod } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(bins ? { bins } : {}),
    step: (label, work) => progress.step(label, work),
  });
  if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
  else if (!values.quiet) {
    const m = summary.migration;
    const rows = [
      ...Object.entries(summary.features).map(([name, f]) => [name, f.psi, f.band] as const),
      ["segment shares", summary.segments.psi, summary.segments.band] as const,
    ];
    const width = Math.max(...rows.map((r) => r[0].length), 7);
    process.stderr.write(
      [
        `segment drift: ${summary.rows.reference.scored.toLocaleString("en-US")} reference and ${summary.rows.current.scored.toLocaleString("en-US")} current customers`,
        `  ${"feature".padEnd(width)}     PSI  band`,
        ...rows.map(([name, psi, band]) => `  ${name.padEnd(width)}  ${psi.toFixed(4).padStart(6)}  ${band}`),
        `  migration: ${m.matched.toLocaleString("en-US")} customers in both, ${m.stayed.toLocaleString("en-US")} kept their segment` +
          ` (${m.matched ? ((100 * m.stayed) / m.matched).toFixed(1) : "0.0"}%), ${m.moved.toLocaleString("en-US")} moved; ${m.left.toLocaleString("en-US")} absent now, ${m.entered.toLocaleString("en-US")} new`,
        `segment drift: verdict ${summary.verdict}. ${summary.explanation}`,
        `segment drift: wrote ${summary.files.map((f) => path.join(values.out!, f)).join(", ")}`,
      ].join("\n") + "\n",
    );
  }
  if (failOn && bandReaches(summary.verdict, failOn as StabilityBand)) {
    if (!values.quiet)
      process.stderr.write(
        `segment drift: verdict ${summary.verdict} reaches --fail-on ${failOn} (exit ${DRIFT_FAIL_EXIT_CODE})\n`,
      );
    return DRIFT_FAIL_EXIT_CODE;
  }
  return 0;
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new ArgumentError(`${flag} ${value}: must be one of ${allowed.join(", ")}`);
  return value as T;
}
