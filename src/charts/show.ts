import { createHash } from "node:crypto";
import { displayMime, type MimeBundle } from "./display";
import type { Figure } from "./figure";

/** The mime type of JupyterLab's Plotly renderer (the `jupyterlab-plotly` extension of the plotly package). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * The display bundle for a figure: the Plotly mime type (JupyterLab renders it natively, no trust
 * needed), a `text/html` fallback that draws the same figure with `window.Plotly` (nbconvert's HTML
 * export uses it; the export injects plotly.js once per page), and a `text/plain` summary.
 * Deterministic: the same figure always gives the same bundle, so re-runs give identical outputs.
 *
 * @param figure - the figure to display.
 * @returns the bundle, with no copy of plotly.js in it.
 */
export function displayBundle(figure: Figure): MimeBundle {
  const json = JSON.stringify(plotlyJson(figure));
  const id = "ms-" + createHash("sha1").update(json).digest("hex").slice(0, 12);
  const height = typeof figure.layout.height === "number" ? `${figure.layout.height}px` : "450px";
  const html =
    `<div id="${id}" class="mall-segments-plot" style="width:100%;height:${height}"></div>\n` +
    `<script type="text/javascript">(function(){var fig=${escapeScript(json)};` +
    `function draw(){window.Plotly.newPlot(${JSON.stringify(id)},fig);}` +
    `if(window.Plotly){draw();}else{window.addEventListener("load",function(){if(window.Plotly)draw();});}})();</script>`;
  return { [PLOTLY_MIME]: plotlyJson(figure), "text/html": html, "text/plain": `<Plotly figure: ${titleOf(figure)}>` };
}

/**
 * Show a figure inline in a notebook cell, in tslab or Deno's kernel, as ONE display output carrying
 * the bundle of {@link displayBundle} (see {@link displayMime}).
 *
 * @param figure - the figure to display.
 * @returns a promise that resolves once the output is sent; await it, so that in Deno's kernel the
 *   chart arrives before the cell ends (see {@link displayMime}).
 * @throws {KernelError} outside a tslab or Deno kernel.
 * @example
 * await show(elbowChart(curves)); // one Plotly chart below the cell
 */
export function show(figure: Figure): Promise<void> {
  return displayMime(displayBundle(figure));
}

function plotlyJson(figure: Figure): Figure {
  const out: Figure = { data: figure.data, layout: figure.layout };
  if (figure.frames) out.frames = figure.frames;
  out.config = { responsive: true, displaylogo: false, ...figure.config };
  return out;
}

function titleOf(figure: Figure): string {
  const title = figure.layout.title;
  return typeof title === "string" ? title : (title?.text ?? "untitled");
}

/** Keep `</script>` and `<!--` inside JSON from closing the script element. */
function escapeScript(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
