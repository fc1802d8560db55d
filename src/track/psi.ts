import { ArgumentError } from "../core/errors";
import { quantileSorted } from "../core/quantile";
import { stabilityBand, type StabilityBand } from "./bands";

export interface PsiOptions {
  /** Number of quantile bins of the reference (fewer when edges coincide). @default 10 */
  bins?: number;
  /** Floor of a share, so that an empty bin has a finite logarithm. @default 1e-4 */
  epsilon?: number;
}

/** One bin: its edges and each side's share of values in it. */
export interface PsiBin {
  /** Lower edge (−Infinity for the first bin); a value equal to it belongs to this bin. */
  lower: number;
  /** Upper edge (+Infinity for the last bin); a value equal to it belongs to the next bin. */
  upper: number;
  referenceCount: number;
  currentCount: number;
  /** referenceCount / nReference, raised to epsilon when below it. */
  referenceShare: number;
  /** currentCount / nCurrent, raised to epsilon when below it. */
  currentShare: number;
  /** (currentShare − referenceShare) · ln(currentShare / referenceShare), >= 0. */
  contribution: number;
}

export interface PsiResult {
  psi: number;
  band: StabilityBand;
  bins: PsiBin[];
}

const defaults: Required<PsiOptions> = { bins: 10, epsilon: 1e-4 };

/**
 * Population stability index of a numeric feature between a reference sample (e.g. the customers a model was
 * fitted on) and a current one. Exactly, so that anyone can recompute it:
 *
 * 1. edges = the reference's quantiles at 1/bins, 2/bins, …, (bins−1)/bins, numpy's default `linear` method
 *    (`np.quantile(reference, np.arange(1, bins) / bins)`), duplicates merged (`np.unique`);
 * 2. bins = (−∞, e₁), [e₁, e₂), …, [e_m, +∞): a value equal to an edge goes to the upper bin
 *    (`np.searchsorted(edges, x, side="right")`), so a constant reference gives two bins;
 * 3. share = count / n on each side; a share below `epsilon` is raised to `epsilon` (not renormalised);
 * 4. psi = Σ (current − reference) · ln(current / reference) over the bins (each term >= 0).
 *
 * Read it with {@link stabilityBand}: < 0.1 stable, 0.1–0.25 watch, > 0.25 refit.
 *
 * @param reference - nReference finite numbers (>= 1).
 * @param current - nCurrent finite numbers (>= 1).
 * @param options - `bins` (default 10), `epsilon` (default 1e-4).
 * @returns psi, its band, and the bins with edges, counts, shares and contributions (psi = Σ contribution).
 * @throws {ArgumentError} when a sample is empty or holds a non-finite value, bins is not an integer >= 2,
 *   or epsilon is not in (0, 1).
 * @example
 * populationStabilityIndex([1, 2, 3, 4], [1, 2, 3, 4], { bins: 2 }).psi; // => 0
 * populationStabilityIndex([1, 2, 3, 4], [3, 4, 4, 4], { bins: 2 }).psi; // => 0.4999·ln 5000 + 0.5·ln 2 = 4.6043…
 */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: PsiOptions = {},
): PsiResult {
  const opts = { ...defaults, ...options };
  const fn = "populationStabilityIndex";
  if (!Number.isInteger(opts.bins) || opts.bins < 2)
    throw new ArgumentError(`${fn}: bins=${opts.bins} must be an integer >= 2`);
  if (!(opts.epsilon > 0 && opts.epsilon < 1))
    throw new ArgumentError(`${fn}: epsilon=${opts.epsilon} must be in (0, 1)`);
  checkSample(reference, "reference", fn);
  checkSample(current, "current", fn);
  return psiOfValidated(reference, current, opts);
}

/** The PSI computation on validated input (non-empty finite samples, valid options). */
function psiOfValidated(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  opts: Required<PsiOptions>,
): PsiResult {
  const sorted = Float64Array.from(reference).sort();
  const edges = quantileEdges(sorted, opts.bins);
  const referenceCounts = binCounts(sorted, edges);
  const currentCounts = binCounts(current, edges);
  const bins: PsiBin[] = [];
  let psi = 0;
  for (let b = 0; b <= edges.length; b++) {
    const referenceShare = Math.max(referenceCounts[b]! / reference.length, opts.epsilon);
    const currentShare = Math.max(currentCounts[b]! / current.length, opts.epsilon);
    const contribution = (currentShare - referenceShare) * Math.log(currentShare / referenceShare);
    psi += contribution;
    bins.push({
      lower: b === 0 ? -Infinity : edges[b - 1]!,
      upper: b === edges.length ? Infinity : edges[b]!,
      referenceCount: referenceCounts[b]!,
      currentCount: currentCounts[b]!,
      referenceShare,
      currentShare,
      contribution,
    });
  }
  return { psi, band: stabilityBand(psi), bins };
}

/** The inner edges: quantiles at 1/bins … (bins−1)/bins of the sorted reference, ascending, duplicates merged. */
export function quantileEdges(sorted: ArrayLike<number>, bins: number): number[] {
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = quantileSorted(sorted, i / bins);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** Count of values per bin: bin b holds edges[b−1] <= x < edges[b] (searchsorted side="right"). */
function binCounts(values: ArrayLike<number>, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]! += 1;
  }
  return counts;
}

function checkSample(values: ArrayLike<number>, name: string, fn: string): void {
  if (values.length === 0) throw new ArgumentError(`${fn}: ${name} is empty`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new ArgumentError(`${fn}: ${name}[${i}]=${values[i]} is not a finite number`);
  }
}
