import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { rfmCrosstabChart } from "../src/charts/rfm-crosstab";
import { rfmKSelectionChart } from "../src/charts/rfm-k-selection";
import { rfmFunnelChart } from "../src/charts/rfm-funnel";
import { rfmGridChart } from "../src/charts/rfm-grid";
import { rfmLogDistributionsChart, skewness } from "../src/charts/rfm-log-distributions";
import { rfmSnakeChart } from "../src/charts/rfm-snake";
import { rfmTreemapChart } from "../src/charts/rfm-treemap";
import { ArgumentError } from "../src/core/errors";
import { assertClose } from "./helpers/assert-close";

// Plotly traces are a union type; the tests read them as plain JSON.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const trace = (fig: { data: unknown[] }, i = 0) => fig.data[i] as Json;

describe("RFM chart builders", () => {
  test("funnel: one stage per step, remaining rows as x, removed rows in the text", () => {
    const fig = rfmFunnelChart([
      { step: "total", removed: 0, remaining: 20000 },
      { step: "missing_customer", removed: 5078, remaining: 14922 },
      { step: "cancellation", removed: 342, remaining: 14580 },
    ]);
    const t = trace(fig);
    assert.equal(t["type"], "funnel");
    assert.deepEqual(t["x"], [20000, 14922, 14580]);
    assert.deepEqual(t["y"], ["all rows", "with a CustomerID", "not a cancellation"]);
    assert.deepEqual(t["text"], ["20,000 rows", "14,922 (−5,078)", "14,580 (−342)"]);
    assert.match(String((fig.layout.annotations as Json[])[0]!["text"]), /5,420 of 20,000 rows removed/);
    assert.throws(() => rfmFunnelChart([]), ArgumentError);
  });

  test("log distributions: 6 histograms, logs in the bottom row, skewness in the axis titles", () => {
    const customers = [
      { recency_days: 1, frequency: 1, monetary: 10 },
      { recency_days: 10, frequency: 1, monetary: 100 },
      { recency_days: 100, frequency: 8, monetary: 1000 },
    ];
    const fig = rfmLogDistributionsChart(customers);
    assert.equal(fig.data.length, 6);
    assertClose(trace(fig, 3)["x"], [0, Math.log(10), Math.log(100)], 1e-15);
    assert.deepEqual(trace(fig, 0)["x"], [1, 10, 100]);
    // ln values 0, 2.30, 4.61 are symmetric → skew 0
    assert.equal((fig.layout as Json)["xaxis4"]["title"]["text"], "ln recency_days (skew 0.00)");
    // skewness of [1, 2, 6]: mean 3, m2 = (4+1+9)/3 = 14/3, m3 = (-8-1+27)/3 = 6 → 6 / (14/3)^1.5
    assertClose(skewness([1, 2, 6]), 6 / Math.pow(14 / 3, 1.5), 1e-12);
    assert.equal(skewness([5, 5]), 0);
  });

  test("RFM grid: counts by R × F, or mean monetary with empty cells as null", () => {
    const scores = [
      { R: 5, F: 1 },
      { R: 5, F: 1 },
      { R: 1, F: 5 },
    ];
    const counts = trace(rfmGridChart(scores))["z"] as number[][];
    assert.equal(counts[4]![0], 2);
    assert.equal(counts[0]![4], 1);
    assert.equal(
      counts.flat().reduce((a, b) => a + b, 0),
      3,
    );
    const means = trace(rfmGridChart(scores, [10, 30, 7], { colour: "meanMonetary" }))["z"] as (number | null)[][];
    assert.equal(means[4]![0], 20);
    assert.equal(means[2]![2], null);
    assert.equal((rfmGridChart(scores).layout.annotations as Json[]).length, 25);
    assert.throws(() => rfmGridChart(scores, [1], { colour: "meanMonetary" }), /needs 3 monetary values/);
    assert.throws(() => rfmGridChart([{ R: 6, F: 1 }]), ArgumentError);
  });

  test("treemap: root plus one tile per segment, area = customers, colour = % revenue", () => {
    const t = trace(
      rfmTreemapChart([
        { group: "Champions", customers: 3, revenue: 90 },
        { group: "Lost", customers: 1, revenue: 10 },
      ]),
    );
    assert.deepEqual(t["labels"], ["all customers", "Champions", "Lost"]);
    assert.deepEqual(t["parents"], ["", "all customers", "all customers"]);
    assert.deepEqual(t["values"], [4, 3, 1]);
    assert.deepEqual(t["marker"]["colors"], [0, 90, 10]);
    assert.equal(t["text"][1], "75.0% of customers<br>90.0% of revenue");
    assert.throws(() => rfmTreemapChart([]), ArgumentError);
  });

  test("crosstab: row shares as colour, counts as annotations, ARI in the title", () => {
    const fig = rfmCrosstabChart(
      ["a", "b"],
      [0, 1],
      [
        [3, 1],
        [0, 2],
      ],
      { ari: 0.25 },
    );
    assert.deepEqual(trace(fig)["z"], [
      [0.75, 0.25],
      [0, 1],
    ]);
    assert.deepEqual(
      (fig.layout.annotations as Json[]).map((a) => a["text"]),
      ["3", "1", "", "2"],
    );
    assert.match(String((fig.layout.title as Json)["text"]), /ARI 0.250/);
    assert.throws(() => rfmCrosstabChart(["a"], [0], [[1, 2]]), ArgumentError);
  });

  test("snake plot: one line per cluster through its mean standardised values", () => {
    const fig = rfmSnakeChart(
      [
        [1, 2, 3],
        [3, 2, 1],
        [-1, -1, -1],
      ],
      [0, 0, 1],
      { clusterNames: ["best", "rest"] },
    );
    assert.equal(fig.data.length, 2);
    assert.deepEqual(trace(fig, 0)["y"], [2, 2, 2]);
    assert.equal(trace(fig, 1)["name"], "rest (n=1)");
    assert.throws(() => rfmSnakeChart([[1, 2]], [0]), /X\[0\] has 2 values/);
  });
});

