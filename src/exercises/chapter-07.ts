import { stabilityBand, type StabilityBand } from "../track/bands";
import { populationStabilityIndex } from "../track/psi";
import { close } from "./compare";
import type { CourseData } from "./course-data";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 07's exercises (Tracking). */
export interface Chapter07Answers {
  /** Recency's PSI from the snapshot as of 1 April 2011 to December, and its verdict. */
  "07.1": { psi: number; verdict: StabilityBand };
  /** Recency's PSI from June (as of 1 July 2011) to December with 5 and with 20 bins. */
  "07.3": { bins5: number; bins20: number };
}

/** Recency's PSI from the snapshot as of `asOf` (the reference) to December. */
async function recencyPsi(data: CourseData, asOf: string, bins = 10, reversed = false): Promise<number> {
  const recency = (cs: { recency_days: number }[]) => cs.map((c) => c.recency_days);
  const reference = recency((await data.rfm({ asOf })).customers);
  const current = recency((await data.rfm()).customers);
  const [a, b] = reversed ? [current, reference] : [reference, current];
  return populationStabilityIndex(a, b, { bins }).psi;
}

export const chapter07: { [I in keyof Chapter07Answers]: ExerciseDefinition<Chapter07Answers[I]> } = {
  "07.1": {
    prompt:
      'Take the reference snapshot as of "2011-04-01" instead of "2011-07-01": what is recency\'s PSI against ' +
      "December, and its verdict?",
    answerForm: '{ psi: number, verdict: "stable" | "watch" | "refit" }',
    shape: { psi: "number", verdict: "string" },
    judge: async ({ psi, verdict }, data) => {
      const expected = await recencyPsi(data, "2011-04-01");
      if (close(psi, expected, 0.01)) {
        return verdict === stabilityBand(expected)
          ? null
          : "right PSI, but the verdict does not match it: below 0.1 stable, 0.1 to 0.25 watch, above refit.";
      }
      if (close(psi, await recencyPsi(data, "2011-07-01"), 0.01))
        return 'that is the June snapshot of the notebook: use asOf: "2011-04-01".';
      if (close(psi, await recencyPsi(data, "2011-04-01", 10, true), 0.01))
        return "the reference (first argument) is the earlier snapshot, December the current one.";
      return "not quite: populationStabilityIndex(april recency, december recency).psi.";
    },
  },
  "07.3": {
    prompt: "Recompute recency's PSI (June → December) with 5 and with 20 bins.",
    answerForm: "{ bins5: number, bins20: number }",
    shape: { bins5: "number", bins20: "number" },
    judge: async ({ bins5, bins20 }, data) => {
      const [five, ten, twenty] = await Promise.all([5, 10, 20].map((bins) => recencyPsi(data, "2011-07-01", bins)));
      if (five === undefined || ten === undefined || twenty === undefined) throw new Error("07.3: no PSI");
      if (close(bins5, five, 0.01) && close(bins20, twenty, 0.01)) return null;
      if (close(bins5, twenty, 0.01) && close(bins20, five, 0.01)) return "the two values are swapped.";
      if (close(bins5, ten, 0.01) || close(bins20, ten, 0.01))
        return "that is the default 10 bins: pass { bins: 5 } and { bins: 20 }.";
      return close(bins5, five, 0.01)
        ? "right for 5 bins, not for 20: pass { bins: 20 }."
        : "not quite: populationStabilityIndex(june recency, december recency, { bins }).psi.";
    },
  },
};
