import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import {
  csvCell,
  featureLevel,
  featureRole,
  NAMING_RULE,
  nameSegments,
  profileSegments,
  pseudonymiseIds,
  recommendSegments,
  shortLabel,
  toCsv,
} from "../src/profile";
import { parseCsv } from "../src/data/read-csv";
import { assertClose } from "./helpers/assert-close";

// Four customers, two segments. Income: 10, 20 | 80, 90 → overall mean 50, std sqrt((40²+30²+30²+40²)/4) = 35.355…
// Spending: 90, 80 | 20, 10 → overall mean 50, same std.
const X = [
  [10, 90],
  [20, 80],
  [80, 20],
  [90, 10],
];
const features = ["Annual Income (k$)", "Spending Score (1-100)"];
const gender = ["Female", "Female", "Male", "Female"];

test("profileSegments: size, share, mean, median, std, z-score against the overall mean", () => {
  const p = profileSegments(X, [0, 0, 1, 1], features, { categorical: { Gender: gender } });
  assert.equal(p.nSamples, 4);
  assert.deepEqual(
    p.segments.map((s) => [s.segment, s.size, s.share]),
    [
      [0, 2, 0.5],
      [1, 2, 0.5],
    ],
  );
  const inc = p.segments[0]!.features["Annual Income (k$)"]!;
  assert.equal(inc.mean, 15);
  assert.equal(inc.median, 15);
  assert.equal(inc.std, 5); // values 10, 20 around 15
  assert.equal(inc.overallMean, 50);
  assert.equal(inc.difference, -35);
  assertClose(inc.zScore, -35 / Math.sqrt(1250)); // overall variance (1600+900+900+1600)/4 = 1250
  assertClose(p.overall["Spending Score (1-100)"]!.std, Math.sqrt(1250));
  assert.deepEqual(p.segments[0]!.categorical.Gender, { Female: 1 });
  assert.deepEqual(p.segments[1]!.categorical.Gender, { Male: 0.5, Female: 0.5 });
  assert.deepEqual(p.overallCategorical.Gender, { Female: 0.75, Male: 0.25 });
});

test("profileSegments: median of an odd group, segments sorted by label, noise kept as -1", () => {
  const p = profileSegments([[1], [5], [3], [100]], [2, 2, 2, -1], ["x"]);
  assert.deepEqual(
    p.segments.map((s) => s.segment),
    [-1, 2],
  );
  assert.equal(p.segments[1]!.features.x!.median, 3);
  assert.equal(p.segments[1]!.features.x!.mean, 3);
});

test("profileSegments: a constant feature has z-score 0, not NaN", () => {
  const p = profileSegments(
    [
      [1, 7],
      [2, 7],
      [3, 7],
    ],
    [0, 0, 1],
    ["a", "b"],
  );
  assert.equal(p.segments[0]!.features.b!.zScore, 0);
});

test("profileSegments: category values that are Object.prototype names are counted like any other", () => {
  // a plain {} counter read counts["constructor"] as the Object function and dropped "__proto__" altogether
  const p = profileSegments(X, [0, 0, 1, 1], features, {
    categorical: { Plan: ["constructor", "__proto__", "toString", "basic"] },
  });
  assert.deepEqual(Object.entries(p.overallCategorical.Plan!), [
    ["constructor", 0.25],
    ["__proto__", 0.25],
    ["toString", 0.25],
    ["basic", 0.25],
  ]);
  assert.deepEqual(Object.entries(p.segments[0]!.categorical.Plan!), [
    ["constructor", 0.5],
    ["__proto__", 0.5],
  ]);
});

test("profileSegments: validates names, labels and categorical lengths", () => {
  assert.throws(
    () => profileSegments(X, [0, 0, 1, 1], ["a"]),
    /profileSegments: 1 feature names for X with 2 features/,
  );
  assert.throws(() => profileSegments(X, [0, 0, 1], features), ArgumentError);
  assert.throws(
    () => profileSegments(X, [0, 0, 1, 1], features, { categorical: { G: ["a"] } }),
    /categorical "G" has 1 values/,
  );
});

test("featureLevel and NAMING_RULE: ±0.5 std thresholds, inclusive", () => {
  assert.equal(NAMING_RULE.high, 0.5);
  assert.equal(NAMING_RULE.low, -0.5);
  assert.equal(featureLevel(0.5), "high");
  assert.equal(featureLevel(0.49), "mid");
  assert.equal(featureLevel(-0.5), "low");
  assert.equal(featureLevel(-0.2), "mid");
});

test("nameSegments: levels joined with ×, short labels from the column names", () => {
  const p = profileSegments(X, [0, 0, 1, 1], features);
  const names = nameSegments(p);
  assert.deepEqual(
    names.map((n) => n.name),
    ["Low annual income × high spending score", "High annual income × low spending score"],
  );
  assert.deepEqual({ ...names[0]!.levels }, { "Annual Income (k$)": "low", "Spending Score (1-100)": "high" }); // a null-prototype record
  const custom = nameSegments(p, { labels: { "Annual Income (k$)": "income", "Spending Score (1-100)": "spending" } });
  assert.equal(custom[1]!.name, "High income × low spending");
});

