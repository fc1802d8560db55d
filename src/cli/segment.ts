#!/usr/bin/env node
/**
 * `segment`: customer segmentation from the command line.
 *   segment run <customers.csv> --out <dir>        segment customers, write CSVs, model.json and report.html
 *   segment score <model.json> <new.csv> --out <f>  assign new customers with a saved model
 *   segment sql <model.json> [--dialect d]          print a SQL query that scores a warehouse table
 *   segment rfm <transactions.csv> --out <dir>      RFM scores, segments and clusters from transactions
 *   segment value <transactions.csv> --out <dir>    BG/NBD + Gamma-Gamma: expected purchases, P(alive), CLV
 *   segment drift <model.json> <ref.csv> <cur.csv> --out <dir>   drift of features and segments between two tables
 * Bad input ends with exit code 2 and one line naming the file, row and column.
 */
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ArgumentError, DataError } from "../core/errors";
import { clip, type ImputeMethod } from "../data/customer-table";
import type { Delimiter } from "../data/read-csv";
import { INPUT_ENCODINGS, type InputEncoding } from "../io/read-input";
import { modelToSql, SQL_DIALECTS, type SqlDialect } from "../model/model-sql";
import { readModel } from "../model/validate-model";
import { DRIFT_HELP, driftCommand } from "./drift-command";
import { RFM_SQL_DIALECTS, rfmWarehouseSql } from "../rfm/warehouse-sql";
import { Progress } from "./progress";
import { runRfm } from "./rfm-command";
import { RUN_DEFAULTS, runSegmentation } from "./run-command";
import { scoreCustomers } from "./score-command";
import { cleanUpOnSignals } from "./signals";
import { VALUE_HELP, valueCommand } from "./value-command";
import { readRulesFile } from "../rules/rules-file";
import { rulesToSql } from "../model/rules-sql";
import { packageVersion } from "./package-version";

/** A command-line mistake: exit code 2 like bad data. */
export class UsageError extends Error {
  override name = "UsageError";
}

const HELP = `segment: customer segmentation from the command line

Usage:
  segment run <customers.csv> --out <dir> [options]
  segment score <model.json> <new.csv> --out <file.csv> [--impute median|drop] [--keep-ids] [--encoding e]
  segment sql <model.json> [--dialect duckdb|postgres|bigquery|spark] [--table name] [--rules]
  segment rfm <transactions.csv> --out <dir> [--k N] [--seed N] [--ties min|first] [--as-of YYYY-MM-DD]
                                            [--encoding e]
  segment rfm --print-sql [--dialect duckdb|postgres|spark] [--ties min|first]   the same in SQL, for a warehouse
${VALUE_HELP}
${DRIFT_HELP}

run options (defaults reproduce the Mall Customers analysis):
  --id <col>                 ID column (default: ${RUN_DEFAULTS.id})
  --features <col,col,…>     numeric feature columns (default: ${RUN_DEFAULTS.features.join(",")})
  --categorical <col,…>      categorical columns, one-hot encoded and profiled (default: none)
  --k auto|N                 number of segments; auto = vote of 7 indices (elbow, silhouette, CH, DB, gap,
                             BIC, stability) over k=2..10, on a sample of 2,000 rows at most (default: auto)
  --algorithm kmeans|gmm|agglomerative   (default: kmeans; agglomerative up to 2,000 rows)
  --scale standard|minmax|robust|none    (default: standard)
  --seed N                   seed of every random step and of the default ID key (default: ${RUN_DEFAULTS.seed})
  --impute median|drop       fill missing feature values with the median, or drop their rows (default: refuse)
  --delimiter , | ; | tab    field delimiter (default: detected from the header)
  --encoding utf-8|latin1|windows-1252|utf-16le   the input's text encoding (default: utf-8; invalid UTF-8 is refused)
  --keep-ids                 write the real IDs; otherwise IDs are pseudonymised with HMAC-SHA256
                             under $SEGMENT_ID_KEY, or the key "mall-segments:<seed>" when it is unset
  --quiet                    no progress on stderr
  --json                     print a machine-readable summary on stdout
  --out <dir>                output folder: segments.csv, profiles.csv, model.json, rules.json, report.html; it must be new,
                             empty, or written by segment before (it holds a .mall-segments-output marker)

rfm options:
  --ties min|first           quintile scores of equal values: min = all get the lowest score of their run,
                             first = split at a quintile edge by CustomerID order (default: min)

sql options:
  --rules                    score by the run's rules (rules.json next to model.json: a threshold tree,
                             one CASE WHEN per segment) instead of the nearest centroid

Examples:
  segment run data/Mall_Customers.csv --out out/
  segment run data/Mall_Customers.csv --features "Age,Annual Income (k$),Spending Score (1-100)" --categorical Gender --k 6 --out out6/
  segment run customers.csv --id customer_id --features recency,frequency,monetary --scale robust --impute median --json --out seg/
  segment score out/model.json new_customers.csv --out scored.csv --keep-ids
  segment sql out/model.json --dialect bigquery --table crm.customers > score.sql
  segment drift out/model.json customers-june.csv customers-december.csv --out drift/ --fail-on refit
  segment sql out/model.json --rules --dialect postgres > rules.sql
  segment rfm --print-sql --dialect spark > rfm.sql

Exit codes: 0 done, 2 bad input or arguments (one line on stderr), 1 unexpected failure,
3 segment drift's verdict reached --fail-on.`;

