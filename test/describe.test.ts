import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe as suite, it } from "node:test";
import { loadMallCustomers } from "../src/data/load-mall";
import { quantileSorted } from "../src/core/quantile";
import { correlationMatrix, describe } from "../src/data/describe";
import { assertClose } from "./helpers/assert-close";
import { dataFile } from "./helpers/data-files";

suite("describe", () => {
  it("matches hand-computed values", () => {
    // [1, 2, 3, 4]: mean 2.5; sample variance (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3; q25 at position 0.75 → 1.75.
    const [s] = describe({ x: [4, 1, 3, 2] });
    assert.deepEqual(
      { ...s, std: undefined },
      { column: "x", count: 4, mean: 2.5, std: undefined, min: 1, q25: 1.75, median: 2.5, q75: 3.25, max: 4 },
    );
    assertClose(s!.std, Math.sqrt(5 / 3));
    assert.equal(quantileSorted([7], 0.5), 7);
  });
  it("refuses an empty or non-finite column", () => {
    assert.throws(() => describe({ x: [] }), /describe: column "x" is empty/);
    assert.throws(() => describe({ x: [1, NaN] }), /non-finite/);
  });
});

suite("on the Mall data, equal to pandas", () => {
  const customers = loadMallCustomers(dataFile("Mall_Customers.csv")).customers;
  const columns = {
    Age: customers.map((c) => c.age),
    Income: customers.map((c) => c.income),
    Spending: customers.map((c) => c.spending),
  };
  const script = [
    "import json, sys, pandas as pd",
    "df = pd.read_csv(sys.argv[1]).iloc[:, 2:5]",
    "d = df.describe()",
    "print(json.dumps({'describe': d.values.T.tolist(), 'corr': df.corr().values.tolist()}))",
  ].join("\n");
  const python = path.resolve(__dirname, "..", ".venv", "bin", "python");
  const pandas = JSON.parse(
    execFileSync(python, ["-c", script, dataFile("Mall_Customers.csv")], { encoding: "utf8" }),
  ) as { describe: number[][]; corr: number[][] };

  it("describe: count, mean, std, min, 25 %, 50 %, 75 %, max", () => {
    const ours = describe(columns).map((s) => [s.count, s.mean, s.std, s.min, s.q25, s.median, s.q75, s.max]);
    assertClose(ours, pandas.describe, 1e-12);
  });
  it("correlation matrix", () => {
    assertClose(correlationMatrix(columns).r, pandas.corr, 1e-12);
  });
});
