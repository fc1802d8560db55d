import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import {
  applyScaler,
  invertScaler,
  minMaxScale,
  robustScale,
  scaleFeatures,
  standardScale,
  type ScalerMethod,
} from "../src/preprocess";
import { assertClose } from "./helpers/assert-close";
import { assertMatrixMatches, core } from "./helpers/core-fixture";
import { mallFeatures } from "./helpers/mall";

const scalers = { standard: standardScale, minmax: minMaxScale, robust: robustScale } as const;
const methods: ScalerMethod[] = ["standard", "minmax", "robust"];
const datasets: Record<string, number[][]> = {
  mall: mallFeatures().age_income_spending,
  constant_column: core.scalers.constant_column!.X!,
};

describe("scalers match scikit-learn", () => {
  for (const [name, X] of Object.entries(datasets)) {
    for (const method of methods) {
      it(`${method} on ${name}`, () => {
        const ref = core.scalers[name]![method];
        const result = scalers[method](X);
        assert.equal(result.method, method);
        assertClose(result.center, ref.center, 1e-9);
        assertClose(result.scale, ref.scale, 1e-9);
        assertMatrixMatches(result.X, ref.X, 1e-9);
        assert.deepEqual(result.params, { method, center: result.center, scale: result.scale });
      });
    }
  }
});

describe("scaler edge cases (hand-computed)", () => {
  it("standard: population std (ddof = 0); a constant column scales to 0", () => {
    // column 0: mean 2, var ((1)^2 + 0 + 1^2)/3 = 2/3, std 0.8165; column 1 constant 7 → scale 1 → 0
    const r = standardScale([
      [1, 7],
      [2, 7],
      [3, 7],
    ]);
    assertClose(r.center, [2, 7]);
    assertClose(r.scale, [Math.sqrt(2 / 3), 1]);
    assertClose(r.X, [
      [-1 / Math.sqrt(2 / 3), 0],
      [0, 0],
      [1 / Math.sqrt(2 / 3), 0],
    ]);
  });
  it("minmax: to [0, 1]; a constant column scales to 0", () => {
    // column 0: min 10, range 20 → (10, 15, 30) ↦ (0, 0.25, 1)
    const r = minMaxScale([
      [10, 3],
      [15, 3],
      [30, 3],
    ]);
    assert.deepEqual(r.X, [
      [0, 0],
      [0.25, 0],
      [1, 0],
    ]);
  });
  it("robust: median and IQR with numpy's linear interpolation", () => {
    // sorted 1 2 3 4 100: median 3; q25 at position 1 → 2; q75 at position 3 → 4; IQR 2
    const r = robustScale([[1], [2], [3], [4], [100]]);
    assert.deepEqual(r.center, [3]);
    assert.deepEqual(r.scale, [2]);
    assert.deepEqual(r.X, [[-1], [-0.5], [0], [0.5], [48.5]]);
    // four values 1 2 3 10: q25 at position 0.75 → 1.75; q75 at 2.25 → 3 + 0.25·7 = 4.75; median 2.5
    const even = robustScale([[1], [2], [3], [10]]);
    assertClose(even.center, [2.5]);
    assertClose(even.scale, [3]);
  });
  it("a single row scales to 0 with every scaler", () => {
    for (const method of methods) assert.deepEqual(scaleFeatures([[5, -2]], method).X, [[0, 0]]);
  });
});

describe("applyScaler / invertScaler", () => {
  it("transform new rows with fitted params and invert back", () => {
    const X = mallFeatures().age_income_spending;
    for (const method of methods) {
      const fitted = scaleFeatures(X, method);
      const params = JSON.parse(JSON.stringify(fitted.params));
      assertClose(applyScaler(params, X), fitted.X, 1e-12, 1e-12);
      assertClose(invertScaler(params, fitted.X), X, 1e-12, 1e-9);
    }
    // hand-computed: (14 - 10) / 2 = 2 and back
    assert.deepEqual(applyScaler({ method: "standard", center: [10], scale: [2] }, [[14]]), [[2]]);
    assert.deepEqual(invertScaler({ method: "standard", center: [10], scale: [2] }, [[2]]), [[14]]);
  });
  it("rejects rows with the wrong number of features", () => {
    const params = standardScale([
      [1, 2],
      [3, 4],
    ]).params;
    assert.throws(() => applyScaler(params, [[1, 2, 3]]), {
      name: "ArgumentError",
      message: /applyScaler: rows have 3 features, the scaler was fitted on 2/,
    });
    assert.throws(() => invertScaler(params, [[1]]), ArgumentError);
  });
});

describe("scaler arguments", () => {
  it("rejects empty, ragged and non-finite X, naming the function", () => {
    assert.throws(() => standardScale([]), { name: "ArgumentError", message: /standardScale: X is empty/ });
    assert.throws(() => minMaxScale([[1, 2], [3]]), { name: "ArgumentError", message: /minMaxScale: ragged X/ });
    assert.throws(() => robustScale([[1], [NaN]]), {
      name: "ArgumentError",
      message: /robustScale: X\[1\]\[0\] = NaN/,
    });
    assert.throws(() => standardScale([[Infinity]]), ArgumentError);
    assert.throws(() => scaleFeatures([[1]], "zscore" as ScalerMethod), /scaleFeatures: unknown method zscore/);
  });
});
