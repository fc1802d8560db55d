// The course exercises' checks (src/exercises): for every exercise, the right answer passes and typical wrong
// answers get their specific hint; no message states the solution. Right answers come from an outside reference
// where one fits (pandas / scikit-learn in test/fixtures/exercises_oracle.py and rfm_pandas.py, numpy's PSI in
// track_reference.py); the value chapter's come from the library's fits, called as the worked solutions call them.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { before, describe, it } from "node:test";
import {
  EXERCISE_IDS,
  type ExerciseAnswers,
  ExerciseError,
  type ExerciseId,
  betaGeoExpectedPurchases,
  customerLifetimeValue,
  exercise,
  fitBetaGeo,
  fitGammaGamma,
  rfmFeatures,
  rfmScores,
  valueColumns,
  valueSummary,
} from "../src";
import { ArgumentError } from "../src/core/errors";
import { mallCsvPath } from "./helpers/mall";
import { retailSamplePath, venvPython } from "./helpers/retail";
import { trackReference } from "./helpers/track-reference";

const dataDir = path.dirname(mallCsvPath());
const options = { dataDir, display: false, strict: false };
const check = <I extends ExerciseId>(id: I, answer: ExerciseAnswers[I] | undefined) =>
  exercise(id, options).check(answer);

type Case<I extends ExerciseId> = { right: ExerciseAnswers[I]; wrong: [ExerciseAnswers[I], RegExp][] };
type Cases = { [I in ExerciseId]: Case<I> };

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const python = (script: string, ...args: string[]) =>
  JSON.parse(
    execFileSync(venvPython, [path.join(__dirname, "fixtures", script), ...args], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );

/** The right answers and typical mistakes of every exercise (the mistakes computed as a learner would make them). */
async function cases(): Promise<Cases> {
  const mall = python("exercises_oracle.py", mallCsvPath());
  const funnel = python("rfm_pandas.py", retailSamplePath()).funnel as Record<string, number>;
  const retail = retailSamplePath();
  const recency = async (asOf?: string) =>
    (await rfmFeatures(retail, asOf ? { asOf } : {})).customers.map((c) => c.recency_days);
  const [april, june, december] = await Promise.all([recency("2011-04-01"), recency("2011-07-01"), recency()]);
  const psi = (reference: number[], current: number[], bins: number) =>
    trackReference<{ psi: number }[]>("psi", { cases: [{ reference, current, bins, epsilon: 1e-4 }] })[0]?.psi ?? NaN;
  const { customers } = await rfmFeatures(retail);
  const fCounts = (ties: "first" | "min") => {
    const scores = rfmScores(customers, { ties });
    return {
      f1: scores.filter((s) => s.F === 1).length,
      f2: scores.filter((s) => s.F === 2).length,
      f3: scores.filter((s) => s.F === 3).length,
    };
  };
  const holdout = async (calibrationEnd: string) => {
    const split = await valueSummary(retail, { calibrationEnd });
    const cal = valueColumns(split.customers);
    const fit = fitBetaGeo(cal, { penalizer: 0.001 });
    const predicted = sum(betaGeoExpectedPurchases(fit, split.holdoutDays, cal.frequency, cal.recency, cal.T));
    return { predicted, actual: sum(cal.holdoutFrequency) };
  };
  const all = valueColumns((await valueSummary(retail)).customers);
  const fit = (penalizer: number) => {
    const { r, alpha } = fitBetaGeo(all, { penalizer });
    return { r, alpha };
  };
  const clv = (discountRate: number) =>
    sum(
      customerLifetimeValue({
        betaGeo: fitBetaGeo(all, { penalizer: 0.001 }),
        gammaGamma: fitGammaGamma(all),
        frequency: all.frequency,
        recency: all.recency,
        T: all.T,
        monetary: all.monetary,
        months: 12,
        discountRate,
        unitsPerMonth: 30,
      }),
    );
  const share = funnel.missing_customer / funnel.total;
  const aprilPsi = psi(april, december, 10);
  const [bins5, bins20] = [psi(june, december, 5), psi(june, december, 20)];
  return {
    "01.1": {
      right: mall["01.1"],
      wrong: [
        [{ ...mall["01.1"], band: mall["01.1"].band + 10 }, /off by one band/],
        [{ band: 30, meanSpending: 72 }, /the median; .* mean/],
      ],
    },
    "01.2": {
      right: mall["01.2"],
      wrong: [
        [{ high: mall["01.2"].low, low: mall["01.2"].high }, /swapped/],
        [{ high: 73, low: 73 }, /bounds are strict/],
      ],
    },
    "02.1": {
      right: mall["02.1"],
      wrong: [
        [[100, ...mall["02.1"]], /makeDirty injected/],
        [[], /iqrFactor: 1\.5/],
      ],
    },
    "02.3": { right: 0.205, wrong: [[1, /outlier itself/]] },
    "03.3": { right: 0.9285, wrong: [[0.9565, /covarianceType: "spherical"/]] },
    "03.4": {
      right: mall["03.4"],
      wrong: [
        [{ ...mall["03.4"], clusters: mall["03.4"].clusters + 1 }, /noise .* is not a cluster/],
        [{ clusters: 4, noise: 51 }, /eps 0\.4/],
      ],
    },
    "04.2": {
      right: mall["04.2"],
      wrong: [
        [[43, 147], /k-means' customers/],
        [[45, 160], /row positions/],
      ],
    },
    "04.4": { right: mall["04.4"], wrong: [[0.5538, /Ward's linkage/]] },
    "05.1": {
      right: mall["05.1"],
      wrong: [
        [{ customers: 81, meanAge: 42.7 }, /largest of the five segments/],
        [{ customers: mall["05.1"].customers, meanAge: 54 }, /median age/],
      ],
    },
    "05.4": { right: mall["05.4"], wrong: [[{ income: 55.3, spending: 49.5 }, /the mean; .* median/]] },
    "06.1": {
      right: { rule: "missing_customer", share },
      wrong: [
        [{ rule: "missing_customer", share: 100 * share }, /fraction of 1/],
        [{ rule: "cancellation", share }, /removes fewer rows/],
        [{ rule: "no customer", share }, /as features\.funnel spells it/],
      ],
    },
    "06.2": { right: fCounts("first"), wrong: [[fCounts("min"), /ties: "min"/]] },
    "07.1": {
      right: { psi: aprilPsi, verdict: aprilPsi > 0.25 ? "refit" : aprilPsi >= 0.1 ? "watch" : "stable" },
      wrong: [
        [{ psi: psi(june, december, 10), verdict: "watch" }, /June snapshot/],
        [{ psi: aprilPsi, verdict: "stable" }, /verdict does not match/],
      ],
    },
    "07.3": {
      right: { bins5, bins20 },
      wrong: [
        [{ bins5: bins20, bins20: bins5 }, /swapped/],
        [{ bins5, bins20: psi(june, december, 10) }, /default 10 bins/],
      ],
    },
    "08.1": {
      right: await holdout("2011-06-30"),
      wrong: [[await holdout("2011-09-08"), /notebook's calibration end/]],
    },
    "08.2": {
      right: fit(0.01),
      wrong: [
        [fit(0.001), /penalizer 0\.001/],
        [fit(0), /without a penalty/],
      ],
    },
    "08.3": { right: clv(0), wrong: [[clv(0.01), /discount rate 0\.01/]] },
  };
}

/** The spellings of a solution's numbers a message must not contain (word-bounded, so "4" does not match "0.4"). */
function spellings(value: unknown): RegExp[] {
  const numbers =
    typeof value === "number"
      ? [value]
      : Object.values(value as object)
          .flat()
          .filter((v) => typeof v === "number");
  return (numbers as number[]).flatMap((v) => {
    const texts = Number.isInteger(v) ? [String(v)] : [2, 3, 4].map((d) => v.toFixed(d));
    return texts.map((t) => new RegExp(`(?<![\\d.])${t.replace(".", "\\.")}(?![\\d])`));
  });
}

describe("exercise checks", () => {
  let all: Cases;
  before(async () => {
    all = await cases();
  });

  it("covers every chapter with at least two exercises", () => {
    const chapters = EXERCISE_IDS.map((id) => id.slice(0, 2));
    for (const chapter of ["01", "02", "03", "04", "05", "06", "07", "08"])
      assert.ok(chapters.filter((c) => c === chapter).length >= 2, `chapter ${chapter}`);
  });

  for (const id of EXERCISE_IDS) {
    it(`${id}: the right answer passes, typical mistakes get their hint, no message states the solution`, async () => {
      const { right, wrong } = all[id] as Case<typeof id>;
      const messages: string[] = [];
      const passed = await check(id, right);
      assert.deepEqual([passed.ok, passed.status], [true, "correct"], passed.message);
      messages.push(passed.message);
      for (const [answer, hint] of wrong) {
        const result = await check(id, answer);
        assert.equal(result.ok, false, `${JSON.stringify(answer)} was accepted`);
        assert.match(result.message, hint);
        messages.push(result.message);
      }
      const unanswered = await check(id, undefined);
      assert.deepEqual([unanswered.ok, unanswered.status], [false, "unanswered"]);
      assert.match(unanswered.message, /not answered yet/);
      messages.push(unanswered.message);
      for (const message of messages)
        for (const spelling of spellings(right)) assert.doesNotMatch(message, spelling, `${id} reveals the solution`);
    });
  }

  it("validates the answer's shape at run time, with the field named", async () => {
    const notObject = await check("01.1", 30 as unknown as ExerciseAnswers["01.1"]);
    assert.match(notObject.message, /must be an object \{ band: number, meanSpending: number \}/);
    const missing = await check("01.1", { band: 30 } as ExerciseAnswers["01.1"]);
    assert.match(missing.message, /no field "meanSpending"/);
    const text = await check("04.2", "46, 161" as unknown as number[]);
    assert.match(text.message, /must be a list of CustomerIDs/);
    assert.equal(text.status, "incorrect");
  });

  it("throws in strict mode unless the answer is right, and names an unknown id", async () => {
    const strict = (id: "01.1") => exercise(id, { ...options, strict: true });
    await assert.rejects(strict("01.1").check(undefined), ExerciseError);
    await assert.rejects(strict("01.1").check({ band: 30, meanSpending: 72 }), /✗ Exercise 01\.1: that is the median/);
    assert.equal((await strict("01.1").check(all["01.1"].right)).ok, true);
    assert.throws(() => exercise("09.1" as ExerciseId), ArgumentError);
    assert.throws(() => exercise("09.1" as ExerciseId), /unknown id "09\.1"; the ids are 01\.1, 01\.2/);
  });
});
