/**
 * Greedy k-means++ against scikit-learn's `_kmeans_plusplus` fed the same random numbers: a random_state that
 * replays our draws (the first centre's index, then `2 + ⌊ln k⌋` uniforms per centre), so both must pick the same
 * rows. scikit-learn computes the distances by the norm expansion, ours directly; the choices still agree unless a
 * target falls within rounding of a boundary, which these data do not provoke.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { kmeansPlusPlus } from "../src/cluster/kmeans-init";
import { seededRandom, type RandomSource } from "../src/core/random";
import { mallFeatures } from "./helpers/mall";

const PYTHON = path.resolve(__dirname, "..", ".venv", "bin", "python");
const SCRIPT = `
import json, sys
import numpy as np
from sklearn.cluster._kmeans import _kmeans_plusplus
class Replay:
    """A numpy RandomState stand-in that returns the given draws."""
    def __init__(self, first, uniforms):
        self.first, self.uniforms = first, list(uniforms)
    def choice(self, n, p=None):
        return self.first
    def uniform(self, size):
        out, self.uniforms = self.uniforms[:size], self.uniforms[size:]
        return np.array(out)
cases = json.load(sys.stdin)
out = []
for case in cases:
    X = np.array(case["X"], dtype=float)
    _, indices = _kmeans_plusplus(X, case["k"], (X * X).sum(axis=1), np.ones(len(X)), Replay(case["first"], case["uniforms"]))
    out.append(indices.tolist())
print(json.dumps(out))
`;

/** A RandomSource that records what it returns. */
function recording(random: RandomSource): { random: RandomSource; draws: number[] } {
  const draws: number[] = [];
  return { random: () => draws[draws.push(random()) - 1]!, draws };
}

interface Case {
  name: string;
  X: number[][];
  k: number;
  seed: number;
}

const gen = seededRandom(11);
const uniform = Array.from({ length: 3000 }, () => [gen(), gen(), gen()]);
const mall = mallFeatures();
const cases: Case[] = [
  { name: "uniform 3000 × 3, k = 8", X: uniform, k: 8, seed: 0 },
  { name: "uniform 3000 × 3, k = 20", X: uniform, k: 20, seed: 5 },
  { name: "Mall age × income × spending, k = 5", X: mall.age_income_spending, k: 5, seed: 3 },
  { name: "Mall income × spending, k = 10", X: mall.income_spending, k: 10, seed: 7 },
];

describe("k-means++ picks scikit-learn's centres given the same random numbers", () => {
  const ours = cases.map(({ X, k, seed }) => {
    const d = X[0]!.length;
    const flat = { data: Float64Array.from(X.flat()), nSamples: X.length, nFeatures: d };
    const { random, draws } = recording(seededRandom(seed));
    const centres = kmeansPlusPlus(flat, k, random);
    // the first draw chose the first centre as ⌊u · n⌋; the rest are the candidates' uniforms
    return { centres, first: Math.floor(draws[0]! * X.length), uniforms: draws.slice(1) };
  });
  const input = JSON.stringify(
    cases.map((c, i) => ({ X: c.X, k: c.k, first: ours[i]!.first, uniforms: ours[i]!.uniforms })),
  );
  const sklearn = JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT], { input, encoding: "utf8" })) as number[][];

  cases.forEach(({ name, X, k }, i) => {
    it(name, () => {
      const expected = sklearn[i]!.flatMap((row) => X[row]!);
      assert.equal(sklearn[i]!.length, k);
      assert.deepEqual(Array.from(ours[i]!.centres), expected);
      assert.equal(ours[i]!.uniforms.length, (k - 1) * (2 + Math.floor(Math.log(k))));
    });
  });
});
