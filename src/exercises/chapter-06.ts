import { CLEANING_RULES } from "../rfm/features";
import { rfmScores } from "../rfm/scoring";
import { close } from "./compare";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 06's exercises (RFM). */
export interface Chapter06Answers {
  /** The cleaning rule that removes the most rows (as `features.funnel` spells it) and its share of all rows. */
  "06.1": { rule: string; share: number };
  /** How many customers get F = 1, F = 2 and F = 3 with `ties: "first"`. */
  "06.2": { f1: number; f2: number; f3: number };
}

export const chapter06: { [I in keyof Chapter06Answers]: ExerciseDefinition<Chapter06Answers[I]> } = {
  "06.1": {
    prompt: "Which cleaning rule removes the most rows, and what share of all the raw rows is it (a fraction of 1)?",
    answerForm: '{ rule: "…", share: number }',
    shape: { rule: "string", share: "number" },
    judge: async ({ rule, share }, data) => {
      const { funnel } = await data.rfm();
      const total = funnel.find((s) => s.step === "total")?.remaining ?? Number.NaN;
      const steps = funnel.filter((s) => s.step !== "total");
      const top = steps.reduce((best, s) => (s.removed > best.removed ? s : best));
      const ruleRight = rule === top.step;
      const shareRight = close(share, top.removed / total, 0.01);
      if (ruleRight && shareRight) return null;
      if (!(CLEANING_RULES as readonly string[]).includes(rule))
        return `name the rule as features.funnel spells it: one of ${CLEANING_RULES.join(", ")}.`;
      if (!ruleRight) return "that rule removes fewer rows: compare the removed column of every step.";
      if (close(share / 100, top.removed / total, 0.01)) return "give the share as a fraction of 1 (0.5 for half).";
      const last = funnel[funnel.length - 1]?.remaining ?? Number.NaN;
      if (close(share, (total - last) / total, 0.01))
        return "that is all the rules together; the exercise asks for this one rule.";
      if (close(share, top.removed / last, 0.01))
        return "divide by all the raw rows (the total step), not by the rows left.";
      return "right rule, wrong share: the rows it removed divided by the raw rows.";
    },
  },
  "06.2": {
    prompt: 'With rfmScores(customers, { ties: "first" }), how many customers get F = 1, F = 2 and F = 3?',
    answerForm: "{ f1: number, f2: number, f3: number }",
    shape: { f1: "number", f2: "number", f3: "number" },
    judge: async (answer, data) => {
      const { customers } = await data.rfm();
      const counts = (ties: "first" | "min") => {
        const scores = rfmScores(customers, { ties });
        return [1, 2, 3].map((f) => scores.filter((s) => s.F === f).length);
      };
      const given = [answer.f1, answer.f2, answer.f3];
      const same = (expected: number[]) => expected.every((n, i) => n === given[i]);
      if (same(counts("first"))) return null;
      if (same(counts("min"))) return 'those are the default scores (ties: "min"): pass { ties: "first" }.';
      const byR = rfmScores(customers, { ties: "first" });
      if (same([1, 2, 3].map((r) => byR.filter((s) => s.R === r).length)))
        return "those are the R scores: count the F scores.";
      return 'not quite: count the scores whose F is 1, 2 and 3 under ties: "first".';
    },
  },
};
