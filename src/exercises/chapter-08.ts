import { betaGeoExpectedPurchases } from "../value/beta-geo-predict";
import { customerLifetimeValue } from "../value/customer-lifetime-value";
import { fitBetaGeo } from "../value/fit-beta-geo";
import { fitGammaGamma } from "../value/gamma-gamma";
import { valueColumns } from "../value/value-summary";
import { close, sum } from "./compare";
import type { CourseData } from "./course-data";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 08's exercises (Customer value). */
export interface Chapter08Answers {
  /** Calibration ending 2011-06-30: predicted and actual holdout purchase days (penalizer 0.001). */
  "08.1": { predicted: number; actual: number };
  /** r and α of `fitBetaGeo(all, { penalizer: 0.01 })` on the whole year. */
  "08.2": { r: number; alpha: number };
  /** The total 12-month CLV with a monthly discount rate of 0 (penalizer 0.001, 30 days a month). */
  "08.3": number;
}

/** The notebook's penalty (section 2). */
const PENALIZER = 0.001;

async function holdout(data: CourseData, calibrationEnd: string): Promise<{ predicted: number; actual: number }> {
  const split = await data.value(calibrationEnd);
  const cal = valueColumns(split.customers);
  const fit = fitBetaGeo(cal, { penalizer: PENALIZER });
  const predicted = betaGeoExpectedPurchases(fit, split.holdoutDays, cal.frequency, cal.recency, cal.T);
  return { predicted: sum(predicted), actual: sum(cal.holdoutFrequency) };
}

async function totalClv(data: CourseData, discountRate: number): Promise<number> {
  const all = valueColumns((await data.value()).customers);
  const clv = customerLifetimeValue({
    betaGeo: fitBetaGeo(all, { penalizer: PENALIZER }),
    gammaGamma: fitGammaGamma(all),
    ...all,
    months: 12,
    discountRate,
    unitsPerMonth: 30,
  });
  return sum(clv);
}

export const chapter08: { [I in keyof Chapter08Answers]: ExerciseDefinition<Chapter08Answers[I]> } = {
  "08.1": {
    prompt:
      'Move calibrationEnd to "2011-06-30": how many holdout purchase days does the model predict, and how many ' +
      "happened?",
    answerForm: "{ predicted: number, actual: number }",
    shape: { predicted: "number", actual: "number" },
    judge: async ({ predicted, actual }, data) => {
      const expected = await holdout(data, "2011-06-30");
      if (close(predicted, expected.predicted, 0.005) && actual === expected.actual) return null;
      const notebook = await holdout(data, "2011-09-08");
      if (close(predicted, notebook.predicted, 0.005) || actual === notebook.actual)
        return 'that is the notebook\'s calibration end: pass { calibrationEnd: "2011-06-30" } to valueSummary.';
      if (actual !== expected.actual)
        return "the actual count is the sum of holdoutFrequency over the customers of that split.";
      return "right actual count; the prediction is the sum of betaGeoExpectedPurchases over the holdout days.";
    },
  },
  "08.2": {
    prompt: "Fit fitBetaGeo(all, { penalizer: 0.01 }) on the whole year: what are r and α?",
    answerForm: "{ r: number, alpha: number }",
    shape: { r: "number", alpha: "number" },
    judge: async ({ r, alpha }, data) => {
      const all = valueColumns((await data.value()).customers);
      const matches = (penalizer: number) => {
        const fit = fitBetaGeo(all, { penalizer });
        return close(r, fit.r, 0.005) && close(alpha, fit.alpha, 0.005);
      };
      if (matches(0.01)) return null;
      if (matches(PENALIZER)) return "that is the notebook's penalizer 0.001: pass { penalizer: 0.01 }.";
      if (matches(0)) return "that is the fit without a penalty: pass { penalizer: 0.01 }.";
      if (alpha > 0 && alpha < 1) return "α is a scale in days (the rate's gamma scale), of the order of 100 here.";
      return "not quite: fit on valueColumns of the whole year (valueSummary without calibrationEnd).";
    },
  },
  "08.3": {
    prompt: "With a monthly discount rate of 0 instead of 0.01, what is the total 12-month CLV (£)?",
    answerForm: "a number (£)",
    shape: "number",
    judge: async (answer, data) => {
      if (close(answer, await totalClv(data, 0), 0.002)) return null;
      if (close(answer, await totalClv(data, 0.01), 0.002))
        return "that is the notebook's discount rate 0.01: set discountRate: 0.";
      if (close(answer, await totalClv(data, 0.02), 0.002))
        return "that is a discount rate of 0.02: set discountRate: 0.";
      return "not quite: sum customerLifetimeValue over all customers, 12 months, discountRate: 0.";
    },
  },
};
