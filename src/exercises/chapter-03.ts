import { dbscan } from "../cluster/dbscan";
import { gaussianMixture } from "../cluster/gmm";
import { adjustedRandScore } from "../evaluate/adjusted-rand";
import { close } from "./compare";
import { fiveSegments, incomeSpending } from "./mall-matrices";
import type { ExerciseDefinition } from "./types";

/** The answers of chapter 03's exercises (Clustering). */
export interface Chapter03Answers {
  /** The ARI between the spherical Gaussian mixture (k = 5, seed 0) and k-means (k = 5, seed 0) on Z2. */
  "03.3": number;
  /** DBSCAN with eps 0.5 and minSamples 10 on Z2: its number of clusters and of noise points. */
  "03.4": { clusters: number; noise: number };
}

const clustersAndNoise = (labels: readonly number[]) => ({
  clusters: new Set(labels.filter((l) => l >= 0)).size,
  noise: labels.filter((l) => l < 0).length,
});

export const chapter03: { [I in keyof Chapter03Answers]: ExerciseDefinition<Chapter03Answers[I]> } = {
  "03.3": {
    prompt:
      'Fit gaussianMixture(Z2, { k: 5, seed: 0, covarianceType: "spherical" }): what is its adjusted Rand ' +
      "index against k-means (k = 5, seed 0)?",
    answerForm: "a number (the ARI)",
    shape: "number",
    judge: async (answer, data) => {
      const { raw, Z2 } = incomeSpending(data);
      const km = fiveSegments(data);
      const ari = (X: number[][], covarianceType: "spherical" | "full") =>
        adjustedRandScore(gaussianMixture(X, { k: 5, seed: 0, covarianceType }).labels, km);
      if (close(answer, ari(Z2, "spherical"), 0, 0.005)) return null;
      if (close(answer, ari(Z2, "full"), 0, 0.005))
        return 'that is the full-covariance mixture of the notebook: set covarianceType: "spherical".';
      if (close(answer, ari(raw, "spherical"), 0, 0.005))
        return "did you standardise first? Fit the mixture on Z2, as k-means was.";
      if (answer < -0.5 || answer > 1) return "an adjusted Rand index lies between about −0.5 and 1.";
      return "not quite: compare the mixture's labels with k-means' labels using adjustedRandScore.";
    },
  },
  "03.4": {
    prompt:
      "Run DBSCAN on Z2 with eps 0.5 and minSamples 10: how many clusters does it find, and how many noise points?",
    answerForm: "{ clusters: number, noise: number }",
    shape: { clusters: "number", noise: "number" },
    judge: async (answer, data) => {
      const { raw, Z2 } = incomeSpending(data);
      const expected = clustersAndNoise(dbscan(Z2, { eps: 0.5, minSamples: 10 }).labels);
      if (answer.clusters === expected.clusters && answer.noise === expected.noise) return null;
      if (answer.clusters === expected.clusters + 1 && answer.noise === expected.noise)
        return "noise (label −1) is not a cluster: count the labels >= 0 only.";
      const same = (other: { clusters: number; noise: number }) =>
        answer.clusters === other.clusters && answer.noise === other.noise;
      if (same(clustersAndNoise(dbscan(Z2, { eps: 0.4, minSamples: 10 }).labels)))
        return "that is eps 0.4, the notebook's value for minSamples 5: use eps 0.5.";
      if (same(clustersAndNoise(dbscan(Z2, { eps: 0.5, minSamples: 5 }).labels)))
        return "that is minSamples 5: set minSamples: 10.";
      if (same(clustersAndNoise(dbscan(raw, { eps: 0.5, minSamples: 10 }).labels)))
        return "did you standardise first? Run DBSCAN on Z2.";
      return answer.noise === expected.noise
        ? "right noise count, wrong number of clusters: count the distinct labels >= 0."
        : "not quite: count the labels equal to −1 (noise) and the distinct labels >= 0 (clusters).";
    },
  },
};
