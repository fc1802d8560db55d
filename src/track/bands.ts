/**
 * The conventional reading of a population stability index (PSI): below 0.1 the population is stable,
 * from 0.1 to 0.25 it has shifted enough to watch, above 0.25 the model built on the old population should
 * be refitted. The cut-offs are the credit-scoring rule of thumb of N. Siddiqi, *Credit Risk Scorecards:
 * Developing and Implementing Intelligent Credit Scoring* (Wiley, 2006)
 * (< 0.1 no significant change, 0.1–0.25 some minor change, > 0.25 a significant shift), used unchanged by
 * model-monitoring tools; see also B. Yurdakul, *Statistical Properties of Population Stability Index*
 * (PhD thesis, Western Michigan University, 2018), who shows the cut-offs are conventions, not test levels.
 */
import { ArgumentError } from "../core/errors";

/** The three bands, mildest first. */
export const STABILITY_BANDS = ["stable", "watch", "refit"] as const;
export type StabilityBand = (typeof STABILITY_BANDS)[number];

/** The band limits: `stable` below `watch` (0.1), `refit` above `refit` (0.25), `watch` in between (both ends included). */
export const STABILITY_BAND_LIMITS = { watch: 0.1, refit: 0.25 } as const;

/**
 * The band of a PSI value.
 *
 * @param psi - a population stability index (>= 0).
 * @returns `"stable"` when psi < 0.1, `"watch"` when 0.1 <= psi <= 0.25, `"refit"` when psi > 0.25.
 * @throws {ArgumentError} when psi is negative or not a number.
 * @example
 * stabilityBand(0.04); // => "stable"
 * stabilityBand(0.1);  // => "watch"
 * stabilityBand(0.31); // => "refit"
 */
export function stabilityBand(psi: number): StabilityBand {
  if (!(psi >= 0)) throw new ArgumentError(`stabilityBand: psi=${psi} must be a number >= 0`);
  if (psi < STABILITY_BAND_LIMITS.watch) return "stable";
  return psi > STABILITY_BAND_LIMITS.refit ? "refit" : "watch";
}

/** The more severe of bands (`refit` > `watch` > `stable`); `stable` for none. */
export function worstBand(bands: Iterable<StabilityBand>): StabilityBand {
  let worst = 0;
  for (const band of bands) worst = Math.max(worst, STABILITY_BANDS.indexOf(band));
  return STABILITY_BANDS[worst]!;
}

/** True when `band` is at least as severe as `threshold` (`--fail-on watch` fails on watch and refit). */
export function bandReaches(band: StabilityBand, threshold: StabilityBand): boolean {
  return STABILITY_BANDS.indexOf(band) >= STABILITY_BANDS.indexOf(threshold);
}
