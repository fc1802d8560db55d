/**
 * The speed and memory goals `npm run bench` checks, by bench name. A ratio goal compares ours with the reference
 * implementation of the same bench (scikit-learn, lifetimes …); an absolute goal bounds our time or peak memory.
 */
export interface Goal {
  /** Bench names it applies to. */
  pattern: RegExp;
  /** ours ÷ reference time at most. */
  timeRatio?: number;
  /** ours ÷ reference peak memory at most. */
  memoryRatio?: number;
  /** our time at most, in ms. */
  maxMs?: number;
  /** our peak memory at most, in MB. */
  maxMb?: number;
}

export const GOALS: Goal[] = [
  { pattern: /^kmeans per iteration 1e6/, timeRatio: 0.7, memoryRatio: 1.0 },
  // typed matrix in, as numpy in: time and memory; number[][] rows hold ~3× the values' bytes, so time only
  { pattern: /^kmeans end to end from k-means\+\+ typed/, timeRatio: 0.8, memoryRatio: 1.0 },
  { pattern: /^kmeans end to end from k-means\+\+/, timeRatio: 0.8 },
  { pattern: /^kmeans\+\+ init/, timeRatio: 0.8, memoryRatio: 1.0 },
  // one goal for the four covariance types: they share the EM loop, and a user picks the type by BIC, not speed
  { pattern: /^gmm (full|tied|diag|spherical) /, timeRatio: 0.8 },
  { pattern: /^silhouette/, timeRatio: 0.75 },
  { pattern: /^BG\/NBD fit 1e6/, maxMs: 5000 },
  { pattern: /^rules imm 1000000x4 k=8/, maxMs: 5000 },
  { pattern: /^segment drift 1e6x4/, maxMs: 10_000, maxMb: 1024 },
];

/** Implementations that serve as the reference of a bench, in order of preference. */
export const REFERENCES = ["sklearn", "lifetimes", "numpy", "pandas"];
