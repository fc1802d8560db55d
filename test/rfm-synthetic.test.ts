import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { rfmFeatures } from "../src/rfm/features";
import { SYNTHETIC_TRANSACTIONS_HEADER, writeSyntheticTransactions } from "../src/rfm/synthetic-transactions";

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("writeSyntheticTransactions", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rfm-synthetic-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the same seed writes the same bytes; another seed does not", async () => {
    const a = await writeSyntheticTransactions(path.join(dir, "a.csv"), { nRows: 5000, seed: 7 });
    const b = await writeSyntheticTransactions(path.join(dir, "b.csv"), { nRows: 5000, seed: 7 });
    const c = await writeSyntheticTransactions(path.join(dir, "c.csv"), { nRows: 5000, seed: 8 });
    assert.equal(sha(a.file), sha(b.file));
    assert.notEqual(sha(a.file), sha(c.file));
    assert.equal(a.bytes, fs.statSync(a.file).size);
  });

  test("exactly nRows data lines under the Online Retail header", async () => {
    const s = await writeSyntheticTransactions(path.join(dir, "rows.csv"), { nRows: 1234, seed: 1 });
    const lines = fs.readFileSync(s.file, "utf8").trimEnd().split("\n");
    assert.equal(lines[0], SYNTHETIC_TRANSACTIONS_HEADER);
    assert.equal(lines.length - 1, 1234);
    assert.equal(s.rows, 1234);
  });

  test("loads into rfmFeatures; every cleaning rule finds its dirt; purchase rates differ", async () => {
    const s = await writeSyntheticTransactions(path.join(dir, "f.csv"), { nRows: 20_000, nCustomers: 400, seed: 2 });
    const { customers, funnel } = await rfmFeatures(s.file);
    for (const step of funnel.slice(1)) assert.ok(step.removed > 0, `${step.step} removed nothing`);
    assert.ok(customers.length > 300 && customers.length <= 400, `${customers.length} customers`);
    const frequencies = customers.map((c) => c.frequency).sort((x, y) => x - y);
    const median = frequencies[Math.floor(frequencies.length / 2)]!;
    assert.ok(frequencies.at(-1)! >= 5 * median, `max frequency ${frequencies.at(-1)} vs median ${median}`);
  });

  test("bad options", async () => {
    await assert.rejects(writeSyntheticTransactions(path.join(dir, "x.csv"), { nRows: 0 }), ArgumentError);
    await assert.rejects(
      writeSyntheticTransactions(path.join(dir, "x.csv"), { nRows: 10, cancellationRate: 2 }),
      /cancellationRate=2/,
    );
  });
});
