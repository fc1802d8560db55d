/// <reference lib="dom" />
// The course website (site/, built by scripts/build_site.py): every page opened from file:// and from a static server
// on loopback in headless chromium — each chapter draws all its charts from the one shared plotly.js, every internal
// link resolves, nothing is requested from outside the site, no console errors. The time from navigation start to the
// first frame after the first chart is drawn is measured in the page and written to reports/site-timings.json (a
// measurement, not a pass/fail threshold). The chapters show their exercises with unanswered checks only; the worked
// solutions have pages of their own in site/solutions/, linked from the home page's "Solutions" section, and every
// check on them shows ✓.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { REPORTS, ROOT, SCREENSHOTS, collectErrors, executedNotebooks, launchChromium, waitForCharts } from "./browser";

const SITE = path.join(ROOT, "site");
const charts = new Map(executedNotebooks().map((nb) => [`${nb.name}.html`, nb.charts]));
const pages = fs.existsSync(SITE)
  ? fs
      .readdirSync(SITE, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".html"))
      .sort()
  : [];

/** Local targets of links, scripts and stylesheets that do not resolve to a file in site/. */
async function brokenLinks(page: Page, pageFile: string): Promise<string[]> {
  const targets = await page.evaluate(() =>
    Array.from(document.querySelectorAll("a[href], script[src], link[href]")).map(
      (el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "",
    ),
  );
  return targets
    .filter((t) => t && !t.startsWith("#") && !/^[a-z]+:/i.test(t))
    .filter((t) => !fs.existsSync(path.join(SITE, path.dirname(pageFile), decodeURIComponent(t.split("#")[0]!))));
}

/**
 * Record in the page, as `firstChartMs`, the time from navigation start to the animation frame after the first Plotly
 * chart appears: the frame is where the browser paints, so a chart drawn while the page is still busy counts late.
 */
function watchFirstChart(): void {
  const w = window as unknown as { firstChartMs?: number };
  new MutationObserver((_, observer) => {
    if (!document.querySelector(".js-plotly-plot .main-svg")) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      w.firstChartMs = performance.now();
    });
  }).observe(document, { childList: true, subtree: true });
}

describe("the course website", () => {
  let browser: Browser;
  let server: http.Server;
  let base = "";
  const timings: Record<string, number> = {};
  before(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = http.createServer((req, res) => {
      const file = path.join(SITE, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      if (!file.startsWith(SITE) || !fs.existsSync(file) || !fs.statSync(file).isFile())
        return void res.writeHead(404).end();
      const type =
        { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" }[path.extname(file)] ??
        "application/octet-stream";
      res.writeHead(200, { "content-type": type }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    await browser?.close();
    server?.close();
    if (Object.keys(timings).length)
      fs.writeFileSync(path.join(REPORTS, "site-timings.json"), JSON.stringify(timings, null, 1) + "\n");
  });

  it("was built, with plotly.js once for the whole site and within 15 MB", () => {
    assert.ok(pages.includes("index.html"), "no site/index.html: run scripts/build_site.py");
    const files = fs
      .readdirSync(SITE, { recursive: true, encoding: "utf8" })
      .map((f) => path.join(SITE, f))
      .filter((f) => fs.statSync(f).isFile());
    const copies = files.filter((f) => /\.(html|js)$/.test(f) && /plotly\.js v\d/.test(fs.readFileSync(f, "utf8")));
    assert.deepEqual(
      copies.map((f) => path.relative(SITE, f)),
      ["assets/plotly.min.js"],
    );
    const mb = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1e6;
    assert.ok(mb <= 15, `site is ${mb.toFixed(1)} MB`);
    for (const chapter of charts.keys()) assert.ok(pages.includes(chapter), `no page for ${chapter}`);
  });

  for (const file of pages) {
    const expected = charts.get(file) ?? (file.startsWith("examples/") ? 1 : 0);
    it(`${file}: ${charts.has(file) ? `${expected} chart(s) drawn` : "renders"}, links resolve, nothing external`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const errors = collectErrors(page);
      const external: string[] = [];
      page.on("request", (req) => {
        if (!/^(file|data|blob):/.test(req.url())) external.push(req.url());
      });
      await page.addInitScript(watchFirstChart);
      await page.goto(`file://${path.join(SITE, file)}`, { waitUntil: "load" });
      if (expected > 0) {
        const first = await page.waitForFunction(() => (window as { firstChartMs?: number }).firstChartMs, null, {
          timeout: 30_000,
        });
        timings[file] = Math.round(Number(await first.jsonValue()));
        await waitForCharts(page, expected);
        if (charts.has(file)) assert.equal(await page.locator(".js-plotly-plot").count(), expected);
      }
      assert.deepEqual(await brokenLinks(page, file), []);
      await page.screenshot({
        path: path.join(SCREENSHOTS, `site-${file.replace(/[\\/]/g, "-").replace(/\.html$/, "")}.png`),
      });
      assert.deepEqual(errors, []);
      assert.deepEqual(external, [], "the page loads nothing from outside the site");
      await page.close();
    });
  }

  it("keeps the solutions apart: chapters show unanswered checks only, solution pages a ✓ for every check", () => {
    const solutions = pages.filter((f) => f.startsWith("solutions/"));
    assert.deepEqual(
      solutions.map((f) => f.slice("solutions/".length, 2 + "solutions/".length)),
      [...charts.keys()].map((f) => f.slice(0, 2)),
      "one solutions page per chapter (build without --no-solutions)",
    );
    const home = fs.readFileSync(path.join(SITE, "index.html"), "utf8");
    const section = home.split('<h2 id="solutions">')[1]?.split("<h2")[0] ?? "";
    for (const page of solutions) assert.ok(section.includes(`href="${page}"`), `home page links ${page}`);
    for (const chapter of charts.keys()) {
      const text = fs.readFileSync(path.join(SITE, chapter), "utf8");
      const checks = text.match(/class="exercise-check exercise-check-(\w+)"/g) ?? [];
      assert.ok(checks.length >= 2, `${chapter}: ${checks.length} exercise checks`);
      assert.ok(
        checks.every((c) => c.endsWith('unanswered"')),
        `${chapter} shows an answered check`,
      );
    }
    for (const page of solutions) {
      const text = fs.readFileSync(path.join(SITE, page), "utf8");
      const checks = text.match(/class="exercise-check exercise-check-(\w+)"/g) ?? [];
      assert.ok(checks.length >= 2, `${page}: ${checks.length} exercise checks`);
      assert.ok(
        checks.every((c) => c.endsWith('correct"')),
        `${page}: a check that is not ✓`,
      );
    }
  });

  it("works from a static server too (home page, first chapter and its solutions)", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}/index.html`, { waitUntil: "load" });
    const first = await page.locator("ol.chapters a").first().getAttribute("href");
    await page.goto(`${base}/${first}`, { waitUntil: "load" });
    await page.waitForSelector(".js-plotly-plot .main-svg", { timeout: 30_000 });
    await page.goto(`${base}/index.html`, { waitUntil: "load" });
    const solution = await page.locator("ol.solutions a").first().getAttribute("href");
    await page.goto(`${base}/${solution}`, { waitUntil: "load" });
    await page.waitForSelector(".exercise-check-correct", { timeout: 30_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
