import { ArgumentError } from "../core/errors";
import { stabilityBand, type StabilityBand } from "./bands";

export interface CategoricalStabilityOptions {
  /** Floor of a share, so that a category seen on one side only has a finite logarithm. @default 1e-4 */
  epsilon?: number;
}

/** One category and each side's share of it. */
export interface CategoryShare {
  category: string;
  referenceCount: number;
  currentCount: number;
  /** referenceCount / total reference count, raised to epsilon when below it. */
  referenceShare: number;
  /** currentCount / total current count, raised to epsilon when below it. */
  currentShare: number;
  /** (currentShare − referenceShare) · ln(currentShare / referenceShare), >= 0. */
  contribution: number;
}

export interface CategoricalStabilityResult {
  psi: number;
  band: StabilityBand;
  /** The reference's categories in their order, then those seen only in the current counts. */
  categories: CategoryShare[];
}

/** Counts per category, as an object (`{ F: 112, M: 88 }`) or a Map. */
export type CategoryCounts = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

/**
 * The population stability index over categories (segment shares, a categorical feature): the formula of
 * {@link populationStabilityIndex} with the categories as bins. share = count / total on each side, raised to
 * `epsilon` when below it (so a category present on one side only counts with share `epsilon` on the other);
 * psi = Σ (current − reference) · ln(current / reference).
 *
 * @param referenceCounts - count per category in the reference (>= 0, total > 0).
 * @param currentCounts - count per category now (>= 0, total > 0).
 * @param options - `epsilon` (default 1e-4).
 * @returns psi, its band and one row per category.
 * @throws {ArgumentError} when a count is negative or not finite, a side totals 0, or epsilon is not in (0, 1).
 * @example
 * categoricalStabilityIndex({ a: 50, b: 50 }, { a: 50, b: 50 }).psi; // => 0
 * categoricalStabilityIndex({ a: 60, b: 40 }, { a: 40, b: 60 }).psi; // => 0.4·ln 1.5 = 0.1621…
 */
export function categoricalStabilityIndex(
  referenceCounts: CategoryCounts,
  currentCounts: CategoryCounts,
  options: CategoricalStabilityOptions = {},
): CategoricalStabilityResult {
  const fn = "categoricalStabilityIndex";
  const epsilon = options.epsilon ?? 1e-4;
  if (!(epsilon > 0 && epsilon < 1)) throw new ArgumentError(`${fn}: epsilon=${epsilon} must be in (0, 1)`);
  const reference = toMap(referenceCounts, "referenceCounts", fn);
  const current = toMap(currentCounts, "currentCounts", fn);
  const referenceTotal = total(reference, "referenceCounts", fn);
  const currentTotal = total(current, "currentCounts", fn);
  const names = [...reference.keys(), ...[...current.keys()].filter((c) => !reference.has(c))];
  let psi = 0;
  const categories = names.map((category) => {
    const referenceCount = reference.get(category) ?? 0;
    const currentCount = current.get(category) ?? 0;
    const referenceShare = Math.max(referenceCount / referenceTotal, epsilon);
    const currentShare = Math.max(currentCount / currentTotal, epsilon);
    const contribution = (currentShare - referenceShare) * Math.log(currentShare / referenceShare);
    psi += contribution;
    return { category, referenceCount, currentCount, referenceShare, currentShare, contribution };
  });
  return { psi, band: stabilityBand(psi), categories };
}

/**
 * Count the values of a categorical column, in order of first appearance.
 * @example countCategories(["F", "M", "F"]); // => Map { "F" => 2, "M" => 1 }
 */
export function countCategories(values: Iterable<string | number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return counts;
}

function toMap(counts: CategoryCounts, name: string, fn: string): Map<string, number> {
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts as Record<string, number>);
  for (const [category, count] of entries) {
    if (!(Number.isFinite(count) && count >= 0))
      throw new ArgumentError(`${fn}: ${name}[${JSON.stringify(category)}]=${count} must be a finite count >= 0`);
  }
  return new Map(entries);
}

function total(counts: Map<string, number>, name: string, fn: string): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  if (!(sum > 0)) throw new ArgumentError(`${fn}: ${name} total ${sum}; need at least one observation`);
  return sum;
}
