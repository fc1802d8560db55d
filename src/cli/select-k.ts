/**
 * `--k auto`: fit k-means for k = 2..kMax on a seeded sample and let four indices vote (elbow, silhouette,
 * Calinski–Harabasz, Davies–Bouldin); the majority k wins, a tie goes to the silhouette's choice.
 */
import type { Matrix } from "../core/matrix";
import { sampleIndices, seededRandom } from "../core/random";
import { checkKMeansOptions, kmeansFlat } from "../cluster/kmeans";
import { toFlat } from "../core/matrix";
import { calinskiHarabaszScore } from "../evaluate/calinski-harabasz";
import { daviesBouldinScore } from "../evaluate/davies-bouldin";
import { silhouetteScore } from "../evaluate/silhouette";

export interface KSelection {
  ks: number[];
  inertias: number[];
  silhouettes: number[];
  calinskiHarabasz: number[];
  daviesBouldin: number[];
  votes: { index: string; k: number }[];
  k: number;
  /** Rows the candidates were fitted on (a seeded sample of at most `sampleSize`). */
  sampleSize: number;
}

export interface SelectKOptions {
  /** @default 10 */
  kMax?: number;
  /** @default 0 */
  seed?: number;
  /** Candidates are fitted on at most this many rows. @default 20000 */
  sampleSize?: number;
  /** Silhouette on at most this many rows of that sample. @default 3000 */
  silhouetteSample?: number;
  onCandidate?: (done: number, total: number) => void;
}

/** Vote for k over k = 2..min(kMax, nSamples − 1). Assumes X is validated and has at least 3 rows. */
export function selectK(X: Matrix, options: SelectKOptions = {}): KSelection {
  const { kMax = 10, seed = 0, sampleSize = 20000, silhouetteSample = 3000, onCandidate } = options;
  const rows = X.length > sampleSize ? Array.from(sampleIndices(seededRandom(seed), X.length, sampleSize), (i) => X[i]!) : X;
  const flat = toFlat(rows);
  const ks: number[] = [];
  for (let k = 2; k <= Math.min(kMax, rows.length - 1); k++) ks.push(k);
  const inertias: number[] = [];
  const silhouettes: number[] = [];
  const ch: number[] = [];
  const db: number[] = [];
  ks.forEach((k, i) => {
    const fit = kmeansFlat(flat, checkKMeansOptions({ k, seed, nInit: 4 }, flat.nSamples, flat.nFeatures));
    inertias.push(fit.inertia);
    silhouettes.push(silhouetteScore(rows, fit.labels, { sampleSize: Math.min(silhouetteSample, rows.length), seed }));
    ch.push(calinskiHarabaszScore(rows, fit.labels));
    db.push(daviesBouldinScore(rows, fit.labels));
    onCandidate?.(i + 1, ks.length);
  });
  const argBest = (values: number[], better: (a: number, b: number) => boolean): number =>
    ks[values.reduce((best, v, i) => (better(v, values[best]!) ? i : best), 0)]!;
  const votes = [
    { index: "elbow", k: elbowK(ks, inertias) },
    { index: "silhouette", k: argBest(silhouettes, (a, b) => a > b) },
    { index: "calinski-harabasz", k: argBest(ch, (a, b) => a > b) },
    { index: "davies-bouldin", k: argBest(db, (a, b) => a < b) },
  ];
  const counts = new Map<number, number>();
  for (const v of votes) counts.set(v.k, (counts.get(v.k) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const leaders = [...counts].filter(([, c]) => c === top).map(([k]) => k);
  const k = leaders.length === 1 ? leaders[0]! : leaders.includes(votes[1]!.k) ? votes[1]!.k : Math.min(...leaders);
  return { ks, inertias, silhouettes, calinskiHarabasz: ch, daviesBouldin: db, votes, k, sampleSize: rows.length };
}

/** The knee of the inertia curve: the k farthest from the straight line between its first and last points (both axes scaled to [0, 1]). */
function elbowK(ks: number[], inertias: number[]): number {
  if (ks.length < 3) return ks[0]!;
  const x0 = ks[0]!, x1 = ks[ks.length - 1]!;
  const y0 = inertias[0]!, y1 = inertias[inertias.length - 1]!;
  let best = 0;
  let bestK = ks[0]!;
  ks.forEach((k, i) => {
    const x = (k - x0) / (x1 - x0);
    const y = y0 === y1 ? 0 : (inertias[i]! - y1) / (y0 - y1);
    const distance = 1 - x - y; // below the line from (0, 1) to (1, 0)
    if (distance > best) {
      best = distance;
      bestK = k;
    }
  });
  return bestK;
}
