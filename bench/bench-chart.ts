/**
 * The bench chart: ours vs scikit-learn k-means time per iteration as n grows, one line per implementation and
 * data shape, log–log, built as a plain Plotly figure (pure: rows in, figure out).
 */
import type { Figure } from "../src/charts/figure";
import { baseLayout } from "../src/charts/figure";

export interface BenchRow {
  bench: string;
  impl: string;
  medianMs: number;
  peakMb: number;
  note?: string;
  blas?: string;
}

const PER_ITERATION = /^kmeans per iteration 1e(\d+)x\d+ k=\d+ (\w+)$/;
const IMPLS = ["ours", "sklearn", "ml-kmeans"];
const COLORS: Record<string, string> = { ours: "#1f77b4", sklearn: "#ff7f0e", "ml-kmeans": "#7f7f7f" };

/** Lines of k-means ms per iteration against n, for each implementation × shape found in `rows`. */
export function kmeansScalingChart(rows: BenchRow[]): Figure {
  const series = new Map<string, { x: number[]; y: number[]; impl: string; shape: string }>();
  for (const row of rows) {
    const match = PER_ITERATION.exec(row.bench);
    if (!match || !IMPLS.includes(row.impl)) continue;
    const [n, shape] = [10 ** Number(match[1]), match[2]!];
    const key = `${row.impl} ${shape}`;
    const s = series.get(key) ?? { x: [], y: [], impl: row.impl, shape };
    s.x.push(n);
    s.y.push(row.medianMs);
    series.set(key, s);
  }
  return {
    data: [...series.entries()].map(([name, s]) => ({
      type: "scatter",
      mode: "lines+markers",
      name,
      x: s.x,
      y: s.y,
      line: { color: COLORS[s.impl], dash: s.shape === "blobs" ? "dash" : "solid" },
      hovertemplate: `${name}<br>n = %{x:,}<br>%{y:.3f} ms per iteration<extra></extra>`,
    })),
    layout: baseLayout("k-means time per Lloyd iteration as n grows (4 features, k = 5)", {
      xaxis: { type: "log", title: { text: "rows n" }, automargin: true },
      yaxis: { type: "log", title: { text: "ms per iteration (median)" }, automargin: true },
      height: 480,
    }),
  };
}
