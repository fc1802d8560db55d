/**
 * `--k auto`: the engine's seven-index vote (`chooseK`: elbow, silhouette, Calinski–Harabasz, Davies–Bouldin,
 * gap, BIC, stability) over k = 2..10 on the scaled features. Above {@link SELECT_K_SAMPLE} rows it runs on a
 * seeded sample of that many rows, with lighter settings (3 k-means starts, 5 gap reference sets, 10 bootstrap
 * pairs), so choosing k stays a matter of seconds for a million customers.
 */
import type { Matrix } from "../core/matrix";
import { sampleIndices, seededRandom } from "../core/random";
import { chooseK, K_INDICES } from "../evaluate/choose-k";
import type { KSelectionCurves } from "../report/build-report";

/** Rows k is chosen on at most. */
export const SELECT_K_SAMPLE = 2000;
/** Up to this many rows chooseK runs with its full defaults (10 starts, B = 10, 20 resamples). */
const FULL_SETTINGS_ROWS = 500;

/** The curves and votes (as the report charts them) and the chosen k. */
export interface KSelection extends KSelectionCurves {
  k: number;
}

export interface SelectKOptions {
  /** @default 0 */
  seed?: number;
  /** @default 10 */
  kMax?: number;
}

/** Vote for k over k = 2..min(kMax, rows − 1). Assumes X is validated and has at least 3 rows. */
export function selectK(X: Matrix, options: SelectKOptions = {}): KSelection {
  const { seed = 0, kMax = 10 } = options;
  const rows =
    X.length > SELECT_K_SAMPLE
      ? Array.from(sampleIndices(seededRandom(seed), X.length, SELECT_K_SAMPLE), (i) => X[i]!)
      : X;
  const kRange: number[] = [];
  for (let k = 2; k <= Math.min(kMax, rows.length - 1); k++) kRange.push(k);
  const light = rows.length > FULL_SETTINGS_ROWS ? { nInit: 3, B: 5, resamples: 10 } : {};
  const r = chooseK(rows, { kRange, seed, ...light });
  const votes = K_INDICES.flatMap((index) => (r.votes[index] === null ? [] : [{ index, k: r.votes[index]! }]));
  return {
    ks: r.kRange,
    inertias: r.inertia,
    silhouettes: r.silhouette,
    calinskiHarabasz: r.calinskiHarabasz,
    daviesBouldin: r.daviesBouldin,
    votes,
    k: r.k,
    sampleSize: rows.length,
  };
}
