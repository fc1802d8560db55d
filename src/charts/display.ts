import { KernelError } from "../core/errors";

/** One Jupyter display bundle: mime type → representation, e.g. `{ "text/html": "<b>5</b>", "text/plain": "5" }`. */
export type MimeBundle = Record<string, unknown>;

/** The Jupyter kernels that {@link displayMime} can send through. */
export type KernelName = "tslab" | "deno";

/** The part of Deno's `Deno.jupyter` namespace used here (Deno ≥ 1.37, `deno jupyter`). */
interface DenoJupyter {
  display(obj: unknown, options?: { raw?: boolean }): Promise<void>;
}

/** tslab's own display channel: module `tslab/dist/jupyter`, the instance the running kernel uses. */
interface TslabJupyter {
  lastWriteDisplayData:
    | ((data: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void)
    | null;
}

/**
 * The Jupyter kernel this code runs in: `"deno"` inside Deno's kernel (`Deno.jupyter` exists),
 * `"tslab"` inside a tslab kernel, `undefined` elsewhere (Node scripts, tests, the CLI).
 *
 * @returns the kernel's name, or `undefined` outside a kernel.
 * @example
 * runningKernel(); // => "tslab" in a tslab notebook, "deno" in a Deno notebook
 */
export function runningKernel(): KernelName | undefined {
  if (denoJupyter()) return "deno";
  if (tslabJupyter()?.lastWriteDisplayData) return "tslab";
  return undefined;
}

/**
 * Display one bundle as ONE output of the running cell, in whichever kernel runs the code: through
 * `Deno.jupyter.display(bundle, { raw: true })` in Deno's kernel, through tslab's
 * `lastWriteDisplayData` in tslab (its public `display.raw` sends one mime type only). Both send a
 * `display_data` message with exactly this bundle, so a notebook's outputs are the same under both.
 *
 * Await it (`await displayMime(…)`, `await show(…)`): Deno sends displays asynchronously and runs its
 * event loop only while a cell executes, so a display not awaited may arrive after the cell has
 * finished and be lost. tslab sends at once and returns a resolved promise.
 *
 * @param bundle - mime type → representation; sent as it is.
 * @returns a promise that resolves once the kernel has sent the output.
 * @throws {KernelError} outside a tslab or Deno kernel (thrown at the call, not through the promise).
 * @example
 * await displayMime({ "text/html": "<b>5</b>", "text/plain": "5" });
 */
export function displayMime(bundle: MimeBundle): Promise<void> {
  const deno = denoJupyter();
  if (deno) return deno.display(bundle, { raw: true });
  const tslab = tslabJupyter();
  if (!tslab?.lastWriteDisplayData) {
    throw new KernelError(
      "displayMime: no Jupyter kernel is running (tslab or Deno); use displayBundle outside notebooks",
    );
  }
  tslab.lastWriteDisplayData({ data: bundle, metadata: {}, transient: {} }, false);
  return Promise.resolve();
}

/**
 * Display HTML (a table, a formatted summary) as a cell output, in tslab or Deno; the same output as
 * tslab's `display.html`.
 *
 * @param html - the HTML to show; it is shown as it is, so escape user text first (`htmlTable` does).
 * @returns a promise that resolves once the output is sent (see {@link displayMime}: await it).
 * @throws {KernelError} outside a tslab or Deno kernel.
 * @example
 * await displayHtml(htmlTable(rows, { caption: "First rows" }));
 */
export function displayHtml(html: string): Promise<void> {
  return displayMime({ "text/html": html });
}

/**
 * Display Markdown as a cell output, in tslab or Deno; the same output as tslab's `display.markdown`.
 *
 * @param markdown - the Markdown text.
 * @returns a promise that resolves once the output is sent (see {@link displayMime}: await it).
 * @throws {KernelError} outside a tslab or Deno kernel.
 * @example
 * await displayMarkdown(recommendations.map((r) => `- ${r.text}`).join("\n"));
 */
export function displayMarkdown(markdown: string): Promise<void> {
  return displayMime({ "text/markdown": markdown });
}

function denoJupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  try {
    return typeof deno?.jupyter?.display === "function" ? deno.jupyter : undefined;
  } catch {
    return undefined; // Deno outside `deno jupyter`: reading Deno.jupyter throws
  }
}

function tslabJupyter(): TslabJupyter | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("tslab/dist/jupyter") as TslabJupyter;
  } catch {
    return undefined; // tslab not installed beside the package: not in a tslab kernel
  }
}
