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
import { closestKernel, closestRows, potentialKernel, potentialRows } from "../src/cluster/kmeans-plusplus-kernel";
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

describe("k-means++'s passes", () => {
  for (let d = 1; d <= 9; d++) {
    it(`d = ${d}: the generated passes equal the generic loops bit for bit, and the definitions`, () => {
      const random = seededRandom(d);
      const n = 513;
      // integers make ties between the closest distance and a new one, and exact sums for the brute force
      const data = Float64Array.from({ length: n * d }, () => Math.floor(random() * 7));
      const centre = data.slice(5 * d, 6 * d);
      const start = Float64Array.from({ length: n }, () => Math.floor(random() * 40));
      const brute = Array.from({ length: n }, (_, i) => {
        let s = 0;
        for (let f = 0; f < d; f++) s += (data[i * d + f]! - centre[f]!) ** 2;
        return Math.min(s, start[i]!);
      });
      const total = brute.reduce((a, b) => a + b, 0);
      const targets = Float64Array.from([0.5, total / 3, total / 2, total, total + 1]);
      const results = [closestKernel(d), closestRows(d)].map((kernel) => {
        const closest = start.slice();
        const found = new Int32Array(targets.length);
        return { potential: kernel(data, closest, centre, targets, found), closest, found };
      });
      assert.deepEqual(results[0], results[1]);
      assert.deepEqual(Array.from(results[0]!.closest), brute);
      assert.equal(results[0]!.potential, total);
      // the first row whose cumulative sum reaches each target; -1 for the one beyond the total
      const cumulative: number[] = [];
      for (const v of brute) cumulative.push((cumulative.at(-1) ?? 0) + v);
      const expectedFound = Array.from(targets, (t) => cumulative.findIndex((sum) => sum >= t));
      assert.deepEqual(Array.from(results[0]!.found), expectedFound);

      const candidates = data.slice(0, 3 * d);
      const potentials = [potentialKernel(d), potentialRows(d)].map((kernel) => {
        const out = new Float64Array(3);
        kernel(data, results[0]!.closest, candidates, out);
        return out;
      });
      assert.deepEqual(potentials[0], potentials[1]);
      const expected = [0, 1, 2].map((t) =>
        brute.reduce((sum, own, i) => {
          let s = 0;
          for (let f = 0; f < d; f++) s += (data[i * d + f]! - candidates[t * d + f]!) ** 2;
          return sum + Math.min(s, own);
        }, 0),
      );
      assert.deepEqual(Array.from(potentials[0]!), expected);
    });
  }
});
