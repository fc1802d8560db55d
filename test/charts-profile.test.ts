import assert from "node:assert/strict";
import { test } from "node:test";
import { boxBySegmentChart } from "../src/charts/box-by-segment";
import { distributionsBeforeAfterChart } from "../src/charts/distributions-before-after";
import { parallelCoordinatesChart } from "../src/charts/parallel-coordinates";
import { radarChart } from "../src/charts/radar";
import { profileRows } from "../src/charts/profile-rows";
import { htmlTable } from "../src/charts/table";
import { profileSegments } from "../src/profile/profile-segments";
import { assertClose } from "./helpers/assert-close";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test("radarChart: closed polygons, min-max radius per feature, raw values for hover", () => {
  // age 20..60 and spending 20..80 across the two segments → segment 0 = (0, 1), segment 1 = (1, 0).
  const fig = radarChart(
    [
      [20, 80],
      [60, 20],
    ],
    ["age", "spending"],
    { segmentNames: ["young spenders", "careful"] },
  );
  const traces = fig.data as Json[];
  assert.deepEqual(traces[0]!.theta, ["age", "spending", "age"]);
  assert.deepEqual(traces[0]!.r, [0, 1, 0]);
  assert.deepEqual(traces[1]!.r, [1, 0, 1]);
  assert.deepEqual(traces[1]!.customdata, [60, 20, 60]);
  assert.equal(traces[0]!.name, "young spenders");
  assert.deepEqual((radarChart([[20, 80]], ["a", "b"], { normalise: "none" }).data as Json[])[0]!.r, [20, 80, 20]);
  assert.throws(() => radarChart([[1]], ["a", "b"]), /profiles\[0\] has 1 values/);
});

test("parallelCoordinatesChart: one dimension per feature plus the segment, stepwise colours", () => {
  const t = (
    parallelCoordinatesChart(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [0, 1, 1],
      ["a", "b"],
      { segmentNames: ["x", "y"] },
    ).data as Json[]
  )[0]!;
  assert.equal(t.type, "parcoords");
  assert.deepEqual(
    t.dimensions.map((d: Json) => d.label),
    ["a", "b", "segment"],
  );
  assert.deepEqual(t.dimensions[1].values, [2, 4, 6]);
  assert.deepEqual(t.dimensions[2].ticktext, ["x", "y"]);
  assert.deepEqual(t.line.colorscale, [
    [0, "#636efa"],
    [0.5, "#636efa"],
    [0.5, "#ef553b"],
    [1, "#ef553b"],
  ]);
});

test("boxBySegmentChart: a box per (feature, segment) on its own axis, legend once per segment", () => {
  const fig = boxBySegmentChart(
    [
      [1, 10],
      [2, 20],
      [3, 30],
    ],
    [0, 1, 0],
    ["a", "b"],
  );
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => [t.xaxis, t.name, t.y, t.showlegend]),
    [
      ["x", "segment 0", [1, 3], true],
      ["x", "segment 1", [2], true],
      ["x2", "segment 0", [10, 30], false],
      ["x2", "segment 1", [20], false],
    ],
  );
  assert.equal((fig.layout as Json).xaxis2.title.text, "b");
  assert.deepEqual(
    traces.map((t) => t.boxpoints),
    ["outliers", "outliers", "outliers", "outliers"],
  );
  const strip = boxBySegmentChart([[1], [1], [3]], [0, 0, 0], ["a"], { points: "all" }).data as Json[];
  assert.deepEqual([strip[0].boxpoints, strip[0].pointpos, strip[0].jitter > 0], ["all", 0, true]);
});

test("distributionsBeforeAfterChart: top row before, bottom row after", () => {
  const fig = distributionsBeforeAfterChart(
    [
      [1, 5],
      [2, 6],
    ],
    [
      [-1, -1],
      [1, 1],
    ],
    ["a", "b"],
    { afterName: "standardised" },
  );
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => [t.xaxis, t.x]),
    [
      ["x", [1, 2]],
      ["x2", [5, 6]],
      ["x3", [-1, 1]],
      ["x4", [-1, 1]],
    ],
  );
  assert.equal((fig.layout as Json).xaxis4.title.text, "b: standardised");
  assert.throws(() => distributionsBeforeAfterChart([[1]], [[1]], ["a", "b"]), /rows of before must have 2 values/);
});

test("htmlTable: escapes text, rounds non-integers, truncates and highlights", () => {
  const html = htmlTable(
    [
      { name: "<b>", k: 3, score: 0.4567, none: null },
      { name: "x", k: 4, score: 1, none: undefined },
    ],
    {
      maxRows: 1,
      highlight: (r) => r.k === 3,
      headers: { score: "silhouette" },
    },
  );
  assert.match(html, /&lt;b&gt;/);
  assert.match(html, />0\.46</);
  assert.match(html, />silhouette</);
  assert.match(html, />–</);
  assert.match(html, /… 1 more rows/);
  assert.match(html, /<tr style="background:#fff3cd/);
  assert.equal(htmlTable([{ a: 1 }], { columns: [] }).includes("<td"), false);
});

test("htmlTable shows the leading and trailing whitespace of text, which HTML would collapse", () => {
  const html = htmlTable([{ before: " Male ", after: "Male", note: "two  inner\tspaces", tab: "\tF" }]);
  assert.match(html, />\u2423Male\u2423</);
  assert.match(html, />Male</);
  assert.match(html, />two {2}inner\tspaces</); // inner whitespace untouched
  assert.match(html, />\u21e5F</);
  assert.match(htmlTable([{ before: " Male " }], { showWhitespace: false }), /> Male </);
});

test("profileRows flattens a profile: size, share %, mean/median/difference per feature, category shares, overall row", () => {
  // x: 1, 3 in segment 0 and 10 in segment 1 → overall mean 14/3; segment 0 mean 2, difference 2 − 14/3.
  const profile = profileSegments([[1], [3], [10]], [0, 0, 1], ["x"], { categorical: { G: ["F", "M", "F"] } });
  const rows = profileRows(profile, { names: ["low x", "high x"] });
  assert.equal(rows.length, 3);
  assert.deepEqual(Object.keys(rows[0]!), [
    "segment",
    "segment name",
    "size",
    "share %",
    "x mean",
    "x median",
    "x vs overall",
    "G: F %",
    "G: M %",
  ]);
  assertClose(rows[0]!["share %"] as number, 200 / 3);
  assertClose(rows[0]!["x vs overall"] as number, 2 - 14 / 3);
  assert.deepEqual([rows[0]!["G: F %"], rows[1]!["G: F %"]], [50, 100]);
  assert.equal(rows[2]!["segment name"], "all customers");
  assertClose(rows[2]!["x mean"] as number, 14 / 3);
  assertClose(rows[2]!["G: F %"] as number, 200 / 3);
  assert.equal(profileRows(profile, { overall: false }).length, 2);
});
