import { close, mean, median } from "./compare";
import type { CourseData } from "./course-data";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 01's exercises (Exploring the Mall Customers data). */
export interface Chapter01Answers {
  /** The median annual income of the women, in k$. */
  "01.1": number;
  /** The ten-year age band (floor(age / 10) · 10) with the most customers, and its number of customers. */
  "01.2": { band: number; customers: number };
}

function incomes(data: CourseData, gender?: "Female" | "Male"): number[] {
  return data
    .mall()
    .filter((c) => gender === undefined || c.gender === gender)
    .map((c) => c.income);
}

/** Customers per band floor(age / 10) · 10. */
function bandCounts(ages: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const age of ages) {
    const band = Math.floor(age / 10) * 10;
    counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  return counts;
}

export const chapter01: { [I in keyof Chapter01Answers]: ExerciseDefinition<Chapter01Answers[I]> } = {
  "01.1": {
    prompt: "What is the median annual income of the women, in k$?",
    answerForm: "a number (k$)",
    shape: "number",
    judge: async (answer, data) => {
      const women = incomes(data, "Female");
      if (close(answer, median(women), 0.001)) return null;
      if (close(answer, mean(women), 0.001)) return "that is the mean; the exercise asks for the median.";
      if (close(answer, median(incomes(data)), 0.001))
        return 'that is the median of all customers: keep the women only (gender "Female").';
      if (close(answer, median(incomes(data, "Male")), 0.001)) return "that is the men's median, not the women's.";
      if (answer > 1000) return "incomes are in k$ (thousands of dollars), as in the file: do not multiply by 1000.";
      return 'not the women\'s median: filter gender === "Female", sort the incomes and take the middle value.';
    },
  },
  "01.2": {
    prompt: "Which ten-year age band (floor(age / 10) · 10) has the most customers, and how many are in it?",
    answerForm: "{ band: number, customers: number }",
    shape: { band: "number", customers: "number" },
    judge: async ({ band, customers }, data) => {
      const ages = data.mall().map((c) => c.age);
      const counts = bandCounts(ages);
      const [largest, most] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
      if (band === largest && customers === most) return null;
      if (band !== largest) {
        if (band % 10 !== 0 || counts.get(band - 10) === most)
          return "off by one band: bands are floor(age / 10) · 10, so a 47-year-old is in band 40 and a 50-year-old in 50.";
        return counts.has(band)
          ? "that band is not the largest: count every band and compare."
          : "no customer is in that band: bands are floor(age / 10) · 10 of the ages in the file.";
      }
      const inclusive = ages.filter((a) => a >= band && a <= band + 10).length;
      if (customers === inclusive)
        return "right band, but you counted its upper end too: a customer aged band + 10 belongs to the next band.";
      return "right band, wrong count: count the customers whose floor(age / 10) · 10 equals the band.";
    },
  },
};
