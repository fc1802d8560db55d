import { ArgumentError } from "../core/errors";
import { adjustedRandScore } from "../evaluate/adjusted-rand";
import type { RfmValues } from "./cluster-rfm";

/** A crosstab of two labellings of the same customers, with their adjusted Rand index. */
export interface GroupingComparison<A, B> {
  /** Distinct labels of the first labelling, in first-seen order unless `rowOrder` was given. */
  rows: A[];
  /** Distinct labels of the second labelling, sorted when numbers. */
  columns: B[];
  /** rows.length × columns.length counts: customers with label rows[i] in the first and columns[j] in the second. */
  counts: number[][];
  /** Adjusted Rand index (1 = the same partition, about 0 = unrelated). */
  ari: number;
}

/**
 * Crosstab and adjusted Rand index of two labellings, e.g. RFM segments against k-means clusters.
 *
 * @param a - n labels (e.g. segment names).
 * @param b - n labels (e.g. cluster numbers).
 * @param rowOrder - optional order of a's labels (labels not in it follow in first-seen order).
 * @param columnOrder - optional order of b's labels, likewise (numbers are otherwise sorted).
 * @throws {ArgumentError} when the lengths differ.
 * @example
 * compareGroupings(["x", "x", "y"], [0, 0, 1]).ari; // => 1
 */
export function compareGroupings<A, B>(
  a: readonly A[],
  b: readonly B[],
  rowOrder: readonly A[] = [],
  columnOrder: readonly B[] = [],
): GroupingComparison<A, B> {
  if (a.length !== b.length)
    throw new ArgumentError(`compareGroupings: a has length ${a.length}, b has length ${b.length}`);
  const rows = distinct([...rowOrder.filter((r) => a.includes(r)), ...a]);
  const columns = distinct(b);
  if (columns.every((c) => typeof c === "number")) (columns as number[]).sort((x, y) => x - y);
  if (columnOrder.length > 0)
    columns.splice(0, columns.length, ...distinct([...columnOrder.filter((c) => b.includes(c)), ...columns]));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(columns.map((c, j) => [c, j]));
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  const codesA = a.map((v) => rowIndex.get(v)!);
  const codesB = b.map((v) => colIndex.get(v)!);
  codesA.forEach((i, n) => counts[i]![codesB[n]!]!++);
  return { rows, columns, counts, ari: adjustedRandScore(codesA, codesB) };
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Size, means and revenue of one group of customers. */
export interface RfmGroupSummary<G> {
  group: G;
  customers: number;
  /** Share of all customers, in [0, 1]. */
  customerShare: number;
  meanRecencyDays: number;
  meanFrequency: number;
  meanMonetary: number;
  /** Total monetary of the group. */
  revenue: number;
  /** Share of the total monetary, in [0, 1]. */
  revenueShare: number;
}

/**
 * Per-group profile of RFM customers (segments or clusters): size, mean R/F/M, revenue and its share.
 *
 * @param customers - n rows with recency_days, frequency, monetary.
 * @param groups - n group labels.
 * @returns one summary per group, the largest revenue first.
 * @throws {ArgumentError} when the lengths differ.
 */
export function summarizeRfmGroups<G>(customers: readonly RfmValues[], groups: readonly G[]): RfmGroupSummary<G>[] {
  if (customers.length !== groups.length) {
    throw new ArgumentError(`summarizeRfmGroups: ${customers.length} customers but ${groups.length} group labels`);
  }
  const totalRevenue = customers.reduce((s, c) => s + c.monetary, 0);
  const acc = new Map<G, { n: number; r: number; f: number; m: number }>();
  customers.forEach((c, i) => {
    const a = acc.get(groups[i]!) ?? { n: 0, r: 0, f: 0, m: 0 };
    a.n++;
    a.r += c.recency_days;
    a.f += c.frequency;
    a.m += c.monetary;
    acc.set(groups[i]!, a);
  });
  return [...acc.entries()]
    .map(([group, a]) => ({
      group,
      customers: a.n,
      customerShare: a.n / customers.length,
      meanRecencyDays: a.r / a.n,
      meanFrequency: a.f / a.n,
      meanMonetary: a.m / a.n,
      revenue: a.m,
      revenueShare: totalRevenue > 0 ? a.m / totalRevenue : 0,
    }))
    .sort((x, y) => y.revenue - x.revenue);
}
