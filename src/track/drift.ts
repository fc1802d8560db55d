import { ArgumentError } from "../core/errors";
import { STABILITY_BAND_LIMITS, worstBand, type StabilityBand } from "./bands";
import { categoricalStabilityIndex, countCategories, type CategoryShare } from "./categorical-stability";
import { segmentMigration, type SegmentMigration } from "./migration";
import { populationStabilityIndex, type PsiBin } from "./psi";

/** One snapshot of segmented customers: IDs, feature columns and segment labels, row i for customer ids[i]. */
export interface DriftSnapshot {
  ids: readonly string[];
  /** Numeric feature name → one value per customer. */
  numeric: Readonly<Record<string, ArrayLike<number>>>;
  /** Categorical feature name → one value per customer. @default {} */
  categorical?: Readonly<Record<string, readonly string[]>>;
  /** Segment number of each customer. */
  labels: readonly number[];
}

export interface DriftOptions {
  /** Quantile bins per numeric feature (see populationStabilityIndex). @default 10 */
  bins?: number;
  /** Share floor of the PSI. @default 1e-4 */
  epsilon?: number;
  /** The model's segments (number and name), so that segments empty on both sides still show. @default the labels seen */
  segments?: readonly { segment: number; name: string }[];
}

/** The drift of one feature. */
export interface FeatureDrift {
  name: string;
  kind: "numeric" | "categorical";
  psi: number;
  band: StabilityBand;
  /** Numeric features: the quantile bins. */
  bins?: PsiBin[];
  /** Categorical features: the categories. */
  categories?: CategoryShare[];
}

export interface DriftResult {
  rows: { reference: number; current: number };
  features: FeatureDrift[];
  /** PSI of the segment shares (categories = segment numbers as text), with each segment's name. */
  segments: { psi: number; band: StabilityBand; shares: (CategoryShare & { segment: number; name: string })[] };
  /** Who moved where, for IDs in both snapshots. */
  migration: SegmentMigration<number>;
  /** The worst band of the features and the segment shares. */
  verdict: StabilityBand;
  /** The verdict in words, naming what drifted. */
  explanation: string;
}

const defaults = { bins: 10, epsilon: 1e-4 };

/**
 * Compare two segmented snapshots of customers: the PSI of each feature (numeric: quantile bins of the
 * reference; categorical: categories), the PSI of the segment shares, the migration of customers present in both,
 * and a verdict, the worst band of them all (stable < 0.1 ≤ watch ≤ 0.25 < refit; see `bands.ts`).
 *
 * @param reference - the snapshot the segments were fitted on (n₀ customers).
 * @param current - a later snapshot scored with the same model (n₁ customers, the same feature names).
 * @param options - `bins` (default 10), `epsilon` (default 1e-4), `segments` (names).
 * @returns rows, per-feature drift, segment-share drift, migration, verdict and its explanation.
 * @throws {ArgumentError} when a snapshot is empty, a column's length differs from its ids, or the feature names differ.
 * @example
 * const d = computeDrift(
 *   { ids: ["a", "b"], numeric: { spend: [10, 20] }, labels: [0, 1] },
 *   { ids: ["a", "b"], numeric: { spend: [10, 20] }, labels: [0, 1] },
 * );
 * d.verdict; // => "stable"
 */
