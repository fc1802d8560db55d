import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countBarChart } from "../src/charts/bar";
import { boxChart } from "../src/charts/box";
import { heatmapChart } from "../src/charts/heatmap";
import { histogramChart } from "../src/charts/histogram";
import { scatterMatrixChart } from "../src/charts/scatter-matrix";

type Trace = Record<string, unknown>;

describe("EDA chart builders", () => {
  it("histogram overlays one histogram + marginal box per group", () => {
    const fig = histogramChart([20, 30, 40, 50], { groups: ["F", "M", "F", "M"], title: "Age", xTitle: "Age" });
    const traces = fig.data as Trace[];
    assert.deepEqual(
      traces.map((t) => [t.type, t.name]),
      [
        ["histogram", "F"],
        ["box", "F"],
        ["histogram", "M"],
        ["box", "M"],
      ],
    );
    assert.deepEqual(traces[0]!.x, [20, 40]);
    assert.equal(fig.layout.barmode, "overlay");
  });
  it("box plots one trace per series, or grouped traces", () => {
    assert.deepEqual(
      (boxChart({ a: [1, 2], b: [3, 4] }).data as Trace[]).map((t) => t.name),
      ["a", "b"],
    );
    const grouped = boxChart({ a: [1, 2], b: [3, 4] }, { groups: ["x", "y"] }).data as Trace[];
    assert.deepEqual(
      grouped.map((t) => [t.name, t.x, t.y]),
      [
        ["x", ["a", "b"], [1, 3]],
        ["y", ["a", "b"], [2, 4]],
      ],
    );
  });
  it("scatter matrix carries every column as a dimension", () => {
    const fig = scatterMatrixChart({ a: [1, 2, 3], b: [4, 5, 6] }, { groups: ["g", "h", "g"] });
    const traces = fig.data as Trace[];
    assert.equal(traces.length, 2);
    assert.deepEqual(traces[0]!.dimensions, [
      { label: "a", values: [1, 3] },
      { label: "b", values: [4, 6] },
    ]);
  });
  it("heatmap prints each value and spans [-1, 1]", () => {
    const fig = heatmapChart(
      ["a", "b"],
      [
        [1, -0.25],
        [-0.25, 1],
      ],
    );
    assert.deepEqual(
      fig.layout.annotations?.map((a) => a.text),
      ["1.00", "-0.25", "-0.25", "1.00"],
    );
    assert.equal((fig.data[0] as Trace).zmin, -1);
  });
  it("count bar labels counts with shares", () => {
    const fig = countBarChart(["Female", "Male", "Female", "Female"]);
    const [bar] = fig.data as Trace[];
    assert.deepEqual(
      [bar!.x, bar!.y, bar!.text],
      [
        ["Female", "Male"],
        [3, 1],
        ["3 (75.0 %)", "1 (25.0 %)"],
      ],
    );
    // headroom above the tallest bar for its label (3 × 1.15), drawn even where it passes the axes
    assert.deepEqual((fig.layout.yaxis as { range: number[] }).range, [0, 3 * 1.15]);
    assert.equal((bar as { cliponaxis?: boolean }).cliponaxis, false);
  });
});
