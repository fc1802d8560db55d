import { makeDirty } from "../data/dirty";
import { MALL_CLEANING } from "../data/load-mall";
import { cleanCustomers, detectIssues } from "../preprocess/clean";
import { minMaxScale } from "../preprocess/min-max-scale";
import { close, sameSet } from "./compare";
import type { CourseData } from "./course-data";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 02's exercises (Preprocessing). */
export interface Chapter02Answers {
  /** The CustomerIDs of the real customers flagged as outliers with `iqrFactor: 1.5`. */
  "02.1": number[];
  /** The largest min-max scaled income among the ordinary customers, with the outlier kept. */
  "02.3": number;
}

/** The dirty copy of notebook 02 (seed 42). */
const dirtyRows = (data: CourseData) => makeDirty(data.mall(), { seed: 42 }).rows;

function outlierIds(rows: readonly object[], iqrFactor: number): { ids: number[]; rows: number[] } {
  const outliers = detectIssues(rows, { columns: MALL_CLEANING, iqrFactor }).filter((i) => i.kind === "outlier");
  return { ids: outliers.map((i) => Number(i.id)), rows: outliers.map((i) => i.row) };
}

export const chapter02: { [I in keyof Chapter02Answers]: ExerciseDefinition<Chapter02Answers[I]> } = {
  "02.1": {
    prompt: "With iqrFactor: 1.5, which real customers (CustomerIDs) does detectIssues flag as outliers?",
    answerForm: "a list of CustomerIDs, e.g. [3, 14]",
    shape: "number[]",
    judge: async (answer, data) => {
      const expected = outlierIds(data.mall(), 1.5);
      if (sameSet(answer, expected.ids)) return null;
      if (sameSet(answer, expected.rows))
        return "those are row positions (0-based); give each flagged customer's customerId.";
      const injected = outlierIds(dirtyRows(data), 1.5).ids.filter((id) => !expected.ids.includes(id));
      if (answer.some((id) => injected.includes(id)))
        return "one ID is the outlier makeDirty injected (the 610 k$ income): run detectIssues on the clean customers.";
      if (answer.length === 0)
        return "nothing flagged: did you set iqrFactor: 1.5? The default fence (Q3 + 3 · IQR) flags no real customer.";
      if (answer.every((id) => expected.ids.includes(id)))
        return 'some flagged customers are missing: list every issue of kind "outlier".';
      return 'not the flagged customers: keep the issues of kind "outlier" and list their id.';
    },
  },
  "02.3": {
    prompt:
      'Clean the dirty copy with outliers: "keep", min-max scale its income column: what is the largest scaled ' +
      "income among the ordinary customers (all but the outlier)?",
    answerForm: "a number between 0 and 1",
    shape: "number",
    judge: async (answer, data) => {
      const kept = cleanCustomers(dirtyRows(data), { columns: MALL_CLEANING, outliers: "keep" }).rows;
      const scaled = minMaxScale(kept.map((r) => [r.income])).X.map(([v]) => v as number);
      const ordinary = Math.max(...scaled.filter((v) => v < 1));
      if (close(answer, ordinary, 0.01)) return null;
      if (close(answer, 1))
        return 'that is the outlier itself (or the outlier was dropped): keep it (outliers: "keep") and look at the others.';
      if (answer < 0 || answer > 1) return "min-max scaled values lie between 0 and 1.";
      return "not quite: scale the kept rows' incomes (outlier included), then take the largest value below 1.";
    },
  },
};
