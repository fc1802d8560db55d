export interface HtmlTableOptions {
  /** Columns to show, in order. @default the keys of the first row */
  columns?: string[];
  /** Header text per column key. @default the key */
  headers?: Record<string, string>;
  /** Decimal places for non-integer numbers. @default 2 */
  digits?: number;
  /** Caption above the table. @default none */
  caption?: string;
  /** Rows past this count are left out, with a "… n more rows" line. @default 50 */
  maxRows?: number;
  /** Rows for which this returns true are highlighted. @default none */
  highlight?: (row: Record<string, unknown>, index: number) => boolean;
  /**
   * Show the leading and trailing whitespace of text values, which HTML would hide: each space as "␣",
   * each tab as "⇥" (so " Male " reads "␣Male␣", not "Male"). @default true
   */
  showWhitespace?: boolean;
}

const defaults = { digits: 2, maxRows: 50, showWhitespace: true };

/**
 * A small HTML table of plain rows (numbers right-aligned and rounded, text escaped), with inline
 * styles so it looks the same in JupyterLab, the exported HTML and the CLI report.
 *
 * @param records - one plain object per row; values are numbers, strings, booleans, null or undefined.
 * @param options - see {@link HtmlTableOptions}.
 * @returns the `<table>` markup, in a `<div>` that scrolls sideways when the table is wider than the page.
 * @example
 * htmlTable([{ k: 3, score: 0.4567 }]);
 * // => '<div …><table …><thead><tr><th …>k</th><th …>score</th></tr></thead><tbody><tr><td …>3</td><td …>0.46</td></tr></tbody></table></div>'
 */
export function htmlTable(records: readonly object[], options: HtmlTableOptions = {}): string {
  const opts = { ...defaults, ...options };
  const rows = records as readonly Record<string, unknown>[];
  const columns = opts.columns ?? Object.keys(rows[0] ?? {});
  const cell = "padding:3px 10px;border-bottom:1px solid #ddd;";
  const head = columns
    .map((c) => `<th style="${cell}text-align:left;background:#f3f3f3">${escapeHtml(opts.headers?.[c] ?? c)}</th>`)
    .join("");
  const shown = rows.slice(0, opts.maxRows);
  const body = shown
    .map((row, i) => {
      const style = opts.highlight?.(row, i) ? ' style="background:#fff3cd;font-weight:600"' : "";
      const tds = columns
        .map((c) => {
          const v = row[c];
          const numeric = typeof v === "number";
          const text = formatValue(v, opts.digits);
          const display = typeof v === "string" && opts.showWhitespace ? visibleEdgeWhitespace(text) : text;
          return `<td style="${cell}text-align:${numeric ? "right" : "left"}">${escapeHtml(display)}</td>`;
        })
        .join("");
      return `<tr${style}>${tds}</tr>`;
    })
    .join("");
  const more =
    rows.length > shown.length
      ? `<tr><td colspan="${columns.length}" style="${cell}color:#777">… ${rows.length - shown.length} more rows</td></tr>`
      : "";
  const caption = opts.caption
    ? `<caption style="caption-side:top;text-align:left;font-weight:600;padding:4px 0">${escapeHtml(opts.caption)}</caption>`
    : "";
  // A wide table scrolls sideways inside its own box instead of being cut off by the output area.
  const table = `<table style="border-collapse:collapse;font:13px sans-serif;margin:6px 0">${caption}<thead><tr>${head}</tr></thead><tbody>${body}${more}</tbody></table>`;
  return `<div style="overflow-x:auto;max-width:100%">${table}</div>`;
}

/** A value as table text: integers as is, other numbers rounded to `digits`, null/undefined/NaN as "–". */
function formatValue(v: unknown, digits: number): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "–";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  return String(v);
}

/** Leading and trailing spaces as "␣" and tabs as "⇥"; inner whitespace is left as it is. */
function visibleEdgeWhitespace(text: string): string {
  const mark = (ws: string) => ws.replace(/ /g, "\u2423").replace(/\t/g, "\u21e5");
  return text.replace(/^[ \t]+/, mark).replace(/[ \t]+$/, mark);
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
