/**
 * Segments as rules: IMM against a brute-force enumeration of every cut, the hand-computed example of imm.ts,
 * CART against scikit-learn's DecisionTreeClassifier, predictRules against the training leaves, the fidelity
 * on the Mall segments of the course, the scaler back-conversion, and the named errors.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { kmeans } from "../src/cluster";
import { ArgumentError } from "../src/core/errors";
import { seededRandom } from "../src/core/random";
import { standardScale } from "../src/preprocess";
import { explainSegments, isLeaf, predictRules, treeLeaves, unscaleTree, type RuleTree } from "../src/rules";
import { argsortFloat64 } from "../src/rules/sorted-columns";
import { mallFeatures } from "./helpers/mall";
import { venvPython } from "./helpers/retail";

/** The tree without counts: feature, threshold and segment only. */
type Shape = { segment: number } | { feature: number; threshold: number; left: Shape; right: Shape };
function shape(tree: RuleTree): Shape {
  return isLeaf(tree)
    ? { segment: tree.segment }
    : { feature: tree.feature, threshold: tree.threshold, left: shape(tree.left), right: shape(tree.right) };
}

/**
 * IMM by brute force, written from the paper without the sweep: at each node try every feature and every
 * threshold between consecutive distinct values of the node's rows and centres, count the mistakes of each
 * cut row by row, keep the fewest (ties: lowest feature, then lowest threshold), drop the mistakes, recurse.
 */
function bruteImm(X: number[][], labels: number[], centroids: number[][], rows: number[], centres: number[]): Shape {
  if (centres.length === 1) return { segment: centres[0]! };
  let best: { feature: number; threshold: number; mistakes: number } | null = null;
  for (let j = 0; j < X[0]!.length; j++) {
    const values = [...new Set([...rows.map((i) => X[i]![j]!), ...centres.map((c) => centroids[c]![j]!)])].sort(
      (a, b) => a - b,
    );
    for (let t = 0; t + 1 < values.length; t++) {
      const threshold = values[t]! / 2 + values[t + 1]! / 2;
      const leftCentres = centres.filter((c) => centroids[c]![j]! <= threshold).length;
      if (leftCentres === 0 || leftCentres === centres.length) continue;
      const mistakes = rows.filter((i) => X[i]![j]! <= threshold !== centroids[labels[i]!]![j]! <= threshold).length;
      if (best === null || mistakes < best.mistakes) best = { feature: j, threshold, mistakes };
    }
  }
  assert.ok(best, "brute force: no cut separates the centres");
  const { feature, threshold } = best;
  const kept = rows.filter((i) => X[i]![feature]! <= threshold === centroids[labels[i]!]![feature]! <= threshold);
  return {
    feature,
    threshold,
    left: bruteImm(
      X,
      labels,
      centroids,
      kept.filter((i) => X[i]![feature]! <= threshold),
      centres.filter((c) => centroids[c]![feature]! <= threshold),
    ),
    right: bruteImm(
      X,
      labels,
      centroids,
      kept.filter((i) => X[i]![feature]! > threshold),
      centres.filter((c) => centroids[c]![feature]! > threshold),
    ),
  };
}

/** n rows of d features: integers 0..9 (many ties) or continuous; labels by nearest centre with some flipped. */
function smallData(
  seed: number,
  n: number,
  d: number,
  k: number,
  integers: boolean,
): { X: number[][]; labels: number[]; centroids: number[][] } {
  const random = seededRandom(seed);
  const value = (): number => (integers ? Math.floor(random() * 10) : random() * 10);
  const centroids = Array.from({ length: k }, () => Array.from({ length: d }, value));
  const X = Array.from({ length: n }, () => Array.from({ length: d }, value));
  const labels = X.map((row) => {
    let best = 0;
    let bestD = Infinity;
    centroids.forEach((c, ci) => {
      const dist = c.reduce((s, m, j) => s + (m - row[j]!) ** 2, 0);
      if (dist < bestD) [best, bestD] = [ci, dist];
    });
    return random() < 0.15 ? Math.floor(random() * k) : best;
  });
  for (let c = 0; c < k; c++) labels[c] = c; // every segment has rows
  return { X, labels, centroids };
}

