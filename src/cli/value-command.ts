/**
 * `segment value <transactions.csv> --out <dir>`: the customer-value command. Parses the arguments, runs
 * `customerValue` (src/value/), writes `value.csv` and `value-model.json` and prints a summary. Bad input
 * ends in an ArgumentError or DataError, which `segment` reports in one line with exit code 2.
 */
import { parseArgs } from "node:util";
import { ArgumentError } from "../core/errors";
import { customerValue } from "../value/customer-value";
import { planOutputDir } from "../io/output-place";
import { VALUE_FILES, writeValueFiles } from "../value/value-files";
import { packageVersion } from "./package-version";

export const VALUE_HELP = `  segment value <transactions.csv> --out <dir> [--months N] [--discount-rate R] [--penalizer P] [--json]

value: per-customer expected purchases, P(alive), expected spend and CLV (BG/NBD + Gamma-Gamma, time in days)
next to the RFM columns, from a transactions CSV cleaned as for rfm:
  --months N                 CLV and expected-purchase horizon in months of 30 days (default: 12)
  --discount-rate R          monthly discount rate of the CLV (default: 0.01)
  --penalizer P              L2 penalty of both fits, as lifetimes' penalizer_coef (default: 0)
  --out <dir>                writes <dir>/value.csv and <dir>/value-model.json (only these two files)
  example: segment value data/online_retail_sample.csv --out out/value`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean", short: "q" },
  json: { type: "boolean" },
  out: { type: "string", short: "o" },
  months: { type: "string" },
  "discount-rate": { type: "string" },
  penalizer: { type: "string" },
} as const;

/** Run `segment value` with its arguments (after the word `value`); returns the exit code. */
export async function valueCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new ArgumentError(`value: ${(err as Error).message.split("\n")[0]} (see segment --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(VALUE_HELP + "\n");
    return 0;
  }
  if (positionals.length !== 1)
    throw new ArgumentError(
      `value: expected one <transactions.csv>, got ${positionals.length} arguments (see segment --help)`,
    );
  if (!values.out) throw new ArgumentError("value: --out <dir> is required");
  const input = positionals[0]!;
  const months = values.months === undefined ? 12 : integer(values.months, "--months");
  const discountRate =
    values["discount-rate"] === undefined ? 0.01 : nonNegative(values["discount-rate"], "--discount-rate");
  const penalizer = values.penalizer === undefined ? 0 : nonNegative(values.penalizer, "--penalizer");
  planOutputDir(values.out, Object.values(VALUE_FILES), { inputs: [input] }); // refused before any work
  const result = await customerValue(input, { months, discountRate, penalizer });
  const files = writeValueFiles(values.out, result, input, packageVersion());
  const { betaGeo: bg, gammaGamma: gg, rows } = result;
  if (values.json) {
    process.stdout.write(
      JSON.stringify(
        {
          customers: rows.length,
          betaGeo: bg,
          gammaGamma: gg,
          months,
          discountRate,
          totalClv: rows.reduce((s, r) => s + r.clv, 0),
          files,
        },
        null,
        2,
      ) + "\n",
    );
  } else if (!values.quiet) {
    const total = rows.reduce((s, r) => s + r.clv, 0);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.value_segment, (counts.get(r.value_segment) ?? 0) + 1);
    process.stderr.write(
      [
        `segment value: ${rows.length.toLocaleString("en-US")} customers, observed to ${result.observationEnd} (time in days)`,
        `segment value: BG/NBD r=${fmt(bg.r)} alpha=${fmt(bg.alpha)} a=${fmt(bg.a)} b=${fmt(bg.b)} (log-likelihood ${bg.logLikelihood.toFixed(1)}${bg.converged ? "" : ", NOT converged"})`,
        `segment value: Gamma-Gamma p=${fmt(gg.p)} q=${fmt(gg.q)} v=${fmt(gg.v)}${gg.converged ? "" : " (NOT converged)"}`,
        `segment value: predicted ${months}-month CLV ${total.toFixed(2)} in total (discount ${discountRate} a month)`,
        ...[...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([s, n]) => `  ${s.padEnd(26)} ${String(n).padStart(7)}`),
        `segment value: wrote ${files.join(", ")}`,
      ].join("\n") + "\n",
    );
  }
  return 0;
}

/** Four significant digits: parameters span 1e-7 (a at its boundary) to 1e4. */
function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

function integer(text: string, flag: string): number {
  const x = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(x) || x < 1)
    throw new ArgumentError(`${flag} ${text}: must be an integer >= 1`);
  return x;
}

function nonNegative(text: string, flag: string): number {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || x < 0)
    throw new ArgumentError(`${flag} ${text}: must be a number >= 0`);
  return x;
}
