/** The rules charts: the tree diagram, the misplaced customers with the cuts, and the fidelity curve. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fidelityCurveChart } from "../src/charts/fidelity-curve";
import { ruleMistakesChart } from "../src/charts/rule-mistakes";
import { rulesTreeChart } from "../src/charts/rules-tree";
import type { RuleTree } from "../src/rules";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// income <= 39.5 → segment 0; else spending <= 50.5 → segment 1; else segment 2.
const tree: RuleTree = {
  feature: 0,
  threshold: 39.5,
  count: 10,
  left: { segment: 0, count: 4, correct: 3 },
  right: {
    feature: 1,
    threshold: 50.5,
    count: 6,
    left: { segment: 1, count: 3, correct: 3 },
    right: { segment: 2, count: 3, correct: 3 },
  },
};

test("rulesTreeChart: leaves on columns 0..L−1, cuts above the middle of their children, yes/no edges", () => {
  const fig = rulesTreeChart(tree, { featureNames: ["Income <k$>", "Spending"], segmentNames: ["low", "mid", "high"] });
  const ann = fig.layout.annotations as Json[];
  const boxes = ann.filter((a) => a.bordercolor);
  assert.deepEqual(
    boxes.map((a) => [a.x, a.y]),
    [
      [0, -1],
      [1, -2],
      [2, -2],
      [1.5, -1],
      [0.75, 0],
    ],
  );
  assert.match(boxes[4]!.text, /^Income &lt;k\$&gt; ≤ 39\.5<br>10 rows$/); // names are escaped: Plotly renders HTML
  assert.equal(boxes[0]!.text, "<b>segment 0</b><br>low<br>4 rows, 75% in it");
  const long = rulesTreeChart(tree, { segmentNames: ["Low annual income × low spending score", "b", "c"] }).layout
    .annotations as Json[];
  assert.equal(long[0]!.text, "<b>segment 0</b><br>Low annual income ×<br>low spending score<br>4 rows, 75% in it");
  assert.equal(boxes[0]!.bordercolor, "#636efa");
  assert.deepEqual(
    ann.filter((a) => !a.bordercolor).map((a) => a.text),
    ["yes", "no", "yes", "no"],
  );
  const edges = (fig.data as Json[])[0]!;
  assert.deepEqual(edges.x, [1.5, 1, null, 1.5, 2, null, 0.75, 0, null, 0.75, 1.5, null]);
  assert.equal(fig.layout.height, 130 * 3 + 120);
  assert.throws(
    () => rulesTreeChart(tree, { featureNames: ["only one"] }),
    /rulesTreeChart: the tree cuts feature 1, featureNames has 1/,
  );
});

test("ruleMistakesChart: circles exactly the rows the rules misplace, cuts bounded by their regions", () => {
  const X = [
    [20, 10],
    [30, 90],
    [60, 20],
    [70, 80],
  ];
  const fig = ruleMistakesChart(X, [0, 0, 1, 2], [0, 0, 1, 1], { tree });
  const last = (fig.data as Json[]).at(-1)!;
  assert.equal(last.name, "misplaced by the rules (1)");
  assert.deepEqual([last.x, last.y], [[70], [80]]);
  const shapes = fig.layout.shapes as Json[];
  // The income cut spans the whole padded spending range; the spending cut only the region right of 39.5.
  assert.deepEqual([shapes[0]!.x0, shapes[0]!.x1, shapes[0]!.y0, shapes[0]!.y1], [39.5, 39.5, 6, 94]);
  assert.deepEqual([shapes[1]!.x0, shapes[1]!.x1, shapes[1]!.y0, shapes[1]!.y1], [39.5, 72.5, 50.5, 50.5]);
  assert.throws(
    () => ruleMistakesChart(X, [0, 0], [0, 0, 1, 1]),
    /ruleMistakesChart: X has 4 rows, labels 2, predicted 4/,
  );
});

test("fidelityCurveChart: one trace per method, a single point drawn as a marker", () => {
  const fig = fidelityCurveChart([
    { name: "IMM", leaves: [5], fidelity: [0.985] },
    { name: "CART", leaves: [5, 10], fidelity: [0.975, 1] },
  ]);
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => [t.name, t.mode, t.x, t.y]),
    [
      ["IMM", "markers", [5], [0.985]],
      ["CART", "lines+markers", [5, 10], [0.975, 1]],
    ],
  );
  assert.throws(() => fidelityCurveChart([]), /series is empty/);
  assert.throws(
    () => fidelityCurveChart([{ name: "a", leaves: [1, 2], fidelity: [1] }]),
    /series "a" has 2 leaf counts and 1 fidelities/,
  );
});
