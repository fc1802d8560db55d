/**
 * The cases the real-engine tests (PostgreSQL, Spark) run, written once for both:
 * - scoring: the Mall data and a seeded 100,000-row table, both with hostile column names and category
 *   values, a model fitted by the built CLI (`node dist/cli/segment.js run`), the reference assignment by
 *   `segment score`, and the query by `segment sql` for the engine's dialect;
 * - RFM: the Online Retail sample loaded by the project's DuckDB loader and written out as the typed
 *   `transactions` table the warehouse script expects, and the reference rows of the DuckDB path
 *   (rfmFeatures → rfmScores → rfmSegment).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { DuckDBInstance } from "@duckdb/node-api";
import { randomNormal, seededRandom } from "../../src/core/random";
import { toCsv } from "../../src/profile/to-csv";
import { rfmFeatures, type FunnelStep } from "../../src/rfm/features";
import { rfmScores, type QuintileTies } from "../../src/rfm/scoring";
import { rfmSegment } from "../../src/rfm/segments";
import { loadTransactions } from "../../src/rfm/transactions";
import { MALL_CSV, ROOT } from "./run-segment";

/** Run the built CLI, as a user (and the README) does: `node dist/cli/segment.js …`. */
export function segmentCli(args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli", "segment.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, SEGMENT_ID_KEY: "" },
    maxBuffer: 1 << 28,
  });
  assert.equal(r.status, 0, `segment ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** Column names a careless generator would break: quotes of every kind, backslash, SQL comment, `;`. */
export const HOSTILE = {
  id: 'Customer "ID"; --',
  gender: "Gen`der'\\",
  age: "Age (years) `x`",
  income: 'Annual Income (k$) "net"',
  spending: "Spending Score'; DROP TABLE customers; --",
} as const;

/** Category values of the same kind, and a non-ASCII one. */
export const HOSTILE_LEVELS = ['O\'Male\\ "x"', "Fé'male; DROP TABLE t; --", "`other` ☃"] as const;

export type ColumnType = "double" | "string";

export interface ScoringCase {
  label: string;
  /** The table to load: header line, NULL = an unquoted empty field. */
  csv: string;
  columns: [string, ColumnType][];
  model: string;
  /** `segment score`'s assignment: id → [segment, name]; rows with a missing feature → null. */
  expected: Map<string, [number, string] | null>;
  /** The query `segment sql` prints for a dialect and table. */
  sql(dialect: "postgres" | "spark", table: string): string;
}

/**
 * Write both scoring cases into `dir` and score them with `segment score`.
 * Mall: all 200 customers, k = 5, three features and the gender one-hot. Seeded: a model fitted on the
 * first 5,000 complete rows (k = 4), then 100,000 rows scored, 1% of them with one feature missing (a NULL
 * in the table: NULL segment in SQL, dropped by `segment score --impute drop`).
 */
export function prepareScoringCases(dir: string): ScoringCase[] {
  return [prepareMallCase(dir), seededCase(dir)];
}

/** The Mall case alone (see {@link prepareScoringCases}). */
export function prepareMallCase(dir: string): ScoringCase {
  const [header, ...rows] = parse(fs.readFileSync(MALL_CSV, "utf8"), { relax_column_count: false }) as string[][];
  assert.deepEqual(header, ["CustomerID", "Gender", "Age", "Annual Income (k$)", "Spending Score (1-100)"]);
  const level = { Male: HOSTILE_LEVELS[0], Female: HOSTILE_LEVELS[1] } as Record<string, string>;
  const columns: [string, ColumnType][] = [
    [HOSTILE.id, "string"],
    [HOSTILE.gender, "string"],
    [HOSTILE.age, "double"],
    [HOSTILE.income, "double"],
    [HOSTILE.spending, "double"],
  ];
  const csv = path.join(dir, "mall-hostile.csv");
  const table = rows.map(([id, gender, age, income, spending]) => [
    `c'${id}\\`,
    level[gender!]!,
    Number(age),
    Number(income),
    Number(spending),
  ]);
  fs.writeFileSync(
    csv,
    toCsv(
      table,
      columns.map((c) => c[0]),
    ),
  );
  return fitAndScore("Mall data, hostile names and values", dir, "mall", csv, csv, columns, ["--k", "5"], []);
}

