import { ArgumentError } from "../core/errors";
import { randomInt, sampleIndices, seededRandom, type RandomSource } from "../core/random";
import { MALL_FEATURES, type Customer, type MallFeature } from "./load-mall";

/** A customer as loaded (the five columns of the Mall Customers data), the gender as any text. */
export type CustomerLike = Omit<Customer, "gender"> & { gender: string };

/** A customer row that may carry dirt: a missing numeric value is `null`, gender is free text. */
export type DirtyCustomer = Pick<Customer, "customerId"> & { gender: string } & { [F in MallFeature]: number | null };

/** One piece of injected dirt, so a cleaning step can be checked against what was really done. */
export interface DirtInjection {
  kind: "missing" | "duplicate" | "gender-typo" | "outlier";
  customerId: number;
  /** The column changed (absent for a duplicated row). */
  column?: MallFeature | "gender";
  /** The true value before the change. */
  original?: number | string;
  /** The value written instead (`null` for a missing value). */
  injected?: number | string | null;
}

export interface MakeDirtyOptions {
  /** Seed of the generator that picks the rows and values. @default 42 */
  seed?: number;
  /** Number of numeric cells set to `null`. @default 6 */
  nMissing?: number;
  /** Number of rows copied a second time (inserted at a random place). @default 3 */
  nDuplicates?: number;
  /** Number of gender values misspelt ("femal", " Male", "M", …). @default 3 */
  nGenderTypos?: number;
  /** Number of numeric cells multiplied by 10 (a typing slip: an extra digit), beyond twice the column's maximum. @default 1 */
  nOutliers?: number;
}

/** A dirty copy and the log of every change made to it. */
export interface DirtyData {
  rows: DirtyCustomer[];
  log: DirtInjection[];
}

const defaults: Required<MakeDirtyOptions> = { seed: 42, nMissing: 6, nDuplicates: 3, nGenderTypos: 3, nOutliers: 1 };

const numericColumns = MALL_FEATURES;

/**
 * Make a reproducibly dirtied copy of clean customer rows, for teaching the cleaning steps:
 * missing numeric values, duplicated rows, misspelt genders and an outlier. Each change touches a
 * different original row, and duplicates copy untouched rows, so every change is recoverable.
 * The input is not modified.
 *
 * @param rows - the clean rows (nRows >= nMissing + nGenderTypos + nOutliers + nDuplicates).
 * @param options - counts of each kind of dirt and the seed; see {@link MakeDirtyOptions}.
 * @returns `{ rows, log }`: the dirty rows (nRows + nDuplicates) and one log entry per change.
 * @throws {ArgumentError} when there are too few rows or a count is negative.
 * @example
 * const { rows, log } = makeDirty(clean.rows, { seed: 42 });
 * rows.length; // => 203
 * log.filter((d) => d.kind === "missing").length; // => 6
 */
export function makeDirty(rows: readonly CustomerLike[], options: MakeDirtyOptions = {}): DirtyData {
  const opts: Required<MakeDirtyOptions> = { ...defaults, ...options };
  const counts = [opts.nMissing, opts.nDuplicates, opts.nGenderTypos, opts.nOutliers];
  if (counts.some((c) => !Number.isInteger(c) || c < 0)) {
    throw new ArgumentError(`makeDirty: counts must be integers >= 0, got ${JSON.stringify(counts)}`);
  }
  const needed = counts.reduce((a, b) => a + b, 0);
  if (rows.length < needed)
    throw new ArgumentError(`makeDirty: nRows=${rows.length} must be >= ${needed} (the sum of the counts)`);
  return injectDirt(rows, opts);
}

/** Computes the dirty copy; assumes validated options. */
function injectDirt(rows: readonly CustomerLike[], opts: Required<MakeDirtyOptions>): DirtyData {
  const random = seededRandom(opts.seed);
  const out: DirtyCustomer[] = rows.map((r) => ({
    customerId: r.customerId,
    gender: r.gender,
    age: r.age,
    income: r.income,
    spending: r.spending,
  }));
  const log: DirtInjection[] = [];
  // Distinct victims for every kind of change, drawn once.
  const victims = Array.from(
    sampleIndices(random, rows.length, opts.nMissing + opts.nGenderTypos + opts.nOutliers + opts.nDuplicates),
  );
  let next = 0;
  for (let i = 0; i < opts.nMissing; i++) {
    const row = out[victims[next++]!]!;
    const column = numericColumns[randomInt(random, numericColumns.length)]!;
    log.push({ kind: "missing", customerId: row.customerId, column, original: row[column]!, injected: null });
    row[column] = null;
  }
  for (let i = 0; i < opts.nGenderTypos; i++) {
    const row = out[victims[next++]!]!;
    const typo = misspell(row.gender, random);
    log.push({
      kind: "gender-typo",
      customerId: row.customerId,
      column: "gender",
      original: row.gender,
      injected: typo,
    });
    row.gender = typo;
  }
  for (let i = 0; i < opts.nOutliers; i++) {
    const row = out[victims[next++]!]!;
    // An extra digit (×10), in a column where it lands clearly beyond the observed range.
    const clear = numericColumns.filter((c) => row[c]! * 10 > 2 * columnMax(rows, c));
    const column = clear.length > 0 ? clear[randomInt(random, clear.length)]! : "income";
    const value = clear.length > 0 ? row[column]! * 10 : columnMax(rows, column) * 10;
    log.push({ kind: "outlier", customerId: row.customerId, column, original: row[column]!, injected: value });
    row[column] = value;
  }
  // Duplicates last: copies of untouched rows, inserted after a random position.
  const copies = victims.slice(next).map((i) => ({ ...out[i]! }));
  for (const copy of copies) {
    const at = randomInt(random, out.length + 1);
    out.splice(at, 0, copy);
    log.push({ kind: "duplicate", customerId: copy.customerId });
  }
  return { rows: out, log };
}

/**
 * The complete rows of dirty data as a matrix of the given columns (rows with a missing value among
 * them are left out), e.g. to chart the dirty distributions.
 *
 * @param rows - dirty rows.
 * @param columns - the numeric columns, in order.
 * @returns nComplete × columns.length.
 * @example
 * completeMatrix([{ customerId: 1, gender: "Male", age: 19, income: null, spending: 39 }], ["age"]); // => [[19]]
 */
export function completeMatrix(rows: readonly DirtyCustomer[], columns: readonly MallFeature[]): number[][] {
  return rows.filter((r) => columns.every((c) => r[c] !== null)).map((r) => columns.map((c) => r[c]!));
}

function columnMax(rows: readonly CustomerLike[], column: MallFeature): number {
  return rows.reduce((m, r) => Math.max(m, r[column]), -Infinity);
}

/** A plausible typing slip of a gender value: lower case, a dropped letter, padding or an initial. */
function misspell(gender: string, random: RandomSource): string {
  const slips = [
    (g: string) => g.toLowerCase(),
    (g: string) => g.slice(0, -1),
    (g: string) => ` ${g} `,
    (g: string) => g.charAt(0),
    (g: string) => g.toUpperCase(),
  ];
  return slips[randomInt(random, slips.length)]!(gender);
}
