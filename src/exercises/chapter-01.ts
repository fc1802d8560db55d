import { close, mean, median } from "./compare";
import type { CourseData } from "./course-data";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 01's exercises (Exploring the Mall Customers data). */
export interface Chapter01Answers {
  /** The ten-year age band (floor(age / 10) · 10) with the highest mean spending score, and that mean. */
  "01.1": { band: number; meanSpending: number };
  /** The median annual income (k$) of the high spenders (score > 60) and of the low spenders (score < 40). */
  "01.2": { high: number; low: number };
}

/** The spending scores of each band floor(age / 10) · 10 (or of the band `width` wide). */
function spendingByBand(data: CourseData, width = 10): Map<number, number[]> {
  const bands = new Map<number, number[]>();
  for (const { age, spending } of data.mall()) {
    const band = Math.floor(age / width) * width;
    bands.set(band, [...(bands.get(band) ?? []), spending]);
  }
  return bands;
}

/** The band with the highest value of `statistic`, and that value. */
function topBand(bands: Map<number, number[]>, statistic: (v: number[]) => number): [number, number] {
  return [...bands]
    .map(([band, values]): [number, number] => [band, statistic(values)])
    .reduce((best, entry) => (entry[1] > best[1] ? entry : best));
}

const incomesWhere = (data: CourseData, keep: (spending: number) => boolean) =>
  data
    .mall()
    .filter((c) => keep(c.spending))
    .map((c) => c.income);

export const chapter01: { [I in keyof Chapter01Answers]: ExerciseDefinition<Chapter01Answers[I]> } = {
  "01.1": {
    prompt: "Which ten-year age band (floor(age / 10) · 10) has the highest mean spending score, and what is it?",
    answerForm: "{ band: number, meanSpending: number }",
    shape: { band: "number", meanSpending: "number" },
    judge: async ({ band, meanSpending }, data) => {
      const bands = spendingByBand(data);
      const [best, highest] = topBand(bands, mean);
      if (band === best && close(meanSpending, highest, 0.005)) return null;
      if (band !== best) {
        if (band === topBand(bands, median)[0] && close(meanSpending, topBand(bands, median)[1], 0.005))
          return "that is the median; the exercise asks for the mean spending score.";
        if (band % 10 !== 0 || band === best + 10 || band === best - 10)
          return "off by one band: bands are floor(age / 10) · 10, so a 47-year-old is in band 40 and a 50-year-old in 50.";
        return bands.has(band)
          ? "that band's mean is not the highest: compare the mean spending of every band."
          : "no customer is in that band: bands are floor(age / 10) · 10 of the ages in the file.";
      }
      const values = bands.get(band) ?? [];
      if (close(meanSpending, median(values), 0.005)) return "that is the median; the exercise asks for the mean.";
      return "right band, wrong mean: average the spending scores of its customers.";
    },
  },
  "01.2": {
    prompt: "What is the median income (k$) of the high spenders (score > 60), and of the low spenders (score < 40)?",
    answerForm: "{ high: number, low: number }",
    shape: { high: "number", low: "number" },
    judge: async ({ high, low }, data) => {
      const [highIncomes, lowIncomes] = [incomesWhere(data, (s) => s > 60), incomesWhere(data, (s) => s < 40)];
      if (close(high, median(highIncomes), 0.001) && close(low, median(lowIncomes), 0.001)) return null;
      if (close(high, median(lowIncomes), 0.001) && close(low, median(highIncomes), 0.001))
        return "the two groups are swapped: high spenders have a score above 60.";
      if (close(high, mean(highIncomes), 0.001) || close(low, mean(lowIncomes), 0.001))
        return "that is the mean; the exercise asks for the median.";
      const inclusive = [incomesWhere(data, (s) => s >= 60), incomesWhere(data, (s) => s <= 40)];
      if (close(high, median(inclusive[0] ?? []), 0.001) || close(low, median(inclusive[1] ?? []), 0.001))
        return "the bounds are strict: a score of exactly 60 is not high, exactly 40 not low.";
      if (high > 1000 || low > 1000) return "incomes are in k$ (thousands of dollars), as in the file.";
      return "not quite: filter by spending score, then take the median of those customers' incomes.";
    },
  },
};