describe("rfmKSelectionChart", () => {
  test("inertia on y, silhouette on y2, the chosen k as a vertical line", () => {
    const fig = rfmKSelectionChart(
      { ks: [2, 3, 4], inertias: [10, 6, 5], silhouettes: [0.4, 0.3, 0.35] },
      { chosen: 4 },
    );
    assert.deepEqual(trace(fig, 0)["y"], [10, 6, 5]);
    assert.equal(trace(fig, 1)["yaxis"], "y2");
    assert.equal((fig.layout.shapes as Json[])[0]!["x0"], 4);
    assert.throws(() => rfmKSelectionChart({ ks: [2], inertias: [1], silhouettes: [] }), ArgumentError);
    assert.throws(() => rfmKSelectionChart({ ks: [2], inertias: [1], silhouettes: [0] }, { chosen: 5 }), /chosen=5/);
  });
});

describe("RFM chart colour scales", () => {
  test("a larger value is darker, and dark grid cells get white text", () => {
    const grid = rfmGridChart([
      { R: 1, F: 1 },
      { R: 1, F: 1 },
      { R: 5, F: 5 },
    ]);
    assert.equal(trace(grid)["reversescale"], true);
    const texts = grid.layout.annotations as Json[];
    assert.equal(texts.find((a) => a["x"] === 1 && a["y"] === 1)!["font"]["color"], "#ffffff"); // 2 = the maximum
    assert.equal(texts.find((a) => a["x"] === 5 && a["y"] === 5)!["font"]["color"], "#222222"); // 1, mid-scale
    assert.equal(trace(rfmCrosstabChart(["a"], [0], [[1]]))["reversescale"], true);
    // the treemap runs from light blue (0 % of revenue: still visible on white) to dark blue
    assert.deepEqual(trace(rfmTreemapChart([{ group: "a", customers: 1, revenue: 1 }]))["marker"]["colorscale"], [
      [0, "#c6dbef"],
      [1, "#08306b"],
    ]);
  });
});