export function computeDrift(
  reference: DriftSnapshot,
  current: DriftSnapshot,
  options: DriftOptions = {},
): DriftResult {
  const opts = { ...defaults, ...options };
  checkSnapshot(reference, "reference");
  checkSnapshot(current, "current");
  const numericNames = Object.keys(reference.numeric);
  const categoricalNames = Object.keys(reference.categorical ?? {});
  const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (
    !sameNames(numericNames, Object.keys(current.numeric)) ||
    !sameNames(categoricalNames, Object.keys(current.categorical ?? {}))
  ) {
    throw new ArgumentError(
      `computeDrift: reference features [${[...numericNames, ...categoricalNames].join(", ")}] differ from current [${[...Object.keys(current.numeric), ...Object.keys(current.categorical ?? {})].join(", ")}]`,
    );
  }
  const features: FeatureDrift[] = [
    ...numericNames.map((name): FeatureDrift => {
      const r = populationStabilityIndex(reference.numeric[name]!, current.numeric[name]!, {
        bins: opts.bins,
        epsilon: opts.epsilon,
      });
      return { name, kind: "numeric", psi: r.psi, band: r.band, bins: r.bins };
    }),
    ...categoricalNames.map((name): FeatureDrift => {
      const r = categoricalStabilityIndex(
        countCategories(reference.categorical![name]!),
        countCategories(current.categorical![name]!),
        { epsilon: opts.epsilon },
      );
      return { name, kind: "categorical", psi: r.psi, band: r.band, categories: r.categories };
    }),
  ];

  const known =
    opts.segments ??
    [...new Set([...reference.labels, ...current.labels])]
      .sort((a, b) => a - b)
      .map((segment) => ({ segment, name: `segment ${segment}` }));
  const nameOf = new Map(known.map((s) => [s.segment, s.name]));
  const countLabels = (labels: readonly number[]) => {
    const counts = new Map<number, number>(known.map((s) => [s.segment, 0]));
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return new Map([...counts].map(([segment, n]) => [String(segment), n]));
  };
  const shares = categoricalStabilityIndex(countLabels(reference.labels), countLabels(current.labels), {
    epsilon: opts.epsilon,
  });
  const segments = {
    psi: shares.psi,
    band: shares.band,
    shares: shares.categories.map((c) => ({
      ...c,
      segment: Number(c.category),
      name: nameOf.get(Number(c.category)) ?? `segment ${c.category}`,
    })),
  };
  const migration = segmentMigration(
    { ids: reference.ids, labels: reference.labels },
    { ids: current.ids, labels: current.labels },
  );
  const verdict = worstBand([...features.map((f) => f.band), segments.band]);
  return {
    rows: { reference: reference.ids.length, current: current.ids.length },
    features,
    segments,
    migration,
    verdict,
    explanation: explainVerdict(verdict, [
      ...features.map((f) => ({ name: f.name, psi: f.psi, band: f.band })),
      { name: "segment shares", psi: segments.psi, band: segments.band },
    ]),
  };
}

/** The verdict in one or two sentences, naming what reached the verdict's band, worst first. */
export function explainVerdict(
  verdict: StabilityBand,
  items: readonly { name: string; psi: number; band: StabilityBand }[],
): string {
  const named = items
    .filter((i) => i.band === verdict)
    .sort((a, b) => b.psi - a.psi)
    .map((i) => `${i.name} (PSI ${i.psi.toFixed(3)})`)
    .join(", ");
  const { watch, refit } = STABILITY_BAND_LIMITS;
  switch (verdict) {
    case "stable":
      return `Stable: every feature and the segment shares have PSI < ${watch}; the segments still describe these customers.`;
    case "watch":
      return `Watch: ${named} shifted moderately (${watch} ≤ PSI ≤ ${refit}); the segments still hold, but check again next period.`;
    case "refit":
      return `Refit: ${named} shifted strongly (PSI > ${refit}); the segments were fitted on a different population, refit them on current data.`;
    default: {
      const never: never = verdict;
      throw new ArgumentError(`explainVerdict: unknown band ${String(never)}`);
    }
  }
}

function checkSnapshot(s: DriftSnapshot, name: string): void {
  const n = s.ids.length;
  if (n === 0) throw new ArgumentError(`computeDrift: ${name} has no customers`);
  if (s.labels.length !== n)
    throw new ArgumentError(`computeDrift: ${name} has ${n} ids and ${s.labels.length} labels`);
  for (const [column, values] of [...Object.entries(s.numeric), ...Object.entries(s.categorical ?? {})]) {
    if (values.length !== n)
      throw new ArgumentError(`computeDrift: ${name} column "${column}" has ${values.length} values for ${n} ids`);
  }
}