const COMMON = {
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean", short: "q" },
  json: { type: "boolean" },
} as const;

const RUN_OPTIONS = {
  ...COMMON,
  id: { type: "string" },
  features: { type: "string" },
  categorical: { type: "string" },
  k: { type: "string" },
  algorithm: { type: "string" },
  scale: { type: "string" },
  seed: { type: "string" },
  impute: { type: "string" },
  delimiter: { type: "string" },
  encoding: { type: "string" },
  "keep-ids": { type: "boolean" },
  out: { type: "string", short: "o" },
} as const satisfies ParseArgsConfig["options"];

const SCORE_OPTIONS = {
  ...COMMON,
  impute: { type: "string" },
  delimiter: { type: "string" },
  encoding: { type: "string" },
  "keep-ids": { type: "boolean" },
  out: { type: "string", short: "o" },
} as const satisfies ParseArgsConfig["options"];

const SQL_OPTIONS = {
  ...COMMON,
  dialect: { type: "string" },
  table: { type: "string" },
  rules: { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

const RFM_OPTIONS = {
  ...COMMON,
  out: { type: "string", short: "o" },
  k: { type: "string" },
  seed: { type: "string" },
  ties: { type: "string" },
  "as-of": { type: "string" },
  encoding: { type: "string" },
  "print-sql": { type: "boolean" },
  dialect: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** Run the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(HELP + "\n");
        return command === undefined ? 2 : 0;
      case "run":
        return runCommand(rest);
      case "score":
        return scoreCommand(rest);
      case "sql":
        return sqlCommand(rest);
      case "rfm":
        return await rfmCommand(rest);
      case "value":
        return await valueCommand(rest);
      case "drift":
        return driftCommand(rest, help);
      default:
        throw new UsageError(
          `unknown command "${command}" (commands: run, score, sql, rfm, value, drift; see segment --help)`,
        );
    }
  } catch (err) {
    return reportError(err);
  }
}