function seededCase(dir: string): ScoringCase {
  const random = seededRandom(16);
  const n = 100_000;
  const columns: [string, ColumnType][] = [
    [HOSTILE.id, "string"],
    [HOSTILE.income, "double"],
    [HOSTILE.spending, "double"],
    [HOSTILE.age, "double"],
    [HOSTILE.gender, "string"],
  ];
  // Four groups in income × spending, age independent; 1% of rows lose one feature.
  const centres = [
    [30, 20],
    [30, 80],
    [90, 20],
    [90, 80],
  ] as const;
  const rows = Array.from({ length: n }, (_, i) => {
    const [ci, cs] = centres[Math.floor(random() * 4)]!;
    const row: (string | number | null)[] = [
      `id-${i}'"`,
      Math.round((ci + 12 * randomNormal(random)) * 1000) / 1000,
      Math.round((cs + 12 * randomNormal(random)) * 1000) / 1000,
      Math.round(18 + 52 * random()),
      HOSTILE_LEVELS[Math.floor(random() * 3)]!,
    ];
    if (i >= 5_000 && random() < 0.01) row[1 + Math.floor(random() * 3)] = null;
    return row;
  });
  const csv = path.join(dir, "seeded-100k.csv");
  const sample = path.join(dir, "seeded-sample.csv");
  const names = columns.map((c) => c[0]);
  fs.writeFileSync(csv, toCsv(rows, names));
  fs.writeFileSync(sample, toCsv(rows.slice(0, 5_000), names));
  const missing = rows.filter((r) => r.includes(null)).map((r) => String(r[0]));
  assert.ok(missing.length > 500, `${missing.length} rows with a missing feature`);
  const features = ["--features", [HOSTILE.income, HOSTILE.spending, HOSTILE.age].join(",")];
  return fitAndScore(
    "seeded 100,000 rows, hostile names and values, 1% NULL features",
    dir,
    "seeded",
    sample,
    csv,
    columns,
    ["--k", "4", ...features],
    missing,
  );
}

function fitAndScore(
  label: string,
  dir: string,
  name: string,
  fitCsv: string,
  scoreCsv: string,
  columns: [string, ColumnType][],
  runArgs: string[],
  missing: string[],
): ScoringCase {
  const out = path.join(dir, `${name}-model`);
  const features = runArgs.includes("--features")
    ? []
    : ["--features", [HOSTILE.age, HOSTILE.income, HOSTILE.spending].join(",")];
  segmentCli([
    "run",
    fitCsv,
    "--id",
    HOSTILE.id,
    ...features,
    "--categorical",
    HOSTILE.gender,
    ...runArgs,
    "--quiet",
    "--out",
    out,
  ]);
  const model = path.join(out, "model.json");
  const scored = path.join(dir, `${name}-scored.csv`);
  segmentCli(["score", model, scoreCsv, "--keep-ids", "--impute", "drop", "--quiet", "--out", scored]);
  const expected = new Map<string, [number, string] | null>();
  const [, ...scoredRows] = parse(fs.readFileSync(scored, "utf8")) as string[][];
  for (const [id, segment, segmentName] of scoredRows) expected.set(id!, [Number(segment), segmentName!]);
  for (const id of missing) {
    assert.ok(!expected.has(id), `segment score --impute drop kept ${id}`);
    expected.set(id, null);
  }
  return {
    label,
    csv: scoreCsv,
    columns,
    model,
    expected,
    sql: (dialect, table) => segmentCli(["sql", model, "--dialect", dialect, "--table", table]),
  };
}

/** The engine's rows `[id, segment, segment_name]` as the same map as {@link ScoringCase.expected}. */
export function assignments(rows: readonly (readonly unknown[])[]): Map<string, [number, string] | null> {
  return new Map(
    rows.map(
      ([id, segment, name]) =>
        [String(id), segment === null || segment === undefined ? null : [Number(segment), String(name)]] as const,
    ),
  );
}

/** Assert two assignments are equal row for row, with the first differences in the message. */
export function assertSameAssignments(
  actual: Map<string, [number, string] | null>,
  expected: Map<string, [number, string] | null>,
  label: string,
): void {
  assert.equal(actual.size, expected.size, `${label}: ${actual.size} rows from the engine, ${expected.size} expected`);
  const differ = [...expected].filter(([id, e]) => JSON.stringify(actual.get(id)) !== JSON.stringify(e));
  assert.equal(
    differ.length,
    0,
    `${label}: ${differ.length} rows differ, e.g. ${JSON.stringify(differ.slice(0, 3).map(([id, e]) => [id, e, actual.get(id)]))}`,
  );
}

/** The columns of the RFM table the warehouse script returns, in order. */
export const RFM_COLUMNS = [
  "customer_id",
  "recency_days",
  "frequency",
  "monetary",
  "aov",
  "tenure_days",
  "country",
  "clv",
  "first_purchase",
  "last_purchase",
  "r_score",
  "f_score",
  "m_score",
  "fm_score",
  "rfm_segment",
] as const;

