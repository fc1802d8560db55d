import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ArgumentError } from "../core/errors";
import { assignRfmClusters, clusterRfm } from "../rfm/cluster-rfm";
import { rfmFeatures, type CustomerFeatures } from "../rfm/features";
import { writeSyntheticTransactions } from "../rfm/synthetic-transactions";
import type { StabilityBand } from "./bands";
import { computeDrift, type DriftSnapshot } from "./drift";

export interface DriftExperimentOptions {
  /** One synthetic log per seed. @default [1, 2, …, 20] */
  seeds?: readonly number[];
  /** Rows of each synthetic log. @default 40000 */
  nRows?: number;
  /** Customers of each log. @default 1000 */
  nCustomers?: number;
  /**
   * The change injected from the second window on (see writeSyntheticTransactions' rateChange), or null for a run
   * without change. @default { share: 1, factor: 0.5 } (every customer buys half as often)
   */
  rateChange?: { share: number; factor: number } | null;
  /** Length of each of the two windows in days (the log covers 2 × windowDays from 2011-01-01). @default 182 */
  windowDays?: number;
  /** k-means clusters fitted on the first window. @default 4 */
  k?: number;
  /** Quantile bins of the PSI. @default 10 */
  bins?: number;
}

/** One seed's result. */
export interface DriftExperimentRun {
  seed: number;
  /** PSI of recency_days, frequency and monetary between the windows (the same on their logs: a PSI is unchanged by an increasing transform). */
  features: Record<"recency_days" | "frequency" | "monetary", number>;
  /** PSI of the cluster shares. */
  segments: number;
  /** Customers seen in both windows, and the share of them that changed cluster. */
  matched: number;
  movedShare: number;
  /** Share of the matched customers that moved to a less valuable cluster (a higher number: clusterRfm numbers by mean monetary), and to a more valuable one. */
  downShare: number;
  upShare: number;
  verdict: StabilityBand;
}

const START = "2011-01-01";
const DAY_MS = 86_400_000;

/**
 * A controlled drift experiment on seeded synthetic transactions: for each seed, write a log covering two windows
 * of `windowDays` with a steady population (no churn, so both windows come from the same process), optionally with a known change from the second window on (a share of the customers buys less
 * often by `factor`), compute the RFM features in each window, fit k-means on the first (`clusterRfm`), score the
 * second with it (`assignRfmClusters`), and compare them (`computeDrift`). Without a change the verdicts measure
 * false alarms; with one, detection.
 *
 * @param options - seeds, sizes, the change, windows, k and bins; see {@link DriftExperimentOptions}.
 * @returns one run per seed, in seed order.
 * @throws {ArgumentError} for bad sizes or an empty seed list.
 * @example
 * const runs = await driftExperiment({ seeds: [1, 2, 3], rateChange: null });
 * runs.filter((r) => r.verdict !== "stable").length; // => false alarms among 3 runs
 */
export async function driftExperiment(options: DriftExperimentOptions = {}): Promise<DriftExperimentRun[]> {
  const {
    seeds = Array.from({ length: 20 }, (_, i) => i + 1),
    nRows = 40_000,
    nCustomers = 1000,
    rateChange = { share: 1, factor: 0.5 },
    windowDays = 182,
    k = 4,
    bins = 10,
  } = options;
  if (seeds.length === 0) throw new ArgumentError("driftExperiment: seeds is empty");
  if (!Number.isInteger(windowDays) || windowDays < 7)
    throw new ArgumentError(`driftExperiment: windowDays=${windowDays} must be an integer >= 7`);
  const day = (offset: number) =>
    new Date(Date.parse(`${START}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
  const middle = day(windowDays);
  const end = day(2 * windowDays);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-experiment-"));
  try {
    const runs: DriftExperimentRun[] = [];
    for (const seed of seeds) {
      const file = path.join(dir, `log-${seed}.csv`);
      await writeSyntheticTransactions(file, {
        nRows,
        nCustomers,
        seed,
        startDate: START,
        days: 2 * windowDays,
        rateChange: rateChange ? { fromDay: windowDays, ...rateChange } : null,
        churn: false,
      });
      const first = (await rfmFeatures(file, { asOf: middle })).customers;
      const second = (await rfmFeatures(file, { since: middle, asOf: end })).customers;
      fs.rmSync(file);
      const fit = clusterRfm(first, { k, seed });
      const drift = computeDrift(snapshot(first, fit.labels), snapshot(second, assignRfmClusters(fit, second)), {
        bins,
      });
      const psiOf = (name: string) => drift.features.find((f) => f.name === name)!.psi;
      const { matched, stayed, segments, counts } = drift.migration;
      let down = 0;
      let up = 0;
      counts.forEach((row, i) =>
        row.forEach((n, j) => {
          // clusterRfm numbers clusters by mean monetary, most valuable first: a higher number is a move down
          if (segments[j]! > segments[i]!) down += n;
          else if (segments[j]! < segments[i]!) up += n;
        }),
      );
      runs.push({
        seed,
        features: { recency_days: psiOf("recency_days"), frequency: psiOf("frequency"), monetary: psiOf("monetary") },
        segments: drift.segments.psi,
        matched,
        movedShare: matched > 0 ? (matched - stayed) / matched : 0,
        downShare: matched > 0 ? down / matched : 0,
        upShare: matched > 0 ? up / matched : 0,
        verdict: drift.verdict,
      });
    }
    return runs;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The drift snapshot of an RFM feature table and its cluster labels. */
export function rfmDriftSnapshot(customers: readonly CustomerFeatures[], labels: readonly number[]): DriftSnapshot {
  return snapshot(customers, labels);
}

function snapshot(customers: readonly CustomerFeatures[], labels: readonly number[]): DriftSnapshot {
  return {
    ids: customers.map((c) => c.customer_id),
    numeric: {
      recency_days: customers.map((c) => c.recency_days),
      frequency: customers.map((c) => c.frequency),
      monetary: customers.map((c) => c.monetary),
    },
    labels,
  };
}
