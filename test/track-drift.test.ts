import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { driftExperimentChart } from "../src/charts/drift-experiment";
import { migrationSankeyChart } from "../src/charts/migration-sankey";
import { psiBarsChart } from "../src/charts/psi-bars";
import { psiBinsChart } from "../src/charts/share-comparison";
import { buildDriftReport } from "../src/report/build-drift-report";
import { assignRfmClusters, clusterRfm } from "../src/rfm/cluster-rfm";
import { rfmFeatures } from "../src/rfm/features";
import { writeSyntheticTransactions } from "../src/rfm/synthetic-transactions";
import { computeDrift } from "../src/track/drift";
import { driftExperiment } from "../src/track/drift-experiment";
import { segmentMigration } from "../src/track/migration";
import { populationStabilityIndex } from "../src/track/psi";
import { retailSamplePath } from "./helpers/retail";

const reference = {
  ids: ["a", "b", "c", "d"],
  numeric: { spend: [1, 2, 3, 4] },
  categorical: { city: ["x", "x", "y", "y"] },
  labels: [0, 0, 1, 1],
};

describe("computeDrift", () => {
  test("identical snapshots: PSI 0, everyone stays, stable", () => {
    const d = computeDrift(reference, reference, { bins: 2 });
    assert.deepEqual(
      d.features.map((f) => [f.name, f.kind, f.psi, f.band]),
      [
        ["spend", "numeric", 0, "stable"],
        ["city", "categorical", 0, "stable"],
      ],
    );
    assert.equal(d.segments.psi, 0);
    assert.equal(d.migration.stayed, 4);
    assert.equal(d.verdict, "stable");
    assert.match(d.explanation, /^Stable: /);
  });

  test("a shifted feature: its PSI is populationStabilityIndex's, the verdict is the worst band and names it", () => {
    const current = {
      ids: ["a", "b", "c", "e"],
      numeric: { spend: [3, 4, 4, 4] },
      categorical: { city: ["x", "y", "y", "y"] },
      labels: [1, 1, 1, 1],
    };
    const d = computeDrift(reference, current, {
      bins: 2,
      segments: [
        { segment: 0, name: "small" },
        { segment: 1, name: "big" },
        { segment: 2, name: "empty" },
      ],
    });
    assert.equal(d.features[0]!.psi, populationStabilityIndex([1, 2, 3, 4], [3, 4, 4, 4], { bins: 2 }).psi);
    assert.deepEqual(
      d.segments.shares.map((s) => [s.segment, s.name, s.referenceCount, s.currentCount]),
      [
        [0, "small", 2, 0],
        [1, "big", 2, 4],
        [2, "empty", 0, 0],
      ],
    );
    assert.equal(d.verdict, "refit");
    assert.match(d.explanation, /^Refit: spend \(PSI 4\.604\)/);
    assert.deepEqual(d.migration.counts, [
      [0, 2],
      [0, 1],
    ]);
    assert.deepEqual(d.migration.left, [0, 1]);
    assert.deepEqual(d.migration.entered, [0, 1]);
  });

  test("rejects snapshots whose features or lengths differ", () => {
    assert.throws(
      () => computeDrift(reference, { ...reference, numeric: { other: [1, 2, 3, 4] } }),
      /features \[spend, city\] differ/,
    );
    assert.throws(() => computeDrift(reference, { ...reference, labels: [0] }), /current has 4 ids and 1 labels/);
  });
});