function runCommand(argv: string[]): number {
  const { values, positionals } = parse(argv, RUN_OPTIONS, "run");
  if (values.help) return help();
  const input = onePositional(positionals, "run", "<customers.csv>");
  const out = required(values.out, "run", "--out <dir>");
  const summary = runSegmentation({
    input,
    out,
    id: values.id,
    features: values.features !== undefined ? list(values.features) : undefined,
    categorical: values.categorical !== undefined ? list(values.categorical) : undefined,
    k: values.k === undefined ? undefined : values.k === "auto" ? "auto" : integer(values.k, "--k", 1),
    algorithm: oneOf(values.algorithm, "--algorithm", ["kmeans", "gmm", "agglomerative"] as const),
    scale: oneOf(values.scale, "--scale", ["standard", "minmax", "robust", "none"] as const),
    seed: values.seed === undefined ? undefined : integer(values.seed, "--seed", 0),
    impute: oneOf(values.impute, "--impute", ["median", "drop"] as const) as ImputeMethod | undefined,
    delimiter: delimiter(values.delimiter),
    encoding: oneOf(values.encoding, "--encoding", INPUT_ENCODINGS) as InputEncoding | undefined,
    keepIds: values["keep-ids"] ?? false,
    progress: new Progress({ enabled: !values.quiet }),
    version: packageVersion(),
  });
  if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
  else if (!values.quiet) {
    const lines = [
      `segment: ${summary.rowsUsed.toLocaleString("en-US")} customers → k = ${summary.k} segments (${summary.algorithm}, ${summary.scale} scaling)` +
        (summary.kSelection
          ? `; k chosen by vote: ${summary.kSelection.votes.map((v) => `${v.index} ${v.k}`).join(", ")} (sample of ${summary.kSelection.sampleSize.toLocaleString("en-US")} rows)`
          : ""),
      ...(summary.silhouette
        ? [
            `segment: silhouette ${summary.silhouette.score.toFixed(3)} (seeded sample of ${summary.silhouette.sampleSize.toLocaleString("en-US")} rows)`,
          ]
        : []),
      ...(summary.dropped ? [`segment: dropped ${summary.dropped} rows with missing values`] : []),
      ...Object.entries(summary.imputed).map(
        ([c, m]) => `segment: imputed ${m} missing values of "${c}" with the median`,
      ),
      ...(summary.rules
        ? [
            `segment: rules (threshold tree, ${summary.rules.leaves} leaves) put ${(summary.rules.fidelity * 100).toFixed(1)}% of customers in their own segment (rules.json)`,
          ]
        : []),
      ...summary.segments.map(
        (s) =>
          `  ${s.segment}  ${s.name.padEnd(48)} ${String(s.size).padStart(8)}  ${(s.share * 100).toFixed(1).padStart(5)}%`,
      ),
      `segment: wrote ${summary.files.map((f) => path.join(out, f)).join(", ")}`,
    ];
    process.stderr.write(lines.join("\n") + "\n");
  }
  return 0;
}

function scoreCommand(argv: string[]): number {
  const { values, positionals } = parse(argv, SCORE_OPTIONS, "score");
  if (values.help) return help();
  if (positionals.length !== 2)
    throw new UsageError(
      `score: expected <model.json> <new.csv>, got ${positionals.length} arguments (see segment --help)`,
    );
  const summary = scoreCustomers({
    model: positionals[0]!,
    input: positionals[1]!,
    out: required(values.out, "score", "--out <file.csv>"),
    impute: oneOf(values.impute, "--impute", ["median", "drop"] as const) as ImputeMethod | undefined,
    delimiter: delimiter(values.delimiter),
    encoding: oneOf(values.encoding, "--encoding", INPUT_ENCODINGS) as InputEncoding | undefined,
    keepIds: values["keep-ids"] ?? false,
    progress: new Progress({ enabled: !values.quiet }),
  });
  if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
  else if (!values.quiet) process.stderr.write(`segment: scored ${summary.rowsScored} customers → ${summary.out}\n`);
  return 0;
}

function sqlCommand(argv: string[]): number {
  const { values, positionals } = parse(argv, SQL_OPTIONS, "sql");
  if (values.help) return help();
  const modelFile = onePositional(positionals, "sql", "<model.json>");
  const model = readModel(modelFile);
  const dialect = (oneOf(values.dialect, "--dialect", SQL_DIALECTS) ?? "duckdb") as SqlDialect;
  if (values.rules) {
    const rules = readRulesFile(path.join(path.dirname(modelFile), "rules.json"), model.encodedFeatures.length);
    process.stdout.write(rulesToSql(model, rules, { dialect, table: values.table ?? "customers" }));
    return 0;
  }
  if (model.algorithm === "gmm" && !values.quiet) {
    process.stderr.write(
      "segment: warning: SQL scores this gmm model by the nearest mean, not the highest posterior that `segment score` uses\n",
    );
  }
  process.stdout.write(modelToSql(model, { dialect, table: values.table ?? "customers" }));
  return 0;
}

