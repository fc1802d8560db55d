/** `segment value`: outputs against the library and lifetimes, and bad input → exit 2 with one line. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { VALUE_CSV_COLUMNS } from "../src/value";
import { assertClose } from "./helpers/assert-close";
import { retailSamplePath, venvPython } from "./helpers/retail";
import { runSegment } from "./helpers/run-segment";

describe("segment value", () => {
  let dir: string;
  let out: string;
  let run: ReturnType<typeof runSegment>;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-value-"));
    out = path.join(dir, "value");
    run = runSegment(["value", retailSamplePath(), "--out", out]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes value.csv (every customer, RFM and value columns) and value-model.json", () => {
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(fs.readdirSync(out).sort(), [".mall-segments-output", "value-model.json", "value.csv"]);
    const rows = parse(fs.readFileSync(path.join(out, "value.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    assert.equal(rows.length, 3017);
    assert.deepEqual(Object.keys(rows[0]!), [...VALUE_CSV_COLUMNS]);
    for (const r of rows) {
      const p = Number(r["p_alive"]);
      assert.ok(p > 0 && p <= 1 && Number(r["clv"]) >= 0 && Number(r["expected_purchases"]) >= 0);
      assert.ok(Number(r["recency_repeat_days"]) <= Number(r["age_days"]));
    }
    const model = JSON.parse(fs.readFileSync(path.join(out, "value-model.json"), "utf8"));
    assert.equal(model.format, "mall-segments/value-model");
    assert.equal(model.customers, 3017);
    assert.ok(model.betaGeo.converged && model.gammaGamma.converged);
    assert.match(run.stderr, /segment value: 3,017 customers/);
  });

  test("the fitted r and alpha and the predictions equal lifetimes on the written history", {
    skip: !fs.existsSync(venvPython) && "no .venv",
  }, () => {
    // On this sample the dropout parameter a runs to its boundary (≈ 0) in both implementations, where a and b
    // are not identified; r, α and every prediction are.
    const script = `
import json, sys, warnings
warnings.filterwarnings("ignore")
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
d = pd.read_csv(sys.argv[1], dtype={"CustomerID": str})
m = json.load(open(sys.argv[2]))
bgf = BetaGeoFitter().fit(d.repeat_purchases, d.recency_repeat_days, d.age_days)
for k in ["r", "alpha", "a", "b"]: bgf.params_[k] = m["betaGeo"][k]
ggf = GammaGammaFitter().fit(d.repeat_purchases[d.repeat_purchases > 0], d.avg_repeat_value[d.repeat_purchases > 0])
for k in ["p", "q", "v"]: ggf.params_[k] = m["gammaGamma"][k]
f, r, T = d.repeat_purchases, d.recency_repeat_days, d.age_days
print(json.dumps({"r": float(bgf.params_["r"]), "alpha": float(bgf.params_["alpha"]),
  "fit": {k: float(v) for k, v in BetaGeoFitter().fit(f, r, T).params_.items()},
  "gg": {k: float(v) for k, v in GammaGammaFitter().fit(f[f > 0], d.avg_repeat_value[f > 0]).params_.items()},
  "expected": bgf.conditional_expected_number_of_purchases_up_to_time(360, f, r, T).tolist(),
  "alive": bgf.conditional_probability_alive(f, r, T).tolist()}))`;
    const ref = JSON.parse(
      execFileSync(venvPython, ["-c", script, path.join(out, "value.csv"), path.join(out, "value-model.json")], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      }),
    );
    const model = JSON.parse(fs.readFileSync(path.join(out, "value-model.json"), "utf8"));
    assertClose(model.betaGeo.r, ref.fit.r, 1e-4, 0, "r");
    assertClose(model.betaGeo.alpha, ref.fit.alpha, 1e-4, 0, "alpha");
    // Gamma-Gamma is fitted on the unrounded mean values; the CSV has them in cents
    for (const k of ["p", "q", "v"]) assertClose(model.gammaGamma[k], ref.gg[k], 1e-3, 0, k);
    const rows = parse(fs.readFileSync(path.join(out, "value.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    assertClose(
      rows.map((r) => Number(r["expected_purchases"])),
      ref.expected,
      1e-5,
      0,
      "expected_purchases",
    ); // CSV keeps 6 digits
    assertClose(
      rows.map((r) => Number(r["p_alive"])),
      ref.alive,
      1e-5,
      0,
      "p_alive",
    );
  });

  test("bad input: exit 2, one line, nothing written", () => {
    const missing = runSegment(["value", path.join(dir, "nope.csv"), "--out", path.join(dir, "o1")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^segment: error: .*nope\.csv: file not found\n$/);
    assert.equal(fs.existsSync(path.join(dir, "o1")), false);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(
      bad,
      "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,2,2011-01-01,1.5,7,UK\n2,x,2011-01-02,1,7,UK\n",
    );
    const parsed = runSegment(["value", bad, "--out", path.join(dir, "o2")]);
    assert.equal(parsed.code, 2);
    assert.match(parsed.stderr, /bad\.csv, row 3, column "Quantity"/);
    assert.equal(parsed.stderr.trim().split("\n").length, 1);
    const once = path.join(dir, "once.csv");
    fs.writeFileSync(
      once,
      "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,2,2011-01-01,1.5,7,UK\n2,1,2011-01-01,1,8,UK\n",
    );
    const noRepeat = runSegment(["value", once, "--out", path.join(dir, "o3")]);
    assert.equal(noRepeat.code, 2);
    assert.match(noRepeat.stderr, /none of the 2 customers bought on two different days/);
    for (const args of [["--months", "0"], ["--discount-rate", "-1"], ["--bogus"]]) {
      const r = runSegment(["value", retailSamplePath(), "--out", path.join(dir, "o4"), ...args]);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stderr.trim().split("\n").length, 1);
    }
    assert.equal(runSegment(["value", "--out", path.join(dir, "o5")]).code, 2);
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "keep");
    assert.equal(runSegment(["value", retailSamplePath(), "--out", file]).code, 2);
    assert.equal(fs.readFileSync(file, "utf8"), "keep");
  });
});
