/// <reference lib="dom" />
// The HTML exports in reports/ show every chart offline: plotly.js is embedded once per page and
// each figure's text/html fallback draws it. Opened from file:// in headless chromium, no network.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import {
  REPORTS,
  SCREENSHOTS,
  chartTextOutside,
  collectErrors,
  executedNotebooks,
  launchChromium,
  markdownDollarProblems,
  markdownDollars,
  waitForCharts,
} from "./browser";

const notebooks = executedNotebooks();

describe("HTML exports render their Plotly charts offline", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(() => browser?.close());

  it("has executed notebooks to check", () =>
    assert.ok(notebooks.length > 0, "no reports/NN-*.ipynb: run the notebooks first"));

  for (const nb of notebooks) {
    it(`${nb.name}.html shows ${nb.charts} chart(s)`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const errors = collectErrors(page);
      const external: string[] = [];
      page.on("request", (req) => {
        if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) external.push(req.url());
      });
      const html = path.join(REPORTS, `${nb.name}.html`);
      await page.goto(`file://${html}`, { waitUntil: "load" });
      await waitForCharts(page, nb.charts);
      assert.equal(await page.locator(".js-plotly-plot").count(), nb.charts);
      const plotlyCopies = (fs.readFileSync(html, "utf8").match(/plotly\.js v\d/g) ?? []).length;
      assert.equal(plotlyCopies, 1, "plotly.js is embedded exactly once");
      if (nb.animations > 0)
        assert.ok((await page.locator(".js-plotly-plot .updatemenu-button").count()) > 0, "play button");
      await page.screenshot({ path: path.join(SCREENSHOTS, `${nb.name}-html.png`), fullPage: true });
      const dollars = await markdownDollarProblems(
        page,
        "body",
        ".jp-MarkdownCell .jp-RenderedMarkdown",
        markdownDollars(nb.file),
      );
      const outside = await chartTextOutside(page, "body");
      // dollar signs drawn as text, not typeset as LaTeX; every title, axis label and bar label inside its chart
      assert.deepEqual([...dollars, ...outside], []);
      assert.deepEqual(errors, []);
      assert.deepEqual(external, [], "the page loads nothing from the network");
      await page.close();
    });
  }
});