async function rfmCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, RFM_OPTIONS, "rfm");
  if (values.help) return help();
  const ties = oneOf(values.ties, "--ties", ["min", "first"] as const);
  if (values["print-sql"]) {
    if (positionals.length > 0)
      throw new UsageError(
        `rfm: --print-sql takes no <transactions.csv> (it prints SQL over a table \`transactions\`)`,
      );
    const dialect = oneOf(values.dialect, "--dialect", RFM_SQL_DIALECTS);
    process.stdout.write(rfmWarehouseSql({ ...(dialect ? { dialect } : {}), ...(ties ? { ties } : {}) }));
    return 0;
  }
  if (values.dialect !== undefined) throw new UsageError("rfm: --dialect goes with --print-sql");
  const result = await runRfm({
    input: onePositional(positionals, "rfm", "<transactions.csv>"),
    out: required(values.out, "rfm", "--out <dir>"),
    ...(values.k !== undefined ? { k: integer(values.k, "--k", 1, false) } : {}),
    ...(values.seed !== undefined ? { seed: integer(values.seed, "--seed", 0) } : {}),
    ...(ties !== undefined ? { ties } : {}),
    ...(values["as-of"] !== undefined ? { asOf: values["as-of"] } : {}),
    ...(values.encoding !== undefined ? { encoding: oneOf(values.encoding, "--encoding", INPUT_ENCODINGS)! } : {}),
    quiet: values.quiet ?? values.json ?? false,
  });
  if (values.json) {
    const { rows, ...summary } = result;
    process.stdout.write(JSON.stringify({ ...summary, customers: rows.length }, null, 2) + "\n");
  }
  return 0;
}

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message.split("\n")[0]} (see segment --help)`);
  }
}

function help(): number {
  process.stdout.write(HELP + "\n");
  return 0;
}

function onePositional(positionals: string[], command: string, what: string): string {
  if (positionals.length !== 1)
    throw new UsageError(`${command}: expected one ${what}, got ${positionals.length} arguments (see segment --help)`);
  return positionals[0]!;
}

function required(value: string | undefined, command: string, what: string): string {
  if (value === undefined || value === "") throw new UsageError(`${command}: ${what} is required`);
  return value;
}

/** Split a comma-separated column list; names keep inner spaces and punctuation ("Annual Income (k$)"). */
function list(text: string): string[] {
  return text
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

function integer(text: string, flag: string, min: number, autoAllowed = flag === "--k"): number {
  const x = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(x) || x < min)
    throw new UsageError(`${flag} ${clip(text)}: must be an integer >= ${min}${autoAllowed ? " or auto" : ""}`);
  return x;
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} ${clip(value)}: must be one of ${allowed.join(", ")}`);
  return value as T;
}

function delimiter(value: string | undefined): Delimiter | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, Delimiter> = { ",": ",", ";": ";", tab: "\t", "\t": "\t", "\\t": "\t", auto: "auto" };
  const d = map[value];
  if (!d) throw new UsageError(`--delimiter ${JSON.stringify(value)}: must be one of , ; tab auto`);
  return d;
}

/** One line on stderr: exit 2 for bad input or arguments, 1 otherwise; a stack only with SEGMENT_DEBUG=1. */
function reportError(err: unknown): number {
  const e = err as Error;
  const expected = e instanceof DataError || e instanceof ArgumentError || e instanceof UsageError;
  const message = clip((e?.message ?? String(err)).replace(/\s*\n\s*/g, " "), 1000);
  process.stderr.write(`segment: error: ${message}\n`);
  if (process.env.SEGMENT_DEBUG === "1" && e?.stack) process.stderr.write(e.stack + "\n");
  return expected ? 2 : 1;
}

if (require.main === module) {
  cleanUpOnSignals();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.exitCode = reportError(err);
    },
  );
}
