/**
 * The building blocks of the self-contained HTML pages (`segment run`'s report.html, `segment drift`'s
 * drift.html): one document shell with plotly.js embedded once, sections, figures through their display
 * bundle's HTML, and escaping of every user-supplied text.
 */
import fs from "node:fs";
import path from "node:path";
import type { Figure } from "../charts/figure";
import { displayBundle } from "../charts/show";

/** The shared page style. */
const STYLE = `body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #222; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #636efa; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: .9rem; margin: .8rem 0; }
th, td { border: 1px solid #ddd; padding: .3rem .55rem; } th { background: #f3f4fb; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #666; font-size: .9rem; } .segment { border-left: 4px solid #636efa; padding-left: .8rem; margin: 1rem 0; }`;

/**
 * One HTML document: the style, plotly.js once in the head (so the page works offline), an H1, a note line, the sections.
 * @param title - page title (escaped here).
 * @param noteHtml - the line under the title (already HTML).
 * @param sections - section HTML, e.g. from {@link section}.
 * @param plotly - the plotly.min.js source (default: the installed plotly.js-dist-min).
 */
export function htmlPage(
  title: string,
  noteHtml: string,
  sections: readonly string[],
  plotly: string = readPlotly(),
): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
${STYLE}
</style>
<script type="text/javascript">${plotly.replace(/<\/script/gi, "<\\/script")}</script>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="note">${noteHtml}</p>
${sections.join("\n")}
</body>
</html>
`;
}

/** A figure drawn with the page's plotly.js (the `text/html` of its display bundle). */
export function figureHtml(figure: Figure): string {
  return String(displayBundle(figure)["text/html"]);
}

/** A titled section (the title is escaped, the body is HTML). */
export function section(title: string, body: string): string {
  return `<section><h2>${esc(title)}</h2>\n${body}\n</section>`;
}

/** The installed plotly.min.js. */
export function readPlotly(): string {
  const file = require.resolve("plotly.js-dist-min/plotly.min.js");
  return fs.readFileSync(path.resolve(file), "utf8");
}

/** Escape text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
