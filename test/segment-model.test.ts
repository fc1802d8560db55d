/**
 * model.json read back by `segment score` and `segment sql`: a damaged or hand-edited model is refused with a
 * DataError naming the file and the field (exit code 2), never a TypeError from deep inside scoring.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DataError } from "../src/core/errors";
import { MODEL_FORMAT, MODEL_VERSION, parseModel, scoreEncoded, encodeRows } from "../src/model";

/** A valid two-segment model: one numeric feature (standardised around 50 by 10) and Gender one-hot. */
function validModel(): Record<string, unknown> {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: "mall-segments 0.1.0",
    algorithm: "kmeans",
    k: 2,
    seed: 42,
    idColumn: "CustomerID",
    features: ["Income"],
    categorical: [{ column: "Gender", levels: ["Female", "Male"] }],
    encodedFeatures: ["Income", "Gender=Female", "Gender=Male"],
    scaler: { method: "standard", center: [50], scale: [10] },
    imputeValues: { Income: 50 },
    centroids: [
      [-1, 1, 0],
      [1, 0, 1],
    ],
    centroidsOriginal: [
      [40, 1, 0],
      [60, 0, 1],
    ],
    assignment: "nearest-centroid",
    segments: [
      { segment: 0, name: "Low", size: 3 },
      { segment: 1, name: "High", size: 3 },
    ],
  };
}

test("a valid model parses and scores", () => {
  const model = parseModel(JSON.stringify(validModel()), "model.json");
  // income 35 → z = -1.5, Female → nearest (-1, 1, 0); income 70 → z = 2, Male → nearest (1, 0, 1)
  const rows = encodeRows(model, [[35], [70]], { Gender: ["Female", "Male"] });
  assert.deepEqual(scoreEncoded(model, rows), [0, 1]);
});

const damaged: [string, (m: Record<string, any>) => void, RegExp][] = [
  ["no segments", (m) => delete m.segments, /segments/],
  ["a segment without a name", (m) => delete m.segments[1].name, /segments/],
  ["a categorical column without levels", (m) => delete m.categorical[0].levels, /categorical/],
  ["categorical not a list", (m) => (m.categorical = "Gender"), /categorical/],
  ["scaler without center", (m) => (m.scaler = { method: "standard", scale: [10] }), /scaler/],
  ["no idColumn", (m) => delete m.idColumn, /idColumn/],
  ["a feature name that is not a string", (m) => (m.features = [7]), /features/],
  ["an unknown assignment", (m) => (m.assignment = "magic"), /assignment/],
  [
    "a gmm model without covariances",
    (m) => {
      m.assignment = "gmm-posterior";
      m.gmm = { weights: [0.5, 0.5], covariances: [] };
    },
    /gmm/,
  ],
  ["no imputeValues", (m) => delete m.imputeValues, /imputeValues/],
];

for (const [name, damage, field] of damaged) {
  test(`a model with ${name} is a DataError naming the file and the field`, () => {
    const m = validModel();
    damage(m);
    assert.throws(
      () => parseModel(JSON.stringify(m), "model.json"),
      (err: unknown) => err instanceof DataError && /^model\.json: /.test(err.message) && field.test(err.message),
    );
  });
}