describe("drift charts and drift.html", () => {
  const d = computeDrift(
    reference,
    {
      ids: ["a", "b", "c", "e"],
      numeric: { spend: [3, 4, 4, 4] },
      categorical: { city: ["x", "y", "y", "y"] },
      labels: [1, 1, 1, 1],
    },
    { bins: 2 },
  );

  test("PSI bars: one bar per item in order, coloured by band, three zones and two limit lines", () => {
    const fig = psiBarsChart([
      { name: "a", psi: 0.05 },
      { name: "b", psi: 0.2 },
      { name: "c", psi: 0.4 },
    ]);
    const bar = fig.data[0] as { y: string[]; marker: { color: string[] } };
    assert.deepEqual(bar.y, ["c", "b", "a"]);
    assert.deepEqual(bar.marker.color, ["#d62728", "#ff9f1c", "#2ca02c"]);
    assert.deepEqual(
      fig.layout.shapes!.filter((s) => s.type === "line").map((s) => s.x0),
      [0.1, 0.25],
    );
  });

  test("PSI bins chart: shares are the raw counts / n per bin", () => {
    const fig = psiBinsChart("spend", d.features[0]!.bins!, d.features[0]!.psi);
    assert.deepEqual((fig.data[0] as { y: number[] }).y, [50, 50]);
    assert.deepEqual((fig.data[1] as { y: number[] }).y, [0, 100]);
    assert.deepEqual((fig.data[0] as { x: string[] }).x, ["[−∞, 2.5)", "[2.5, ∞)"]);
  });

  test("Sankey: links carry every matched, absent and new customer", () => {
    const m = segmentMigration(
      { ids: ["a", "b", "c"], labels: [0, 0, 1] },
      { ids: ["a", "b", "d"], labels: [0, 1, 1] },
    );
    const trace = migrationSankeyChart(m).data[0] as unknown as {
      type: string;
      node: { label: string[] };
      link: { source: number[]; target: number[]; value: number[] };
    };
    assert.equal(trace.type, "sankey");
    assert.deepEqual(trace.node.label, [
      "0 (before)",
      "1 (before)",
      "0 (after)",
      "1 (after)",
      "new customers (not before)",
      "left (not after)",
    ]);
    assert.deepEqual(
      [trace.link.source, trace.link.target, trace.link.value],
      [
        [0, 0, 4, 1],
        [2, 3, 3, 5],
        [1, 1, 1, 1],
      ],
    );
  });

  test("drift.html: plotly once, every chart, user text escaped, no network URL", () => {
    const html = buildDriftReport(
      { files: { model: "m<script>.json", reference: "r.csv", current: "c.csv" }, drift: d },
      { plotlySource: "/*plotly.js v0*/" },
    );
    assert.equal((html.match(/plotly\.js v0/g) ?? []).length, 1);
    assert.equal((html.match(/class="mall-segments-plot"/g) ?? []).length, 5); // PSI bars, spend bins, city shares, segment shares, Sankey
    assert.ok(html.includes("m&lt;script&gt;.json") && !html.includes("m<script>.json"));
    assert.doesNotMatch(html, /(src|href)="https?:/);
    assert.match(html, /<b>refit<\/b>/);
  });

  test("experiment chart: one box per condition with one point per run and measure", () => {
    const run = {
      seed: 1,
      features: { recency_days: 0.01, frequency: 0.02, monetary: 0.03 },
      segments: 0.04,
      matched: 10,
      movedShare: 0.5,
      downShare: 0.2,
      upShare: 0.3,
      verdict: "stable" as const,
    };
    const fig = driftExperimentChart([run], [run, { ...run, seed: 2 }]);
    assert.deepEqual(
      fig.data.map((t) => (t as { y: number[] }).y.length),
      [4, 8],
    );
  });
});

describe("synthetic rate change and the drift experiment", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "track-drift-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("rateChange keeps the unchanged log minus invoices of the chosen customers after fromDay, about (1 − factor) of them", async () => {
    const base = { nRows: 20_000, nCustomers: 200, seed: 5, startDate: "2011-01-01", days: 200, churn: false };
    await writeSyntheticTransactions(path.join(dir, "base.csv"), base);
    const changed = await writeSyntheticTransactions(path.join(dir, "changed.csv"), {
      ...base,
      rateChange: { fromDay: 100, share: 0.5, factor: 0.25 },
    });
    const a = fs.readFileSync(path.join(dir, "base.csv"), "utf8").trim().split("\n");
    const b = fs.readFileSync(path.join(dir, "changed.csv"), "utf8").trim().split("\n");
    assert.equal(changed.rows, b.length - 1);
    const kept = new Set(b);
    const removed = a.filter((line) => !kept.has(line));
    const unchanged = new Set(a);
    assert.ok(
      b.every((line) => unchanged.has(line)),
      "every line of the changed log is a line of the unchanged one",
    );
    assert.equal(a.length - b.length, removed.length);
    // Every removed line: a changed customer (IDs 12346..12445), dated from 2011-04-11 (day 100) on.
    for (const line of removed) {
      const cells = line.split(",");
      assert.ok(Number(cells[6]) < 12346 + 100 && cells[4]! >= '"2011-04-11', line);
    }
    const eligible = a.filter((line) => {
      const cells = line.split(",");
      return Number(cells[6]) >= 12346 && Number(cells[6]) < 12446 && cells[4]! >= '"2011-04-11';
    }).length;
    const share = removed.length / eligible;
    assert.ok(share > 0.65 && share < 0.85, `removed ${share} of the eligible lines, expected about 0.75`);
  });

  test("assignRfmClusters gives a fit's own customers their fit labels", async () => {
    const { customers } = await rfmFeatures(retailSamplePath());
    const fit = clusterRfm(customers, { k: 4, seed: 0 });
    assert.deepEqual(assignRfmClusters(fit, customers), fit.labels);
  });

  test("a halving of purchase rates is seen (frequency PSI up, more downgrades than upgrades); no change stays stable", async () => {
    const seeds = [1, 2];
    const none = await driftExperiment({ seeds, nRows: 30_000, rateChange: null });
    const halved = await driftExperiment({ seeds, nRows: 30_000 });
    for (let i = 0; i < seeds.length; i++) {
      assert.equal(none[i]!.verdict, "stable", `seed ${seeds[i]} without change`);
      assert.ok(
        halved[i]!.features.frequency > 2 * none[i]!.features.frequency,
        `seed ${seeds[i]}: frequency PSI ${halved[i]!.features.frequency} vs ${none[i]!.features.frequency}`,
      );
      assert.ok(
        halved[i]!.downShare > halved[i]!.upShare + 0.1,
        `seed ${seeds[i]}: down ${halved[i]!.downShare}, up ${halved[i]!.upShare}`,
      );
      assert.ok(Math.abs(none[i]!.downShare - none[i]!.upShare) < 0.1);
    }
  });
});
