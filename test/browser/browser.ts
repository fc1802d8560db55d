/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const REPORTS = path.join(ROOT, "reports");
export const SCREENSHOTS = path.join(REPORTS, "screenshots");
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Debian's chromium, headless, with no network chatter of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Console errors and uncaught page errors, collected while a page is used. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** What an executed notebook should show: its Plotly outputs, and how many of them are animations. */
export interface ExpectedCharts {
  name: string;
  /** Path below reports/, e.g. `01-eda.ipynb` or `deno/01-eda.ipynb`. */
  file: string;
  charts: number;
  animations: number;
  /** The display name of the kernel that ran it (its kernelspec), e.g. "TypeScript" or "Deno". */
  kernel: string;
}

/**
 * The executed notebooks in reports/ (or in a kernel's folder below it, e.g. `deno` for reports/deno/)
 * and the Plotly outputs each holds.
 */
export function executedNotebooks(subdir = ""): ExpectedCharts[] {
  const dir = path.join(REPORTS, subdir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => path.join(subdir, f))
    .map((file) => {
      const nb = JSON.parse(fs.readFileSync(path.join(REPORTS, file), "utf8")) as {
        cells: { outputs?: { data?: Record<string, { frames?: unknown[] }> }[] }[];
        metadata: { kernelspec?: { display_name?: string } };
      };
      const plots = nb.cells
        .flatMap((c) => c.outputs ?? [])
        .flatMap((o) => (o.data?.[PLOTLY_MIME] ? [o.data[PLOTLY_MIME]] : []));
      return {
        name: file.replace(/\.ipynb$/, "").replace(/[\\/]/g, "-"),
        file,
        kernel: nb.metadata.kernelspec?.display_name ?? "",
        charts: plots.length,
        animations: plots.filter((p) => (p.frames?.length ?? 0) > 0).length,
      };
    });
}

/**
 * Wait until `n` Plotly charts on the page are drawn (each chart holds several `.main-svg` layers, so counting those
 * would be satisfied by half the charts).
 */
export async function waitForCharts(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      Array.from(document.querySelectorAll(".js-plotly-plot")).filter((plot) => plot.querySelector(".main-svg"))
        .length >= count,
    n,
    { timeout: 30_000 },
  );
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Problems with the dollar signs of the markdown cells under `scope`: any MathJax output inside a markdown
 * cell (a "k$ … k$" pair typeset as math), a backslash left before a dollar, and fewer dollar signs drawn
 * than the markdown sources hold (`dollars`, counted from the notebook). Empty when all is well.
 */
export async function markdownDollarProblems(
  page: Page,
  scope: string,
  markdown: string,
  dollars: number,
): Promise<string[]> {
  const drawn = await page.$$eval(`${scope} ${markdown}`, (cells) =>
    cells.map((cell) => ({
      math: cell.querySelectorAll("mjx-container, .MathJax, math").length,
      text: cell.textContent ?? "",
    })),
  );
  const problems: string[] = [];
  drawn.forEach((cell, i) => {
    if (cell.math > 0)
      problems.push(`markdown cell ${i + 1} has ${cell.math} MathJax element(s): ${cell.text.slice(0, 80)}`);
    if (cell.text.includes("\\$")) problems.push(`markdown cell ${i + 1} shows a backslash before "$"`);
  });
  const shown = drawn.reduce((sum, cell) => sum + (cell.text.match(/\$/g) ?? []).length, 0);
  if (shown < dollars) problems.push(`${dollars} dollar sign(s) in the markdown, ${shown} drawn`);
  return problems;
}

/** The number of dollar signs in the markdown cells of an executed notebook (each `k<span>\$</span>` is one). */
export function markdownDollars(file: string): number {
  const nb = JSON.parse(fs.readFileSync(path.join(REPORTS, file), "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === "markdown")
    .reduce((sum, c) => sum + ([c.source].flat().join("").match(/\$/g) ?? []).length, 0);
}

/**
 * Text of the Plotly charts under `scope` that is drawn outside what can be seen: titles, axis titles and
 * tick labels outside the chart's own SVG (Plotly draws them there and the SVG clips them), and bar labels
 * outside every plot area (clipped by the axes). Reads the drawn DOM, so it sees what `automargin` and
 * the chart's margins really did. One line per offending text; empty when all is well.
 */
export async function chartTextOutside(page: Page, scope: string): Promise<string[]> {
  // No named helper functions inside: tsx would wrap them in a `__name` call the page does not know.
  return page.$$eval(`${scope} .js-plotly-plot`, (plots) => {
    const problems: string[] = [];
    plots.forEach((plot, p) => {
      const svg = plot.querySelector(".main-svg");
      if (!svg) return;
      const b = svg.getBoundingClientRect();
      const title = plot.querySelector(".gtitle")?.textContent || `chart ${p + 1}`;
      const labels = plot.querySelectorAll(
        ".gtitle, .infolayer text[class$='title'], g[class$='tick'] > text, g[class$='tick2'] > text, .legendtext",
      );
      for (const el of Array.from(labels)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) {
          problems.push(`${title}: "${el.textContent}" lies outside the chart (${el.getAttribute("class")})`);
        }
      }
      const areas = Array.from(plot.querySelectorAll(".draglayer .nsewdrag")).map((a) => a.getBoundingClientRect());
      for (const el of Array.from(plot.querySelectorAll("text.bartext"))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (
          !areas.some(
            (a) => r.left >= a.left - 1 && r.right <= a.right + 1 && r.top >= a.top - 1 && r.bottom <= a.bottom + 1,
          )
        ) {
          problems.push(`${title}: bar label "${el.textContent}" is cut by the plot area`);
        }
      }
    });
    return problems;
  });
}
