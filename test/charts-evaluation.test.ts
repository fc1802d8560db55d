import assert from "node:assert/strict";
import { test } from "node:test";
import { bicAicChart } from "../src/charts/bic-aic";
import { elbowChart } from "../src/charts/elbow";
import { clusterColor } from "../src/charts/figure";
import { gapChart } from "../src/charts/gap";
import { indexCurvesChart } from "../src/charts/index-curves";
import { kDistanceChart } from "../src/charts/k-distance";
import { pcaBiplotChart } from "../src/charts/pca-biplot";
import { silhouetteChart } from "../src/charts/silhouette-plot";
import { stabilityChart } from "../src/charts/stability";
import { voteChart } from "../src/charts/vote-chart";
import { assertClose } from "./helpers/assert-close";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test("kDistanceChart sorts ascending and labels eps with the count above it", () => {
  const fig = kDistanceChart([0.5, 3, 1, 2], { k: 4, eps: 1.5 });
  assert.deepEqual((fig.data as Json[])[0]!.y, [0.5, 1, 2, 3]);
  assert.equal((fig.layout.shapes as Json[])[0]!.y0, 1.5);
  assert.match((fig.layout.annotations as Json[])[0]!.text, /eps = 1.5 \(2 samples above\)/);
  assert.match((fig.layout.yaxis as Json).title.text, /4-th nearest/);
});

test("elbowChart marks the knee and rejects a knee outside ks", () => {
  const fig = elbowChart([1, 2, 3, 4], [100, 40, 30, 25], { knee: 2 });
  const knee = (fig.data as Json[])[1]!;
  assert.deepEqual([knee.x, knee.y], [[2], [40]]);
  assert.throws(() => elbowChart([1, 2], [1, 2], { knee: 7 }), /knee=7 is not one of ks/);
  assert.throws(() => elbowChart([1, 2], [1]), /2 ks but 1 inertias/);
});

test("silhouetteChart: bars sorted within clusters with gaps, average line, one button per panel", () => {
  const panel = { k: 2, samples: [0.5, 0.1, 0.7, 0.2], labels: [0, 1, 0, 1] };
  const fig = silhouetteChart([panel, { k: 3, samples: [0.3, 0.3, 0.3, 0.3], labels: [0, 1, 2, 2] }], { gap: 2 });
  const traces = fig.data as Json[];
  assert.equal(traces.length, 2 + 3);
  assert.deepEqual(traces[0]!.x, [0.5, 0.7]);
  assert.deepEqual(traces[0]!.y, [0, 1]);
  assert.deepEqual(traces[1]!.y, [4, 5]); // after 2 bars and a gap of 2
  assert.equal(traces[1]!.marker.color, clusterColor(1));
  assert.deepEqual(
    traces.map((t) => t.visible),
    [true, true, false, false, false],
  );
  assertClose((fig.layout.shapes as Json[])[0]!.x0, 0.375); // (0.5 + 0.1 + 0.7 + 0.2) / 4
  const buttons = (fig.layout.updatemenus as Json[])[0]!.buttons as Json[];
  assert.deepEqual(buttons[1]!.args[0].visible, [false, false, true, true, true]);
  assertClose(buttons[1]!.args[1].shapes[0].x0, 0.3);
  assert.equal(silhouetteChart([panel]).layout.updatemenus, undefined);
  assert.throws(() => silhouetteChart([]), /panels is empty/);
});

test("indexCurvesChart marks the lowest DB and the highest CH, CH on the second axis", () => {
  const fig = indexCurvesChart([2, 3, 4], [0.9, 0.6, 0.7], [100, 120, 150]);
  const traces = fig.data as Json[];
  assert.deepEqual([traces[2]!.x, traces[3]!.x], [[3], [4]]);
  assert.equal(traces[1]!.yaxis, "y2");
  assert.throws(() => indexCurvesChart([2], [1, 2], [1]), /1 ks, 2 DB values/);
});

test("gapChart draws error bars and the chosen k", () => {
  const fig = gapChart([1, 2, 3], [0.2, 0.5, 0.55], [0.05, 0.04, 0.06], { chosen: 2 });
  const traces = fig.data as Json[];
  assert.deepEqual(traces[0]!.error_y.array, [0.05, 0.04, 0.06]);
  assert.deepEqual([traces[1]!.x, traces[1]!.y], [[2], [0.5]]);
});

test("bicAicChart marks each minimum", () => {
  const traces = bicAicChart([1, 2, 3], [50, 40, 45], [48, 36, 35]).data as Json[];
  assert.deepEqual([traces[2]!.x, traces[3]!.x], [[2], [3]]);
});

