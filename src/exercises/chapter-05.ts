import { kmeans } from "../cluster/kmeans";
import type { Matrix } from "../core/matrix";
import { mallMatrix } from "../data/load-mall";
import { standardScale } from "../preprocess/standard-scale";
import { type ProfileTable, type SegmentProfile, profileSegments } from "../profile/profile-segments";
import { close, median } from "./compare";
import type { CourseData } from "./course-data";
import { fiveSegments } from "./mall-matrices";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 05's exercises (Profiling). */
export interface Chapter05Answers {
  /** The largest of the six k-means segments of age × income × spending: its size and mean age. */
  "05.1": { customers: number; meanAge: number };
  /** The median income and spending score of the mainstream (largest) of the five segments. */
  "05.4": { income: number; spending: number };
}

const FEATURES = ["age", "income", "spending"];

function profile(data: CourseData, labels: readonly number[]): ProfileTable {
  return profileSegments(mallMatrix(data.mall(), ["age", "income", "spending"]), labels, FEATURES);
}

const largest = (table: ProfileTable) => table.segments.reduce((best, s) => (s.size > best.size ? s : best));

/** A feature's mean and median in a segment's profile. */
function stat(segment: SegmentProfile, feature: string): { mean: number; median: number } {
  const found = segment.features[feature];
  if (!found) throw new Error(`exercise: no feature "${feature}" in the profile`);
  return found;
}

const sixSegments = (X: Matrix) => kmeans(X, { k: 6, seed: 0 }).labels;

export const chapter05: { [I in keyof Chapter05Answers]: ExerciseDefinition<Chapter05Answers[I]> } = {
  "05.1": {
    prompt:
      "Profile the six k-means segments (k = 6, seed 0) of standardised age × income × spending: how many " +
      "customers has the largest segment, and what is their mean age?",
    answerForm: "{ customers: number, meanAge: number }",
    shape: { customers: "number", meanAge: "number" },
    judge: async ({ customers, meanAge }, data) => {
      const X3 = mallMatrix(data.mall(), ["age", "income", "spending"]);
      const segment = largest(profile(data, sixSegments(standardScale(X3).X)));
      const age = stat(segment, "age");
      if (customers === segment.size && close(meanAge, age.mean, 0.005)) return null;
      if (customers === largest(profile(data, fiveSegments(data))).size)
        return "that is the largest of the five segments: set k: 6 and cluster age × income × spending.";
      if (customers === largest(profile(data, sixSegments(X3))).size)
        return "did you standardise first? Cluster standardScale(X3).X, not the raw columns.";
      if (customers !== segment.size) return "that is not the size of the largest of the six segments.";
      if (close(meanAge, age.median, 0.005)) return "that is the median age; the exercise asks for the mean.";
      return "right size, wrong age: take the mean age of that segment's customers (in years).";
    },
  },
  "05.4": {
    prompt:
      "What are the median income (k$) and the median spending score of the mainstream segment, the largest of five?",
    answerForm: "{ income: number, spending: number }",
    shape: { income: "number", spending: "number" },
    judge: async ({ income, spending }, data) => {
      const segment = largest(profile(data, fiveSegments(data)));
      const [inc, spend] = [stat(segment, "income"), stat(segment, "spending")];
      if (close(income, inc.median, 0.005) && close(spending, spend.median, 0.005)) return null;
      if (close(income, inc.mean, 0.005) || close(spending, spend.mean, 0.005))
        return "that is the mean; the exercise asks for the median.";
      const all = data.mall();
      if (close(income, median(all.map((c) => c.income)), 0.005))
        return "that is the median of all customers: take the mainstream segment's members only.";
      return close(income, inc.median, 0.005)
        ? "right income, wrong spending score: the median of the segment's spending scores."
        : "not quite: the largest segment of the five, then the median of its customers' incomes.";
    },
  },
};
