/// <reference lib="dom" />
// The report.html of `segment run` opened offline in headless chromium: every chart draws, the "Segments as
// rules" section shows its table and the tree diagram (one box per node), and the console stays clean.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { MALL_CSV, runSegment } from "../helpers/run-segment";
import { SCREENSHOTS, collectErrors, launchChromium, waitForCharts } from "./browser";

describe("segment run's report.html shows the rules", () => {
  let browser: Browser;
  let dir: string;
  before(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "segment-report-rules-"));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("draws every chart, the rules table and the tree diagram, with no console error", async () => {
    const out = path.join(dir, "mall");
    const run = runSegment(["run", MALL_CSV, "--k", "5", "--out", out, "--quiet"]);
    assert.equal(run.code, 0, run.stderr);
    const html = path.join(out, "report.html");
    // one container per chart (counting `Plotly.newPlot(` would also count the call inside the embedded plotly.js)
    const charts = (fs.readFileSync(html, "utf8").match(/class="mall-segments-plot"/g) ?? []).length;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    const external: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) external.push(req.url());
    });
    await page.goto(`file://${html}`, { waitUntil: "load" });
    await waitForCharts(page, charts);
    const section = page.locator("section", { has: page.locator("h2", { hasText: "Segments as rules" }) });
    assert.equal(await section.locator("table.rules tr").count(), 6); // header + 5 rules
    // The tree: 5 leaves + 4 cuts drawn as boxed annotations, plus a yes/no per cut.
    const tree = section.locator(".js-plotly-plot");
    assert.equal(await tree.count(), 1);
    assert.equal(await tree.locator(".annotation").count(), 9 + 8);
    assert.match((await tree.locator(".annotation").allTextContents()).join(" | "), /Annual Income \(k\$\) ≤ 39\.5/);
    await section.screenshot({ path: path.join(SCREENSHOTS, "segment-report-rules.png") });
    assert.deepEqual(errors, []);
    assert.deepEqual(external, []);
    await page.close();
  });
});
