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
      const plots = nb.cells.flatMap((c) => c.outputs ?? []).flatMap((o) => (o.data?.[PLOTLY_MIME] ? [o.data[PLOTLY_MIME]] : []));
      return {
        name: file.replace(/\.ipynb$/, "").replace(/[\\/]/g, "-"),
        file,
        kernel: nb.metadata.kernelspec?.display_name ?? "",
        charts: plots.length,
        animations: plots.filter((p) => (p.frames?.length ?? 0) > 0).length,
      };
    });
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
