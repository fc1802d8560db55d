import { agglomerative } from "../cluster/agglomerative";
import type { Matrix } from "../core/matrix";
import { silhouetteSamples, silhouetteScore } from "../evaluate/silhouette";
import { close, sameSet } from "./compare";
import { fiveSegments, idsAt, incomeSpending } from "./mall-matrices";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 04's exercises (Evaluation). */
export interface Chapter04Answers {
  /** The CustomerIDs whose silhouette is below 0 in Ward's clustering (k = 5) of Z2. */
  "04.2": number[];
  /** The mean silhouette of average linkage (k = 5) on Z2. */
  "04.4": number;
}

/** The rows whose silhouette is negative. */
const negativeRows = (X: Matrix, labels: readonly number[]) =>
  silhouetteSamples(X, labels).flatMap((s, row) => (s < 0 ? [row] : []));

export const chapter04: { [I in keyof Chapter04Answers]: ExerciseDefinition<Chapter04Answers[I]> } = {
  "04.2": {
    prompt: "Compute the silhouettes of Ward's clustering at k = 5: which customers (CustomerIDs) score below 0?",
    answerForm: "a list of CustomerIDs, e.g. [3, 14]",
    shape: "number[]",
    judge: async (answer, data) => {
      const { Z2 } = incomeSpending(data);
      const rows = negativeRows(Z2, agglomerative(Z2, { k: 5, linkage: "ward" }).labels);
      if (sameSet(answer, idsAt(data, rows))) return null;
      if (sameSet(answer, rows)) return "those are row positions (0-based); give the customers' customerId.";
      if (sameSet(answer, idsAt(data, negativeRows(Z2, fiveSegments(data)))))
        return "those are k-means' customers: compute silhouetteSamples with Ward's labels.";
      return answer.every((id) => idsAt(data, rows).includes(id)) && answer.length > 0
        ? "some customers are missing: keep every silhouette below 0."
        : "not quite: silhouetteSamples(Z2, ward.labels), then the customers whose value is below 0.";
    },
  },
  "04.4": {
    prompt: 'What is the silhouette score of agglomerative(Z2, { k: 5, linkage: "average" })?',
    answerForm: "a number (the mean silhouette)",
    shape: "number",
    judge: async (answer, data) => {
      const { raw, Z2 } = incomeSpending(data);
      const score = (X: Matrix, linkage: "average" | "ward") =>
        silhouetteScore(X, agglomerative(X, { k: 5, linkage }).labels);
      if (close(answer, score(Z2, "average"), 0, 0.0005)) return null;
      if (close(answer, score(Z2, "ward"), 0, 0.0005)) return 'that is Ward\'s linkage: set linkage: "average".';
      if (close(answer, silhouetteScore(Z2, fiveSegments(data)), 0, 0.0005)) return "that is k-means' score.";
      if (close(answer, score(raw, "average"), 0, 0.0005))
        return "did you standardise first? Cluster and score Z2, not the raw income × spending.";
      if (answer < -1 || answer > 1) return "a silhouette lies between −1 and 1.";
      return "not quite: silhouetteScore(Z2, labels) with the labels of average linkage.";
    },
  },
};
