/** The report builder and its z-score bar chart, on a small hand-made segmentation (no CLI). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { zScoreBarsChart } from "../src/charts/report-z-bars";
import { nameSegments, profileSegments, recommendSegments } from "../src/profile";
import { buildReport, type ReportInput } from "../src/report";
import { pca } from "../src/reduce/pca";
import { assertClose } from "./helpers/assert-close";

test("zScoreBarsChart: one bar trace per segment, guide lines at ±threshold", () => {
  const fig = zScoreBarsChart(
    [
      [1, -1],
      [-1, 1],
    ],
    ["income", "spending"],
    { segmentNames: ["A", "B"], segments: [0, 3], threshold: 0.5 },
  );
  assert.equal(fig.data.length, 2);
  assert.deepEqual((fig.data[1] as { y: number[] }).y, [-1, 1]);
  assert.equal((fig.data[0] as { name: string }).name, "A");
  assert.equal((fig.data[1] as { marker: { color: string } }).marker.color, "#ab63fa"); // palette[3]
  assert.deepEqual(
    (fig.layout.shapes ?? []).map((s) => s.y0),
    [0.5, -0.5],
  );
  assert.throws(() => zScoreBarsChart([[1]], ["a", "b"]), /zScores\[0\] has 1 values, featureNames has 2/);
});

test("the report's PCA view (pca, 2 components): the first axis of points on a line carries all the variance", () => {
  // Points on y = 2x: PC1 ∝ (1, 2)/√5, scores ±√5·t, PC2 has zero variance.
  const view = pca(
    [
      [-1, -2],
      [0, 0],
      [1, 2],
    ],
    { components: 2 },
  );
  assertClose(view.components[0]!, [1 / Math.sqrt(5), 2 / Math.sqrt(5)], 1e-9, 1e-12);
  assertClose(view.explainedVarianceRatio, [1, 0], 1e-9, 1e-9);
  assertClose(
    view.scores.map((s) => s[0]!),
    [-Math.sqrt(5), 0, Math.sqrt(5)],
    1e-9,
    1e-12,
  );
});

function smallReport(features: string[], X: number[][]): ReportInput {
  const labels = X.map((_, i) => (i < X.length / 2 ? 0 : 1));
  const profile = profileSegments(X, labels, features);
  const names = nameSegments(profile);
  return {
    title: "Test <report>",
    input: { file: "t.csv", rowsRead: X.length, rowsUsed: X.length, missing: {}, dropped: 0, imputed: {} },
    features,
    X,
    scaled: X,
    labels,
    ids: X.map((_, i) => `id${i}`),
    profile,
    names,
    recommendations: recommendSegments(profile, names),
    centroidsOriginal: [X[0]!, X[X.length - 1]!],
    algorithm: "kmeans",
    scale: "none",
    k: 2,
    seed: 0,
    silhouette: null,
  };
}

test("buildReport: plotly embedded once, text escaped, sections present, radar only from three features", () => {
  const two = buildReport(
    smallReport(
      ["a", "b"],
      [
        [0, 0],
        [1, 1],
        [9, 9],
        [10, 10],
      ],
    ),
    { plotlySource: "/*PLOTLY*/" },
  );
  assert.equal(two.split("/*PLOTLY*/").length - 1, 1);
  assert.match(two, /<title>Test &lt;report&gt;<\/title>/);
  assert.match(two, /<h2>Profiles<\/h2>/);
  assert.ok(!two.includes("<h2>Choosing k</h2>"), "no k-selection section without a vote");
  assert.match(two, /A radar chart needs three or more features/);
  const three = buildReport(
    smallReport(
      ["a", "b", "c"],
      [
        [0, 0, 1],
        [1, 1, 0],
        [9, 9, 5],
        [10, 10, 4],
      ],
    ),
    { plotlySource: "/*PLOTLY*/" },
  );
  assert.match(three, /scatterpolar/);
  assert.match(three, /principal components/);
  assert.throws(
    () =>
      buildReport(
        {
          ...smallReport(
            ["a", "b"],
            [
              [0, 0],
              [1, 1],
            ],
          ),
          ids: ["x"],
        },
        { plotlySource: "" },
      ),
    /buildReport: X has 2 rows, labels 2, ids 1/,
  );
});
