/// <reference lib="dom" />
// Each executed notebook opened in a real JupyterLab (started here on a free loopback port with a
// token, stopped afterwards) shows its charts through the Plotly mime renderer, with no error output
// and no console error. A screenshot per notebook goes to reports/screenshots/.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import {
  REPORTS,
  ROOT,
  SCREENSHOTS,
  chartTextOutside,
  collectErrors,
  executedNotebooks,
  freePort,
  launchChromium,
  markdownDollarProblems,
  markdownDollars,
} from "./browser";

// the notebooks as run by tslab (reports/) and by Deno's kernel (reports/deno/), each opened with its kernel
const notebooks = [...executedNotebooks(), ...executedNotebooks("deno")];
const token = randomBytes(16).toString("hex");
const PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)";

/**
 * Start JupyterLab on a copy of the executed notebooks (JupyterLab saves what the Plotly renderer adds,
 * and reports/ must stay as the runner wrote it); settings render every cell (no windowing) and skip
 * news and update checks.
 */
async function startLab(port: number): Promise<{ lab: ChildProcess; log: () => string }> {
  const served = fs.mkdtempSync(path.join(os.tmpdir(), "lab-notebooks-"));
  for (const nb of notebooks) {
    fs.mkdirSync(path.dirname(path.join(served, nb.file)), { recursive: true });
    fs.copyFileSync(path.join(REPORTS, nb.file), path.join(served, nb.file));
  }
  const settings = fs.mkdtempSync(path.join(os.tmpdir(), "lab-settings-"));
  const write = (plugin: string, value: object) => {
    const file = path.join(settings, plugin);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(value));
  };
  write("@jupyterlab/notebook-extension/tracker.jupyterlab-settings", { windowingMode: "none" });
  write("@jupyterlab/apputils-extension/notification.jupyterlab-settings", {
    fetchNews: "false",
    checkForUpdates: false,
  });
  const lab = spawn(
    path.join(ROOT, ".venv", "bin", "jupyter"),
    [
      "lab",
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      `--IdentityProvider.token=${token}`,
      `--ServerApp.root_dir=${served}`,
      "--LabApp.extension_manager=readonly",
      "--ServerApp.port_retries=0",
      "--allow-root",
    ],
    {
      env: {
        ...process.env,
        JUPYTERLAB_SETTINGS_DIR: settings,
        JUPYTERLAB_WORKSPACES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "lab-ws-")),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  lab.stdout!.on("data", (d) => (output += d));
  lab.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`);
      if (res.ok) return { lab, log: () => output };
    } catch {
      // not listening yet
    }
    if (lab.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  lab.kill();
  throw new Error(`JupyterLab did not start on port ${port}:\n${output}`);
}

describe("JupyterLab renders the executed notebooks' charts from the Plotly mime type", () => {
  let browser: Browser;
  let lab: ChildProcess;
  let port: number;
  before(async () => {
    port = await freePort();
    ({ lab } = await startLab(port));
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    lab?.kill("SIGTERM");
  });

  it("has executed notebooks to check", () =>
    assert.ok(notebooks.length > 0, "no reports/NN-*.ipynb: run the notebooks first"));

  for (const nb of notebooks) {
    it(`${nb.file} shows ${nb.charts} chart(s) in JupyterLab`, async () => {
      // A tall window so that the screenshot shows the whole notebook (JupyterLab scrolls inside its panel).
      const page = await browser.newPage({
        viewport: { width: 1400, height: Math.min(1100 + 520 * nb.charts, 14_000) },
      });
      const errors = collectErrors(page);
      await page.goto(`http://127.0.0.1:${port}/lab/tree/${nb.file}?reset&token=${token}`, {
        waitUntil: "domcontentloaded",
      });
      // `?reset` opens a fresh workspace with only this notebook; the visible panel is the one to check.
      await page.waitForSelector(`${PANEL} .jp-Cell`, { timeout: 60_000 });
      await page.waitForFunction(
        ({ panel, n }) => document.querySelectorAll(`${panel} .js-plotly-plot .main-svg`).length >= n,
        { panel: PANEL, n: nb.charts },
        { timeout: 60_000 },
      );
      const panel = page.locator(PANEL);
      assert.equal(
        await panel.locator(".js-plotly-plot").count(),
        nb.charts,
        "one rendered Plotly graph per chart output",
      );
      // `.jp-RenderedPlotly` is the widget of the plotly package's JupyterLab mime renderer.
      const fromMime = panel.locator(".jp-RenderedPlotly.js-plotly-plot");
      assert.equal(await fromMime.count(), nb.charts, "drawn by the Plotly mime renderer, not the HTML fallback");
      assert.equal(
        await panel.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count(),
        0,
        "no stderr output",
      );
      assert.equal(
        await panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']").count(),
        0,
      );
      if (nb.animations > 0) {
        assert.ok(
          (await panel.locator(".js-plotly-plot .updatemenu-button").count()) > 0,
          "the animation has a play button",
        );
      }
      // opened with the kernel that ran it (tslab's "TypeScript" or "Deno"), which started
      await page.waitForFunction(
        ({ panel, kernel }) =>
          document.querySelector(`${panel} .jp-Toolbar-kernelName`)?.textContent?.trim() === kernel,
        { panel: PANEL, kernel: nb.kernel },
        { timeout: 60_000 },
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, `${nb.name}-lab.png`) });
      // MathJax typesets after the markdown is drawn: give it time to find any "$ … $" pair.
      await page.waitForTimeout(1500);
      const dollars = await markdownDollarProblems(
        page,
        PANEL,
        ".jp-MarkdownCell .jp-RenderedMarkdown",
        markdownDollars(nb.file),
      );
      const outside = await chartTextOutside(page, PANEL);
      // dollar signs drawn as text, not typeset as LaTeX; every title, axis label and bar label inside its chart
      assert.deepEqual([...dollars, ...outside], []);
      assert.deepEqual(errors, [], "no console errors");
      await page.close();
    });
  }
});