/** The typed `transactions` table of the warehouse script, as Spark and PostgreSQL load it. */
export const TRANSACTION_TABLE: [string, "string" | "double" | "timestamp"][] = [
  ["invoice_no", "string"],
  ["customer_id", "string"],
  ["country", "string"],
  ["quantity", "double"],
  ["unit_price", "double"],
  ["invoice_date", "timestamp"],
];

/**
 * Load a transactions CSV with the project's DuckDB loader (trim, "NA" → NULL, typed) and write the typed
 * table to `out` as CSV (NULL = an empty field, timestamps as `YYYY-MM-DD HH:MM:SS`).
 */
export async function writeTypedTransactions(input: string, out: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await loadTransactions(connection, input);
    const columns = TRANSACTION_TABLE.map(([c]) =>
      c === "invoice_date" ? "strftime(invoice_date, '%Y-%m-%d %H:%M:%S') AS invoice_date" : c,
    );
    await connection.run(
      `COPY (SELECT ${columns.join(", ")} FROM transactions) TO '${out.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export interface RfmReference {
  funnel: FunnelStep[];
  /** customer_id → the row in {@link RFM_COLUMNS} order. */
  rows: Map<string, (string | number | null)[]>;
}

/** The DuckDB path: rfmFeatures (DuckDB SQL) → rfmScores → rfmSegment (TypeScript). */
export async function rfmReference(input: string, ties: QuintileTies): Promise<RfmReference> {
  const { customers, funnel } = await rfmFeatures(input);
  const scores = rfmScores(customers, { ties });
  const rows = new Map(
    customers.map((c, i) => {
      const s = scores[i]!;
      const row = [
        c.customer_id,
        c.recency_days,
        c.frequency,
        c.monetary,
        c.aov,
        c.tenure_days,
        c.country,
        c.clv,
        c.first_purchase,
        c.last_purchase,
        s.R,
        s.F,
        s.M,
        Math.floor((s.F + s.M) / 2 + 0.5),
        rfmSegment(s),
      ];
      return [c.customer_id, row] as const;
    }),
  );
  return { funnel, rows };
}

/** Split the printed script into statements (each ends with `;` at the end of a line), comments dropped. */
export function sqlStatements(script: string): string[] {
  return script
    .split(/;[ \t]*\n/)
    .map((s) =>
      s
        .split("\n")
        .filter((line) => !/^\s*--/.test(line))
        .join("\n")
        .trim(),
    )
    .filter((s) => s !== "");
}

/** A statement that returns rows (the funnel and the RFM table), as opposed to a CREATE VIEW. */
export function isQuery(statement: string): boolean {
  return /^(SELECT|WITH)\b/i.test(statement);
}

/**
 * Assert an engine's funnel and RFM rows equal the DuckDB path customer by customer: integers, dates, text
 * and scores exactly; monetary, aov and clv to 1e-12 relative (decimal → double conversions may round the
 * last bit differently).
 */
export function assertSameRfm(
  engine: string,
  funnelRows: readonly (readonly unknown[])[],
  rfmRows: readonly (readonly unknown[])[],
  reference: RfmReference,
): void {
  const removed = new Map(funnelRows.map(([rule, n]) => [rule === null ? null : String(rule), Number(n)]));
  for (const step of reference.funnel.slice(1))
    assert.equal(removed.get(step.step) ?? 0, step.removed, `${engine}: funnel ${step.step}`);
  assert.equal(removed.get(null), reference.funnel.at(-1)!.remaining, `${engine}: rows kept`);
  assert.equal(rfmRows.length, reference.rows.size, `${engine}: customers`);
  let checked = 0;
  for (const row of rfmRows) {
    const id = String(row[0]);
    const want = reference.rows.get(id);
    assert.ok(want, `${engine}: unexpected customer ${id}`);
    RFM_COLUMNS.forEach((column, j) => {
      const got = row[j];
      const expected = want[j];
      if (column === "monetary" || column === "aov" || column === "clv") {
        const g = Number(got);
        const e = expected as number;
        assert.ok(
          Math.abs(g - e) <= 1e-12 * Math.max(1, Math.abs(e)),
          `${engine}: customer ${id} ${column} ${g} vs ${e}`,
        );
      } else if (expected === null) {
        assert.equal(got, null, `${engine}: customer ${id} ${column}`);
      } else {
        assert.equal(String(got), String(expected), `${engine}: customer ${id} ${column}`);
      }
    });
    checked++;
  }
  assert.equal(checked, reference.rows.size);
}
