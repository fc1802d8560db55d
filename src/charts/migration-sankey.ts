import type { SegmentMigration } from "../track/migration";
import { baseLayout, palette, type Figure } from "./figure";

export interface MigrationSankeyOptions<L extends string | number> {
  /** Display name of each segment. @default the label itself */
  names?: ReadonlyMap<L, string> | ((segment: L) => string);
  /** @default "Segment migration" */
  title?: string;
  /** @default "before" */
  beforeLabel?: string;
  /** @default "after" */
  afterLabel?: string;
  /** @default 520 */
  height?: number;
}

/**
 * A Sankey diagram of a segment migration: segments before on the left, after on the right, one link per
 * (before, after) pair with customers in both, plus the customers who left (to a "left" node) and entered (from a
 * "new" node). Link width = customers.
 *
 * @param migration - the result of `segmentMigration`.
 * @param options - see {@link MigrationSankeyOptions}.
 * @returns a Figure with one sankey trace.
 * @example migrationSankeyChart(segmentMigration(before, after)).data[0].type // => "sankey"
 */
export function migrationSankeyChart<L extends string | number>(
  migration: SegmentMigration<L>,
  options: MigrationSankeyOptions<L> = {},
): Figure {
  const { title = "Segment migration", beforeLabel = "before", afterLabel = "after", height = 520 } = options;
  const nameOf = (s: L): string => {
    const names = options.names;
    if (typeof names === "function") return names(s);
    return names?.get(s) ?? String(s);
  };
  const k = migration.segments.length;
  const labels = [
    ...migration.segments.map((s) => `${nameOf(s)} (${beforeLabel})`),
    ...migration.segments.map((s) => `${nameOf(s)} (${afterLabel})`),
    `new customers (not ${beforeLabel})`,
    `left (not ${afterLabel})`,
  ];
  const colors = [
    ...migration.segments.map((_, i) => palette[i % palette.length]!),
    ...migration.segments.map((_, i) => palette[i % palette.length]!),
    "#bdbdbd",
    "#bdbdbd",
  ];
  const source: number[] = [];
  const target: number[] = [];
  const value: number[] = [];
  const linkColor: string[] = [];
  const link = (from: number, to: number, n: number, color: string) => {
    if (n <= 0) return;
    source.push(from);
    target.push(to);
    value.push(n);
    linkColor.push(color);
  };
  migration.counts.forEach((row, i) => row.forEach((n, j) => link(i, k + j, n, fade(palette[i % palette.length]!))));
  migration.entered.forEach((n, j) => link(2 * k, k + j, n, "rgba(160,160,160,0.35)"));
  migration.left.forEach((n, i) => link(i, 2 * k + 1, n, "rgba(160,160,160,0.35)"));
  return {
    data: [
      {
        type: "sankey",
        arrangement: "snap",
        node: { label: labels, color: colors, pad: 12, thickness: 16 },
        link: { source, target, value, color: linkColor },
      } as Figure["data"][number],
    ],
    layout: baseLayout(title, { height, margin: { l: 20, r: 20, t: 60, b: 20 } }),
  };
}

/** A palette colour as a translucent rgba for links. */
function fade(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},0.4)`;
}