test("nameSegments: a mid segment, a repeated name made unique, noise, and a custom rule", () => {
  // x: 0, 0 | 10 | 10 → overall mean 5, std 5; segments 1 and 2 are both +1 std ("high x").
  const p = profileSegments([[0], [0], [10], [10]], [0, 0, 1, 2], ["x"]);
  assert.deepEqual(
    nameSegments(p).map((n) => n.name),
    ["Low x", "High x (segment 1)", "High x (segment 2)"],
  );
  assert.deepEqual(
    nameSegments(p, { rule: { high: 2, low: -2 } }).map((n) => n.name[0]),
    ["M", "M", "M"],
  );
  const noisy = profileSegments([[0], [1], [9]], [-1, 0, 0], ["x"]);
  assert.equal(nameSegments(noisy)[0]!.name, "Noise");
  assert.throws(() => nameSegments(p, { rule: { high: -1, low: 1 } }), /rule.low=1 must be <= rule.high=-1/);
});

test("shortLabel and featureRole", () => {
  assert.equal(shortLabel("Annual Income (k$)"), "annual income");
  assert.equal(shortLabel("days_since_last"), "days since last");
  assert.equal(shortLabel("(x)"), "(x)");
  assert.equal(featureRole("Annual Income (k$)"), "capacity");
  assert.equal(featureRole("Spending Score (1-100)"), "engagement");
  assert.equal(featureRole("Age"), "age");
  assert.equal(featureRole("Recency"), "recency");
  assert.equal(featureRole("Page"), undefined);
});

test("recommendSegments: one paragraph per segment with the facts and the action for its levels", () => {
  const p = profileSegments(X, [0, 0, 1, 1], features, { categorical: { Gender: gender } });
  const recs = recommendSegments(p, nameSegments(p));
  assert.equal(recs.length, 2);
  const rich = recs[1]!.text;
  assert.match(rich, /^High annual income × low spending score: 2 customers \(50\.0% of 4\)\./);
  assert.match(rich, /Annual income averages 85\.0 \(overall 50\.0, \+0\.99 std\)/);
  assert.match(rich, /can afford more than they spend/);
  assert.match(rich, /Gender "Male" is over-represented \(50\.0% against 25\.0% overall\)/);
  assert.match(recs[0]!.text, /spend freely for their means/);
  assert.throws(() => recommendSegments(p, nameSegments(p).slice(1)), /recommendSegments: names cover segments \[1\]/);
});

test("recommendSegments: features without a known role get the most distinctive trait", () => {
  const p = profileSegments(
    [
      [0, 5],
      [0, 5],
      [10, 5],
      [10, 6],
    ],
    [0, 0, 1, 1],
    ["widgets", "gadgets"],
  );
  assert.match(recommendSegments(p, nameSegments(p))[0]!.text, /most distinctive trait is a low widgets/);
});

test("pseudonymiseIds: HMAC-SHA256 under the key, deterministic, key-dependent", () => {
  const a = pseudonymiseIds(["1", "2", "1"], { key: "secret" });
  assert.equal(a[0], "c_" + createHmac("sha256", "secret").update("1").digest("hex").slice(0, 16));
  assert.equal(a[0], a[2]);
  assert.notEqual(a[0], a[1]);
  assert.match(a[1]!, /^c_[0-9a-f]{16}$/);
  assert.notEqual(pseudonymiseIds([1], { key: "other" })[0], a[0]);
  assert.deepEqual(pseudonymiseIds([1], { key: "secret" }), [a[0]]);
  assert.equal(pseudonymiseIds(["1"], { key: "k", digits: 8, prefix: "" })[0]!.length, 8);
  assert.throws(() => pseudonymiseIds(["1"], { key: "" }), /key must be a non-empty string/);
  assert.throws(() => pseudonymiseIds(["1"], { key: "k", digits: 4 }), /digits=4 must be an integer in 8..64/);
});

test("toCsv: RFC 4180 quoting, objects or arrays, round trip through the CSV reader", () => {
  assert.equal(toCsv([{ id: 1, name: 'A "b", c' }], ["id", "name"]), 'id,name\n1,"A ""b"", c"\n');
  assert.equal(toCsv([[1, null, undefined, true]], ["a", "b", "c", "d"]), "a,b,c,d\n1,,,true\n");
  assert.equal(toCsv([[1, 2]], ["a", "b"], { header: false }), "1,2\n");
  assert.equal(csvCell("x;y", ";"), '"x;y"');
  assert.equal(csvCell("x;y"), "x;y");
  assert.equal(csvCell(" pad"), '" pad"');
  assert.equal(toCsv([], ["Annual Income (k$)"], { eol: "\r\n" }), "Annual Income (k$)\r\n");
  const rows = [
    ["1", "multi\nline"],
    ["2", '"q"'],
  ];
  const back = parseCsv(toCsv(rows, ["id", "text"]), "<round-trip>");
  assert.deepEqual(back.rows, rows);
});