test("stabilityChart highlights the chosen k and carries the spread", () => {
  const t = (stabilityChart([2, 3, 4], [0.9, 0.95, 0.6], { chosen: 3, spread: [0.1, 0.02, 0.2] }).data as Json[])[0]!;
  assert.deepEqual(t.marker.color, ["#636efa", "#ef553b", "#636efa"]);
  assertClose(t.error_y.array, [0.1, 0.02, 0.2], 1e-12);
  assert.throws(() => stabilityChart([2], [1, 2]), /1 ks, 2 scores/);
});

test("stabilityChart keeps error bars inside the range of the ARI, or draws a given interval", () => {
  // 0.95 + 0.2 would pass 1 and 0.1 − 0.2 would fall below 0: the bars stop at 1 and at 0
  const clipped = (stabilityChart([2, 3], [0.95, 0.1], { spread: [0.2, 0.2] }).data as Json[])[0]!;
  assertClose(clipped.error_y.array, [0.05, 0.2], 1e-12);
  assertClose(clipped.error_y.arrayminus, [0.2, 0.1], 1e-12);
  const interval = { lower: [0.8, 0.05], upper: [1, 0.3] };
  const t = (stabilityChart([2, 3], [0.95, 0.1], { interval: interval }).data as Json[])[0]!;
  assertClose(t.error_y.array, [0.05, 0.2], 1e-12);
  assertClose(t.error_y.arrayminus, [0.15, 0.05], 1e-12);
  assert.throws(
    () => stabilityChart([2, 3], [1, 1], { interval: { lower: [0], upper: [1, 1] } }),
    /interval of 1 lower/,
  );
});

test("voteChart counts votes per k and highlights the majority", () => {
  const t = (
    voteChart([
      { index: "elbow", k: 5 },
      { index: "silhouette", k: 5 },
      { index: "gap", k: 3 },
    ]).data as Json[]
  )[0]!;
  assert.deepEqual(
    [t.x, t.y],
    [
      [3, 5],
      [1, 2],
    ],
  );
  assert.deepEqual(t.text, ["gap", "elbow<br>silhouette"]);
  assert.deepEqual(t.marker.color, ["#636efa", "#ef553b"]);
});

test("pcaBiplotChart scales arrows so the longest reaches 80 % of the largest score", () => {
  const scores = [
    [10, 0],
    [-10, 2],
    [0, -5],
  ];
  const components = [
    [0.6, 0.8],
    [0.8, -0.6],
  ]; // loadings: a = (0.6, 0.8), b = (0.8, -0.6), both of length 1
  const fig = pcaBiplotChart(scores, components, ["a", "b"], { labels: [0, 1, 1], explainedVarianceRatio: [0.7, 0.2] });
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => t.name),
    ["cluster 0", "cluster 1", "a", "b"],
  );
  assertClose(traces[2]!.x, [0, 4.8]); // 0.6 · 0.8 · 10 / 1
  assertClose(traces[3]!.y, [0, -4.8]);
  assert.match((fig.layout.xaxis as Json).title.text, /70.0 % of variance/);
  assert.throws(() => pcaBiplotChart(scores, [[1, 0]], ["a", "b"]), /need ≥2 components/);
});

test("pcaBiplotChart: each feature's name sits beyond its arrow tip, not at the origin", () => {
  const fig = pcaBiplotChart(
    [
      [2, 0],
      [-2, 1],
    ],
    [
      [1, 0],
      [0, 1],
    ],
    ["a", "b"],
  );
  const notes = fig.layout.annotations as Json[];
  assert.deepEqual(
    notes.map((n) => n.text),
    ["", "<b>a</b>", "", "<b>b</b>"],
  );
  // longest loading 1 → arrow length 0.8 · 2 = 1.6; label at 1.12 × the tip.
  assertClose([notes[0]!.x, notes[1]!.x], [1.6, 1.6 * 1.12]);
});

test("silhouetteChart: `active` chooses the panel shown first", () => {
  const panels = [2, 3].map((k) => ({ k, samples: [0.5, 0.4, 0.3, 0.2], labels: [0, 0, 1, k - 1] }));
  const fig = silhouetteChart(panels, { active: 1 });
  assert.deepEqual(
    (fig.data as Json[]).map((t) => t.visible),
    [false, false, true, true, true],
  );
  assert.equal((fig.layout.updatemenus as Json[])[0]!.active, 1);
  assert.match((fig.layout.title as Json).text, /k = 3/);
  assert.throws(() => silhouetteChart(panels, { active: 2 }), /active=2 must be an integer in 0..1/);
});
