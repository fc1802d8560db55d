/// <reference lib="dom" />
// `segment drift`'s drift.html opened offline in headless chromium: every chart drawn (the Sankey included), plotly.js
// embedded once, nothing loaded from the network, no console error. And notebook 07's HTML export draws its Sankeys.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { MALL_CSV, runSegment } from "../helpers/run-segment";
import { REPORTS, SCREENSHOTS, collectErrors, executedNotebooks, launchChromium, waitForCharts } from "./browser";

describe("drift.html renders offline", () => {
  let browser: Browser;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-browser-"));
    // A model of the Mall data, and a later snapshot: 150 of the customers with a higher spending score, 30 new ones.
    assert.equal(runSegment(["run", MALL_CSV, "--k", "5", "--quiet", "--out", path.join(dir, "seg")]).code, 0);
    const [header, ...lines] = fs.readFileSync(MALL_CSV, "utf8").trim().split(/\r?\n/);
    const later = lines.slice(0, 150).map((line) =>
      line
        .split(",")
        .map((v, j) => (j === 4 ? String(Math.min(100, Number(v) + 20)) : v))
        .join(","),
    );
    const added = Array.from({ length: 30 }, (_, i) => `${900 + i},Male,${25 + i},${40 + 2 * i},${60 - i}`);
    fs.writeFileSync(path.join(dir, "later.csv"), [header, ...later, ...added].join("\n") + "\n");
    const r = runSegment([
      "drift",
      path.join(dir, "seg", "model.json"),
      MALL_CSV,
      path.join(dir, "later.csv"),
      "--out",
      path.join(dir, "drift"),
      "--quiet",
    ]);
    assert.equal(r.code, 0, r.stderr);
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("draws the PSI bars, both feature distributions, the segment shares and the Sankey, with no error", async () => {
    const html = path.join(dir, "drift", "drift.html");
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    const external: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) external.push(req.url());
    });
    await page.goto(`file://${html}`, { waitUntil: "load" });
    const expected = 5; // PSI bars, 2 feature bin charts, segment shares, Sankey
    await waitForCharts(page, expected);
    assert.equal(await page.locator(".js-plotly-plot").count(), expected);
    assert.ok((await page.locator(".js-plotly-plot .sankey .sankey-node").count()) > 0, "the Sankey has nodes");
    assert.ok((await page.locator(".js-plotly-plot .sankey-link").count()) > 0, "the Sankey has links");
    assert.equal(
      (fs.readFileSync(html, "utf8").match(/plotly\.js v\d/g) ?? []).length,
      1,
      "plotly.js is embedded exactly once",
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "drift-html.png"), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(external, [], "the page loads nothing from the network");
    await page.close();
  });
});

describe("notebook 07's Sankeys", () => {
  const nb = executedNotebooks().find((n) => n.name.startsWith("07-"));
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  it("07-tracking was executed, with two Sankey charts among its outputs", {
    skip: !nb && "reports/07-*.ipynb missing: run the notebooks first",
  }, () => {
    const cells = JSON.parse(fs.readFileSync(path.join(REPORTS, nb!.file), "utf8")).cells as {
      outputs?: { data?: Record<string, { data: { type: string }[] }> }[];
    }[];
    const traces = cells
      .flatMap((c) => c.outputs ?? [])
      .flatMap((o) => o.data?.["application/vnd.plotly.v1+json"]?.data ?? []);
    assert.equal(traces.filter((t) => t.type === "sankey").length, 2);
    assert.equal(
      nb!.charts,
      8,
      "recency bins, PSI bars, cluster shares, two Sankeys, two outcome charts, the experiment",
    );
  });

  it("07-tracking.html draws its Sankeys", { skip: !nb && "reports/07-*.html missing" }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(`file://${path.join(REPORTS, `${nb!.name}.html`)}`, { waitUntil: "load" });
    await waitForCharts(page, nb!.charts);
    assert.equal(await page.locator(".js-plotly-plot .sankey").count(), 2);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
