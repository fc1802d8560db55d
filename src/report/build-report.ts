/**
 * The report of a segmentation as ONE self-contained HTML page that works offline: plotly.js embedded once,
 * then the data summary, the k-selection charts, the segment scatter (or PCA view), the profile table, the
 * radar chart, and each segment's name and recommendation.
 */
import { ArgumentError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { sampleIndices, seededRandom } from "../core/random";
import { clusters2dChart } from "../charts/clusters-2d";
import { elbowChart } from "../charts/elbow";
import type { Figure } from "../charts/figure";
import { indexCurvesChart } from "../charts/index-curves";
import { pcaBiplotChart } from "../charts/pca-biplot";
import { radarChart } from "../charts/radar";
import { voteChart } from "../charts/vote-chart";
import { zScoreBarsChart } from "../charts/report-z-bars";
import { baseLayout } from "../charts/figure";
import { NAMING_RULE, type SegmentName } from "../profile/name-segments";
import type { ProfileTable } from "../profile/profile-segments";
import type { SegmentRecommendation } from "../profile/recommend-segments";
import { pca } from "../reduce/pca";
import type { RulesFile } from "../rules/rules-file";
import { esc, figureHtml, htmlPage, readPlotly, section } from "./html-parts";
import { rulesSectionHtml } from "./report-rules";

/** Points drawn in the scatter views at most (a seeded sample beyond that keeps the page light). */
export const REPORT_MAX_POINTS = 5000;

/** The k-selection curves (per k of `ks`) and votes that the report charts. */
export interface KSelectionCurves {
  ks: number[];
  inertias: number[];
  silhouettes: number[];
  calinskiHarabasz: number[];
  daviesBouldin: number[];
  /** One vote per index that has an opinion. */
  votes: { index: string; k: number }[];
  /** Rows the candidates were fitted on. */
  sampleSize: number;
}

export interface ReportInput {
  title: string;
  input: {
    file: string;
    rowsRead: number;
    rowsUsed: number;
    missing: Record<string, number>;
    dropped: number;
    imputed: Record<string, number>;
  };
  features: string[];
  /** nSamples × nFeatures in original units. */
  X: Matrix;
  /** nSamples × nEncoded, the space the clustering ran in (scaled, one-hot). */
  scaled: Matrix;
  labels: number[];
  /** Displayed IDs (pseudonyms unless kept), for hover text. */
  ids: string[];
  profile: ProfileTable;
  names: SegmentName[];
  recommendations: SegmentRecommendation[];
  centroidsOriginal: Matrix;
  algorithm: string;
  scale: string;
  k: number;
  seed: number;
  kSelection?: KSelectionCurves;
  silhouette: { score: number; sampleSize: number } | null;
  /** The segments as rules (rules.json); null or absent: no rules section. */
  rules?: RulesFile | null;
}

export interface BuildReportOptions {
  /** plotly.min.js source to embed. @default read from node_modules/plotly.js-dist-min/plotly.min.js */
  plotlySource?: string;
}

/**
 * Build the HTML report.
 *
 * @param report - what the run computed (see {@link ReportInput}).
 * @param options - `plotlySource` (default: the installed plotly.js-dist-min).
 * @returns one HTML document; plotly.js appears in it exactly once, no external URL is loaded.
 * @throws {ArgumentError} when labels, X and ids disagree in length.
 */
export function buildReport(report: ReportInput, options: BuildReportOptions = {}): string {
  const n = report.X.length;
  if (report.labels.length !== n || report.ids.length !== n || report.scaled.length !== n) {
    throw new ArgumentError(
      `buildReport: X has ${n} rows, labels ${report.labels.length}, ids ${report.ids.length}, scaled ${report.scaled.length}`,
    );
  }
  const plotly = options.plotlySource ?? readPlotly();
  const nameOf = new Map(report.names.map((nm) => [nm.segment, nm.name]));
  const segmentNames = report.profile.segments.map((s) => nameOf.get(s.segment)!);
  const sections: string[] = [];

  sections.push(section("Data", summaryHtml(report)));

  if (report.kSelection) {
    const ks = report.kSelection;
    const knee = ks.votes.find((v) => v.index === "elbow")?.k;
    sections.push(
      section(
        "Choosing k",
        `<p>k-means was fitted for k = ${ks.ks[0]}…${ks.ks[ks.ks.length - 1]} on a seeded sample of ${fmtInt(ks.sampleSize)} rows; seven indices voted and k = <b>${report.k}</b> won (${ks.votes.map((v) => `${esc(v.index)}: ${v.k}`).join(", ")}).</p>` +
          figureHtml(elbowChart(ks.ks, ks.inertias, knee !== undefined ? { knee } : {})) +
          figureHtml(silhouetteByK(ks.ks, ks.silhouettes)) +
          figureHtml(indexCurvesChart(ks.ks, ks.daviesBouldin, ks.calinskiHarabasz)) +
          figureHtml(voteChart(ks.votes)),
      ),
    );
  }

  const shown =
    n > REPORT_MAX_POINTS
      ? Array.from(sampleIndices(seededRandom(report.seed), n, REPORT_MAX_POINTS)).sort((a, b) => a - b)
      : null;
  const pick = <T>(values: T[]): T[] => (shown ? shown.map((i) => values[i]!) : values);
  const sampleNote = shown
    ? `<p class="note">Showing a seeded sample of ${fmtInt(REPORT_MAX_POINTS)} of ${fmtInt(n)} customers.</p>`
    : "";
  let scatter: Figure;
  if (report.features.length === 1) {
    // One feature: its value against the segment number.
    scatter = clusters2dChart(pick(report.X.map((row, i) => [row[0]!, report.labels[i]!])), pick(report.labels), {
      title: "Segments",
      featureNames: [report.features[0]!, "segment"],
      clusterNames: report.profile.segments.map((s) => `${s.segment}: ${nameOf.get(s.segment)}`),
      hoverText: pick(report.ids),
    });
  } else if (report.features.length === 2) {
    scatter = clusters2dChart(pick(report.X), pick(report.labels), {
      title: "Segments",
      featureNames: [report.features[0]!, report.features[1]!],
      centroids: report.centroidsOriginal,
      clusterNames: report.profile.segments.map((s) => `${s.segment}: ${nameOf.get(s.segment)}`),
      hoverText: pick(report.ids),
    });
  } else {
    // PCA of the scaled numeric features of the shown customers (one-hot columns left out: their arrows would only clutter the view).
    const d = report.features.length;
    const view = pca(
      pick(report.scaled).map((row) => row.slice(0, d)),
      { components: 2 },
    );
    scatter = pcaBiplotChart(view.scores, view.components, report.features, {
      labels: pick(report.labels),
      explainedVarianceRatio: view.explainedVarianceRatio,
      title: "Segments on the first two principal components of the scaled features",
    });
    // Legend entries "cluster i" → "i: <segment name>".
    scatter = {
      ...scatter,
      data: scatter.data.map((trace) => {
        const m = /^cluster (\d+)$/.exec(String((trace as { name?: string }).name ?? ""));
        return m ? { ...trace, name: `${m[1]}: ${nameOf.get(Number(m[1]))}` } : trace;
      }),
    };
  }
  sections.push(section("Segments", sampleNote + figureHtml(scatter)));

  sections.push(
    section(
      "Profiles",
      `<p>Mean of each feature per segment, against the overall mean (z = difference in overall standard deviations). Names follow the rule: a feature is <i>high</i> when z ≥ ${NAMING_RULE.high}, <i>low</i> when z ≤ ${NAMING_RULE.low}, <i>mid</i> otherwise.</p>` +
        profileTableHtml(report.profile, nameOf) +
        figureHtml(
          zScoreBarsChart(
            report.profile.segments.map((s) => report.features.map((f) => s.features[f]!.zScore)),
            report.features,
            { segmentNames, segments: report.profile.segments.map((s) => s.segment), threshold: NAMING_RULE.high },
          ),
        ) +
        (report.features.length >= 3
          ? figureHtml(
              radarChart(
                report.profile.segments.map((s) => report.features.map((f) => s.features[f]!.mean)),
                report.features,
                { segmentNames, title: "Segment profiles (each feature scaled to the range of the segment means)" },
              ),
            )
          : `<p class="note">A radar chart needs three or more features; with ${report.features.length} the bars above show the profile.</p>`),
    ),
  );

  if (report.rules) sections.push(section("Segments as rules", rulesSectionHtml(report.rules, figureHtml, esc)));
  const ruleOf = (segment: number): string =>
    (report.rules?.rules ?? [])
      .filter((r) => r.segment === segment)
      .map((r) => `<p class="rule">Rule: <code>${esc(r.text)}</code></p>`)
      .join("");

  sections.push(
    section(
      "Segments and recommendations",
      report.recommendations
        .map(
          (r) =>
            `<div class="segment"><h3>Segment ${r.segment}: ${esc(r.name)}</h3>${ruleOf(r.segment)}<p>${esc(r.text)}</p></div>`,
        )
        .join("\n"),
    ),
  );

  return htmlPage(
    report.title,
    `Made by <code>segment run</code>: ${esc(report.algorithm)}, k = ${report.k}, ${esc(report.scale)} scaling, seed ${report.seed}.`,
    sections,
    plotly,
  );
}

function summaryHtml(r: ReportInput): string {
  const missing = Object.entries(r.input.missing);
  const rows: [string, string][] = [
    ["File", esc(r.input.file)],
    ["Rows read", fmtInt(r.input.rowsRead)],
    ["Rows segmented", fmtInt(r.input.rowsUsed)],
    ["Missing values", missing.length === 0 ? "none" : missing.map(([c, m]) => `${esc(c)}: ${m}`).join(", ")],
    ["Rows dropped", fmtInt(r.input.dropped)],
    [
      "Values imputed (median)",
      Object.keys(r.input.imputed).length === 0
        ? "none"
        : Object.entries(r.input.imputed)
            .map(([c, m]) => `${esc(c)}: ${m}`)
            .join(", "),
    ],
    ["Features", r.features.map(esc).join(", ")],
    [
      "Silhouette",
      r.silhouette
        ? `${r.silhouette.score.toFixed(3)} (seeded sample of ${fmtInt(r.silhouette.sampleSize)} rows)`
        : "n/a",
    ],
  ];
  const stats = r.features
    .map((f) => {
      const o = r.profile.overall[f]!;
      return `<tr><td>${esc(f)}</td><td class="num">${fmt(o.mean)}</td><td class="num">${fmt(o.median)}</td><td class="num">${fmt(o.std)}</td></tr>`;
    })
    .join("");
  return (
    `<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table>` +
    `<table><tr><th>Feature</th><th>mean</th><th>median</th><th>std</th></tr>${stats}</table>`
  );
}

function profileTableHtml(p: ProfileTable, nameOf: Map<number, string>): string {
  const head = ["Segment", "Name", "Size", "Share", ...p.featureNames.flatMap((f) => [`${f} mean`, "z"])];
  for (const c of p.categoricalNames) for (const v of Object.keys(p.overallCategorical[c]!)) head.push(`${c} = ${v}`);
  const body = p.segments.map((s) => {
    const cells = [
      `<td class="num">${s.segment}</td>`,
      `<td>${esc(nameOf.get(s.segment)!)}</td>`,
      `<td class="num">${fmtInt(s.size)}</td>`,
      `<td class="num">${(s.share * 100).toFixed(1)}%</td>`,
      ...p.featureNames.flatMap((f) => [
        `<td class="num">${fmt(s.features[f]!.mean)}</td>`,
        `<td class="num">${signed(s.features[f]!.zScore)}</td>`,
      ]),
    ];
    for (const c of p.categoricalNames)
      for (const v of Object.keys(p.overallCategorical[c]!))
        cells.push(
          `<td class="num">${((Object.hasOwn(s.categorical[c]!, v) ? s.categorical[c]![v]! : 0) * 100).toFixed(0)}%</td>`,
        );
    return `<tr>${cells.join("")}</tr>`;
  });
  const overall = [
    `<td></td><td><i>all customers</i></td><td class="num">${fmtInt(p.nSamples)}</td><td class="num">100%</td>`,
    ...p.featureNames.map((f) => `<td class="num">${fmt(p.overall[f]!.mean)}</td><td></td>`),
  ];
  for (const c of p.categoricalNames)
    for (const v of Object.keys(p.overallCategorical[c]!))
      overall.push(`<td class="num">${(p.overallCategorical[c]![v]! * 100).toFixed(0)}%</td>`);
  return `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>${body.join("")}<tr>${overall.join("")}</tr></table>`;
}

/** Mean silhouette by k (a line; the silhouette-plot builder draws per-sample knives, which need every sample). */
function silhouetteByK(ks: number[], silhouettes: number[]): Figure {
  const best = silhouettes.indexOf(Math.max(...silhouettes));
  return {
    data: [
      {
        type: "scatter",
        mode: "lines+markers",
        name: "mean silhouette",
        x: ks,
        y: silhouettes,
        line: { color: "#00cc96" },
      },
      {
        type: "scatter",
        mode: "markers",
        name: `best: k = ${ks[best]}`,
        x: [ks[best]!],
        y: [silhouettes[best]!],
        marker: { color: "#00cc96", size: 16, symbol: "circle-open", line: { width: 3 } },
      },
    ],
    layout: baseLayout("Mean silhouette by k (higher is better)", {
      height: 380,
      xaxis: { title: { text: "k (number of clusters)" }, dtick: 1 },
      yaxis: { title: { text: "mean silhouette" } },
    }),
  };
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function signed(z: number): string {
  return (z >= 0 ? "+" : "−") + Math.abs(z).toFixed(2);
}

function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}