describe("IMM threshold tree", () => {
  it("reproduces the hand-computed example of imm.ts", () => {
    const X = [[0], [2], [3], [4], [6], [7], [10]];
    const e = explainSegments(X, [0, 0, 0, 1, 1, 2, 2], { centroids: [[1], [5], [9]], featureNames: ["x"] });
    assert.deepEqual(shape(e.tree), {
      feature: 0,
      threshold: 3.5,
      left: { segment: 0 },
      right: { feature: 0, threshold: 6.5, left: { segment: 1 }, right: { segment: 2 } },
    });
    assert.deepEqual(
      e.rules.map((r) => r.text),
      ["x <= 3.5", "3.5 < x <= 6.5", "x > 6.5"],
    );
    assert.equal(e.fidelity, 1);
    assert.equal(e.mistakes, 0);
  });

  it("counts mistakes as the paper does: rows cut off from their own centre", () => {
    // Centres 1 and 5; segment 0 has rows 0 and 5.5, segment 1 rows 4 and 6. Cuts lie in [1, 5): θ ∈ [1, 4)
    // (written 2.5) cuts off 5.5 from centre 1 → 1 mistake; θ ∈ [4, 5) also cuts off 4 from centre 5 → 2.
    const e = explainSegments([[0], [5.5], [4], [6]], [0, 0, 1, 1], { centroids: [[1], [5]] });
    assert.deepEqual(shape(e.tree), { feature: 0, threshold: 2.5, left: { segment: 0 }, right: { segment: 1 } });
    assert.equal(e.mistakes, 1);
  });

  for (const [seed, integers, d] of [
    [1, true, 2],
    [2, false, 2],
    [3, true, 3],
    [4, false, 3],
    [5, true, 2],
    [6, true, 1],
    [7, false, 4],
    [8, true, 3],
  ] as const) {
    it(`equals the brute-force enumeration (4 centres, 30 rows, ${d} features, ${integers ? "integer" : "continuous"} values, seed ${seed})`, () => {
      const { X, labels, centroids } = smallData(seed, 30, d, 4, integers);
      const coincide = centroids.some((a, i) => centroids.some((b, j) => j > i && a.every((v, f) => v === b[f])));
      assert.equal(coincide, false, "the seed draws distinct centres");
      const expected = bruteImm(
        X,
        labels,
        centroids,
        X.map((_, i) => i),
        [0, 1, 2, 3],
      );
      const e = explainSegments(X, labels, { centroids });
      assert.deepEqual(shape(e.tree), expected);
      assert.equal(treeLeaves(e.tree).length, 4);
      assert.deepEqual([...new Set(treeLeaves(e.tree).map((l) => l.segment))].sort(), [0, 1, 2, 3]);
    });
  }

  it("equals the brute force with the default centres (the label means), 6 centres, 60 rows", () => {
    const { X, labels } = smallData(11, 60, 2, 6, false);
    const means = [0, 1, 2, 3, 4, 5].map((c) => {
      const rows = X.filter((_, i) => labels[i] === c);
      return [0, 1].map((j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
    });
    assert.deepEqual(
      shape(explainSegments(X, labels).tree),
      bruteImm(
        X,
        labels,
        means,
        X.map((_, i) => i),
        [0, 1, 2, 3, 4, 5],
      ),
    );
  });
});

/**
 * One ExKMC step by brute force: for every leaf (left to right), feature and threshold between consecutive
 * distinct values of the leaf's rows, compute the children's cost Σ‖x − μ‖² for every centre directly, each
 * child taking its cheapest centre; split where the cost falls most (ties: leftmost leaf, lowest feature,
 * lowest threshold). Returns null when no split lowers the cost.
 */
function bruteExpandStep(tree: Shape, X: number[][], centroids: number[][]): Shape | null {
  const leafPaths: { path: ("left" | "right")[]; segment: number; rows: number[] }[] = [];
  const walk = (node: Shape, path: ("left" | "right")[], rows: number[]): void => {
    if ("segment" in node) leafPaths.push({ path, segment: node.segment, rows });
    else {
      walk(
        node.left,
        [...path, "left"],
        rows.filter((i) => X[i]![node.feature]! <= node.threshold),
      );
      walk(
        node.right,
        [...path, "right"],
        rows.filter((i) => X[i]![node.feature]! > node.threshold),
      );
    }
  };
  walk(
    tree,
    [],
    X.map((_, i) => i),
  );
  const cost = (rows: number[], c: number): number =>
    rows.reduce((s, i) => s + X[i]!.reduce((t, v, f) => t + (v - centroids[c]![f]!) ** 2, 0), 0);
  const cheapest = (rows: number[]): { c: number; cost: number } => {
    let best = { c: 0, cost: Infinity };
    centroids.forEach((_, c) => {
      const v = cost(rows, c);
      if (v < best.cost) best = { c, cost: v };
    });
    return best;
  };
  let best: { leaf: number; feature: number; threshold: number; gain: number; l: number; r: number } | null = null;
  leafPaths.forEach(({ segment, rows }, leaf) => {
    const now = cost(rows, segment);
    for (let j = 0; j < X[0]!.length; j++) {
      const values = [...new Set(rows.map((i) => X[i]![j]!))].sort((a, b) => a - b);
      for (let t = 0; t + 1 < values.length; t++) {
        const threshold = values[t]! / 2 + values[t + 1]! / 2;
        const l = cheapest(rows.filter((i) => X[i]![j]! <= threshold));
        const r = cheapest(rows.filter((i) => X[i]![j]! > threshold));
        const gain = now - l.cost - r.cost;
        if (gain > 1e-9 && (best === null || gain > best.gain + 1e-9))
          best = { leaf, feature: j, threshold, gain, l: l.c, r: r.c };
      }
    }
  });
  if (best === null) return null;
  const { leaf, feature, threshold, l, r } = best;
  const replacement: Shape = { feature, threshold, left: { segment: l }, right: { segment: r } };
  if (leafPaths[leaf]!.path.length === 0) return replacement;
  const copy = structuredClone(tree);
  let parent = copy as Extract<Shape, { left: Shape }>;
  const path = leafPaths[leaf]!.path;
  for (const step of path.slice(0, -1)) parent = parent[step] as Extract<Shape, { left: Shape }>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

describe("IMM expanded beyond k leaves (ExKMC)", () => {
  for (const seed of [31, 32, 34]) {
    it(`equals step-by-step brute force up to 10 leaves (4 segments, 40 rows, seed ${seed})`, () => {
      const { X, labels, centroids } = smallData(seed, 40, 2, 4, false);
      let expected = shape(explainSegments(X, labels, { centroids }).tree);
      let leaves = 4;
      for (; leaves < 10; leaves++) {
        const next = bruteExpandStep(expected, X, centroids);
        if (next === null) break;
        expected = next;
        assert.deepEqual(
          shape(explainSegments(X, labels, { centroids, maxLeaves: leaves + 1 }).tree),
          expected,
          `${leaves + 1} leaves`,
        );
      }
      assert.ok(leaves >= 7, "the expansion made at least three steps");
      // fidelityByLeaves follows the growth: each entry is the fidelity of the tree with that many leaves.
      const grown = explainSegments(X, labels, { centroids, maxLeaves: leaves });
      for (const p of grown.fidelityByLeaves!)
        assert.equal(p.fidelity, explainSegments(X, labels, { centroids, maxLeaves: p.leaves }).fidelity);
    });
  }
});

describe("predictRules", () => {
  for (const method of ["imm", "cart"] as const) {
    it(`gives each training row the segment of the leaf it fell into (${method})`, () => {
      const { X, labels } = smallData(21, 200, 3, 5, false);
      const e = explainSegments(X, labels, { method });
      const leaves = treeLeaves(e.tree);
      assert.deepEqual(
        predictRules(e.tree, X),
        e.leafOf.map((leaf) => leaves[leaf]!.segment),
      );
      assert.deepEqual(
        e.leafOf.map((leaf) => e.rules[leaf]!.segment),
        predictRules(e.tree, X),
      );
      // The fidelity is the agreement of the predictions with the labels, and each rule's count its rows.
      const predicted = predictRules(e.tree, X);
      assert.equal(e.fidelity, predicted.filter((s, i) => s === labels[i]).length / X.length);
      e.rules.forEach((r) => assert.equal(r.count, e.leafOf.filter((l) => l === r.leaf).length));
    });
  }

  it("survives a JSON round trip of the tree", () => {
    const { X, labels } = smallData(22, 100, 2, 4, true);
    const e = explainSegments(X, labels);
    assert.deepEqual(predictRules(JSON.parse(JSON.stringify(e.tree)) as RuleTree, X), predictRules(e.tree, X));
  });
});

describe("the Mall segments of the course (k-means, k = 5, standardised income × spending, seed 0)", () => {
  const X = mallFeatures().income_spending;
  const labels = kmeans(standardScale(X).X, { k: 5, seed: 0 }).labels;
  const featureNames = ["Annual Income (k$)", "Spending Score (1-100)"];

  it("IMM explains them with fidelity 0.985 (>= 0.9, 3 customers misplaced), in rules of original units", () => {
    const e = explainSegments(X, labels, { featureNames });
    assert.equal(e.rules.length, 5);
    assert.ok(e.fidelity >= 0.9);
    assert.equal(e.mistakes, 3);
    assert.equal(e.fidelity, 0.985);
    // The root cut is income at 39.5 k$: the two low-income segments on the left.
    assert.match(e.rules[0]!.text, /^Annual Income \(k\$\) <= 39\.5 and Spending Score \(1-100\) <= 50\.5$/);
    // Every threshold is halfway between two integers of the data.
    const thresholds: number[] = [];
    const walk = (n: RuleTree): void =>
      void (isLeaf(n) ? 0 : (thresholds.push(n.threshold), walk(n.left), walk(n.right)));
    walk(e.tree);
    for (const t of thresholds) assert.equal(t % 1, 0.5, `threshold ${t}`);
    // ExKMC finds no leaf split that lowers the k-means cost: the tree stays at five leaves (measured).
    const expanded = explainSegments(X, labels, { maxLeaves: 10 });
    assert.deepEqual(expanded.fidelityByLeaves, [{ leaves: 5, fidelity: 0.985 }]);
    assert.deepEqual(shape(expanded.tree), shape(e.tree));
  });

  it("the same tree comes from the scaled data and unscaleTree (thresholds back in k$ and points)", () => {
    const scaled = standardScale(X);
    const centroidsScaled = kmeans(scaled.X, { k: 5, seed: 0 }).centroids;
    const inScaled = explainSegments(scaled.X, labels, { centroids: centroidsScaled });
    const back = unscaleTree(inScaled.tree, scaled);
    assert.deepEqual(predictRules(back, X), predictRules(inScaled.tree, scaled.X));
    const original = explainSegments(X, labels, {
      centroids: centroidsScaled.map((c) => c.map((z, j) => z * scaled.scale[j]! + scaled.center[j]!)),
    });
    const a = shape(back) as { threshold: number };
    const b = shape(original.tree) as { threshold: number };
    assert.ok(Math.abs(a.threshold - b.threshold) < 1e-9, `${a.threshold} vs ${b.threshold}`);
    assert.deepEqual(predictRules(back, X), predictRules(original.tree, X));
  });

  it("CART with k and 2k leaves: fidelity measured, and the same trees as scikit-learn", {
    skip: !fs.existsSync(venvPython) && "no .venv",
  }, () => {
    const script = path.join(__dirname, "fixtures", "tree_sklearn.py");
    const oracle = JSON.parse(
      execFileSync(venvPython, [script], {
        input: JSON.stringify({ X, labels, maxLeaves: [5, 10] }),
        encoding: "utf8",
      }),
    ) as {
      maxLeaves: number;
      predictions: number[];
      nLeaves: number;
      thresholds: number[];
      fidelity: number;
    }[];
    for (const o of oracle) {
      const e = explainSegments(X, labels, { method: "cart", maxLeaves: o.maxLeaves, featureNames });
      assert.equal(e.rules.length, o.nLeaves);
      assert.deepEqual(predictRules(e.tree, X), o.predictions);
      const thresholds: number[] = [];
      const walk = (n: RuleTree): void =>
        void (isLeaf(n) ? 0 : (thresholds.push(n.threshold), walk(n.left), walk(n.right)));
      walk(e.tree);
      assert.deepEqual(
        thresholds.sort((p, q) => p - q),
        o.thresholds,
      );
      assert.equal(e.fidelity, o.fidelity);
    }
    // Measured: 5 leaves misplace 5 customers (0.975), 10 leaves none (1.0).
    assert.deepEqual(
      oracle.map((o) => o.fidelity),
      [0.975, 1],
    );
    const cart = explainSegments(X, labels, { method: "cart" }); // default 2k leaves
    assert.equal(cart.fidelity, oracle[1]!.fidelity);
    // The growth's fidelity at 5 leaves is the 5-leaf tree's; at 10 the final tree's.
    assert.equal(cart.fidelityByLeaves!.find((p) => p.leaves === 5)!.fidelity, oracle[0]!.fidelity);
    assert.deepEqual(cart.fidelityByLeaves!.at(-1), { leaves: 10, fidelity: cart.fidelity });
  });
});

describe("radix argsort", () => {
  it("orders like a comparator sort, ties and −0 in row order", () => {
    const random = seededRandom(5);
    const values = Float64Array.from({ length: 5000 }, (_, i) =>
      i % 5 === 0 ? Math.round(random() * 20 - 10) : (random() - 0.5) * 1e6,
    );
    values[7] = -0;
    values[8] = 0;
    const expected = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);
    assert.deepEqual(Array.from(argsortFloat64(values)), expected);
  });
});

describe("bad input: named errors", () => {
  const X = [
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
  ];
  const cases: [string, () => unknown, RegExp][] = [
    [
      "labels of the wrong length",
      () => explainSegments(X, [0, 1, 1]),
      /explainSegments: labels has length 3, X has 4 rows/,
    ],
    ["one segment only", () => explainSegments(X, [0, 0, 0, 0]), /explainSegments: labels has one segment only/],
    [
      "NaN in X",
      () =>
        explainSegments(
          [
            [1, 2],
            [NaN, 4],
          ],
          [0, 1],
        ),
      /explainSegments: X\[1\]\[0\] = NaN is not a finite number/,
    ],
    [
      "a non-integer label",
      () => explainSegments(X, [0, 1, 0.5, 1]),
      /explainSegments: labels\[2\] = 0.5 is not a segment number/,
    ],
    ["a segment without rows", () => explainSegments(X, [0, 2, 0, 2]), /explainSegments: segment 1 has no rows/],
    [
      "a label beyond the centroids",
      () =>
        explainSegments(X, [0, 1, 2, 1], {
          centroids: [
            [0, 0],
            [1, 1],
          ],
        }),
      /explainSegments: labels has segment 2, centroids has only 2 rows/,
    ],
    [
      "centroids of the wrong width",
      () => explainSegments(X, [0, 1, 0, 1], { centroids: [[0], [1]] }),
      /explainSegments: centroids\[0\] has 1 values, X has 2 features/,
    ],
    [
      "coinciding centres",
      () =>
        explainSegments(X, [0, 1, 0, 1], {
          centroids: [
            [1, 1],
            [1, 1],
          ],
        }),
      /explainSegments: centres 0, 1 coincide on every feature/,
    ],
    [
      "imm with fewer leaves than segments",
      () => explainSegments(X, [0, 1, 2, 1], { maxLeaves: 2 }),
      /imm needs one leaf per segment \(k=3\), maxLeaves=2/,
    ],
    [
      "an unknown method",
      () => explainSegments(X, [0, 1, 0, 1], { method: "c45" as "cart" }),
      /method "c45" must be "imm" or "cart"/,
    ],
    [
      "featureNames of the wrong length",
      () => explainSegments(X, [0, 1, 0, 1], { featureNames: ["a"] }),
      /featureNames has 1 names, X has 2 features/,
    ],
    [
      "predictRules on too few features",
      () =>
        predictRules(
          {
            feature: 3,
            threshold: 0,
            count: 0,
            left: { segment: 0, count: 0, correct: 0 },
            right: { segment: 1, count: 0, correct: 0 },
          },
          X,
        ),
      /predictRules: node root\/ cuts feature 3, X has 2 features/,
    ],
    [
      "unscaleTree with a zero scale",
      () => unscaleTree({ segment: 0, count: 0, correct: 0 }, { center: [0], scale: [0] }),
      /unscaleTree: scale\[0\] = 0 must be a positive number/,
    ],
  ];
  for (const [what, call, message] of cases) {
    it(what, () => assert.throws(call, (err: Error) => err instanceof ArgumentError && message.test(err.message)));
  }
});
