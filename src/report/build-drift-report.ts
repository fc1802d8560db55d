/**
 * The drift report of `segment drift` as ONE self-contained HTML page that works offline (plotly.js embedded once):
 * the verdict in words, PSI bars with the bands, reference vs current distributions per feature, segment shares side
 * by side, and a Sankey of the migrations.
 */
import { migrationSankeyChart } from "../charts/migration-sankey";
import { BAND_COLORS, psiBarsChart } from "../charts/psi-bars";
import { psiBinsChart, shareComparisonChart } from "../charts/share-comparison";
import { STABILITY_BAND_LIMITS } from "../track/bands";
import type { DriftResult } from "../track/drift";
import { esc, figureHtml, htmlPage, readPlotly, section } from "./html-parts";

export interface DriftReportInput {
  /** @default "Segment drift" */
  title?: string;
  /** Paths as given on the command line (shown, escaped). */
  files: { model: string; reference: string; current: string };
  drift: DriftResult;
  /** The PSI's bins and share floor, for the page's definition. @default { bins: 10, epsilon: 1e-4 } */
  psiOptions?: { bins: number; epsilon: number };
}

export interface BuildDriftReportOptions {
  /** plotly.min.js source to embed. @default the installed plotly.js-dist-min */
  plotlySource?: string;
}

/**
 * Build drift.html.
 *
 * @param input - the files compared and the result of `computeDrift`.
 * @param options - `plotlySource`.
 * @returns one HTML document; plotly.js appears in it exactly once and nothing is loaded from the network.
 */
export function buildDriftReport(input: DriftReportInput, options: BuildDriftReportOptions = {}): string {
  const { drift, files } = input;
  const psiOptions = input.psiOptions ?? { bins: 10, epsilon: 1e-4 };
  const { watch, refit } = STABILITY_BAND_LIMITS;
  const nameOf = new Map(drift.segments.shares.map((s) => [s.segment, s.name]));
  const label = (segment: number) => `${segment}: ${nameOf.get(segment) ?? `segment ${segment}`}`;
  const sections: string[] = [];

  sections.push(
    section(
      "Verdict",
      `<p style="font-size:1.15rem;border-left:6px solid ${BAND_COLORS[drift.verdict].bar};padding-left:.8rem"><b>${esc(drift.verdict)}</b> — ${esc(drift.explanation)}</p>` +
        `<table><tr><th>Model</th><td>${esc(files.model)}</td></tr>` +
        `<tr><th>Reference</th><td>${esc(files.reference)} (${fmtInt(drift.rows.reference)} customers)</td></tr>` +
        `<tr><th>Current</th><td>${esc(files.current)} (${fmtInt(drift.rows.current)} customers)</td></tr></table>` +
        `<p class="note">Population stability index (PSI) = Σ (current share − reference share) · ln(current share / reference share) over the reference's ${psiOptions.bins} quantile bins (numeric features) or the categories (categorical features, segment shares); shares below ${psiOptions.epsilon} count as ${psiOptions.epsilon}. Bands (Siddiqi, <i>Credit Risk Scorecards</i>, 2006): PSI &lt; ${watch} stable, ${watch}–${refit} watch, &gt; ${refit} refit.</p>`,
    ),
  );

  sections.push(
    section(
      "Stability per feature",
      figureHtml(
        psiBarsChart(
          [
            ...drift.features.map((f) => ({ name: f.name, psi: f.psi })),
            { name: "segment shares", psi: drift.segments.psi },
          ],
          { title: "PSI of each feature and of the segment shares" },
        ),
      ) +
        `<table><tr><th>Feature</th><th>kind</th><th>PSI</th><th>band</th></tr>${drift.features
          .map(
            (f) =>
              `<tr><td>${esc(f.name)}</td><td>${f.kind}</td><td class="num">${f.psi.toFixed(4)}</td><td>${f.band}</td></tr>`,
          )
          .join("")}</table>`,
    ),
  );

  sections.push(
    section(
      "Reference vs current distributions",
      drift.features
        .map((f) =>
          f.bins
            ? figureHtml(psiBinsChart(f.name, f.bins, f.psi))
            : figureHtml(
                shareComparisonChart(
                  f.categories!.map((c) => c.category),
                  f.categories!.map((c) => c.referenceCount / sum(f.categories!.map((x) => x.referenceCount))),
                  f.categories!.map((c) => c.currentCount / sum(f.categories!.map((x) => x.currentCount))),
                  { title: `${f.name}: PSI ${f.psi.toFixed(3)} over its categories`, xTitle: f.name },
                ),
              ),
        )
        .join("\n"),
    ),
  );

  const shares = drift.segments.shares;
  sections.push(
    section(
      "Segment shares",
      figureHtml(
        shareComparisonChart(
          shares.map((s) => label(s.segment)),
          shares.map((s) => s.referenceCount / drift.rows.reference),
          shares.map((s) => s.currentCount / drift.rows.current),
          {
            title: `Segment shares: PSI ${drift.segments.psi.toFixed(3)} (${drift.segments.band})`,
            xTitle: "segment",
            height: 420,
          },
        ),
      ) +
        `<table><tr><th>Segment</th><th>reference</th><th>share</th><th>current</th><th>share</th></tr>${shares
          .map(
            (s) =>
              `<tr><td>${esc(label(s.segment))}</td><td class="num">${fmtInt(s.referenceCount)}</td><td class="num">${pct(s.referenceCount / drift.rows.reference)}</td><td class="num">${fmtInt(s.currentCount)}</td><td class="num">${pct(s.currentCount / drift.rows.current)}</td></tr>`,
          )
          .join("")}</table>`,
    ),
  );

  const m = drift.migration;
  sections.push(
    section(
      "Migration",
      `<p>${fmtInt(m.matched)} customers are in both tables: ${fmtInt(m.stayed)} (${pct(m.matched ? m.stayed / m.matched : 0)}) kept their segment, ${fmtInt(m.matched - m.stayed)} moved. ` +
        `${fmtInt(sum(m.left))} reference customers are absent from the current table; ${fmtInt(sum(m.entered))} current customers are new.</p>` +
        figureHtml(
          migrationSankeyChart(m, {
            names: (s: number) => label(s),
            beforeLabel: "reference",
            afterLabel: "current",
            title: "Who moved where (customers in both tables, plus new and absent ones)",
          }),
        ),
    ),
  );

  return htmlPage(
    input.title ?? "Segment drift",
    `Made by <code>segment drift</code>: ${fmtInt(drift.rows.reference)} reference and ${fmtInt(drift.rows.current)} current customers.`,
    sections,
    options.plotlySource ?? readPlotly(),
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}
