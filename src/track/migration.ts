import { ArgumentError } from "../core/errors";

/** Segment labels of customers at one point in time: ids[i] is in segment labels[i]. */
export interface SegmentSnapshot<L extends string | number = number> {
  ids: readonly string[];
  labels: readonly L[];
}

export interface SegmentMigration<L extends string | number = number> {
  /** Every label seen before or after, sorted (numbers ascending, text by code point); the rows and columns of `counts`. */
  segments: L[];
  /** counts[i][j] = customers in both snapshots that were in segments[i] before and are in segments[j] after. */
  counts: number[][];
  /** left[i] = customers of segments[i] before who are absent after. */
  left: number[];
  /** entered[j] = customers of segments[j] after who were absent before. */
  entered: number[];
  /** Customers present in both snapshots. */
  matched: number;
  /** Matched customers whose segment did not change (the diagonal of counts). */
  stayed: number;
}

/**
 * Who moved where between two segmentations of (partly) the same customers: the before × after counts for IDs
 * present in both (a crosstab, `pd.crosstab(before, after)` on the inner join by ID), and per segment how many
 * customers left (in before only) and entered (in after only).
 *
 * @param before - IDs (unique) and their labels at the first date.
 * @param after - IDs (unique) and their labels at the second date.
 * @returns segments, counts (segments × segments), left, entered, matched and stayed.
 * @throws {ArgumentError} when ids and labels differ in length or an ID repeats.
 * @example
 * const m = segmentMigration({ ids: ["a", "b", "c"], labels: [0, 0, 1] }, { ids: ["a", "b", "d"], labels: [0, 1, 1] });
 * m.counts;  // => [[1, 1], [0, 0]]
 * m.left;    // => [0, 1]   ("c" left segment 1)
 * m.entered; // => [0, 1]   ("d" entered segment 1)
 */
export function segmentMigration<L extends string | number>(
  before: SegmentSnapshot<L>,
  after: SegmentSnapshot<L>,
): SegmentMigration<L> {
  checkLengths(before, "before");
  checkLengths(after, "after");
  const segments = [...new Set<L>(before.labels), ...new Set<L>(after.labels)]
    .filter((s, i, all) => all.indexOf(s) === i)
    .sort(compareLabels);
  const index = new Map<L, number>(segments.map((s, i) => [s, i]));
  const k = segments.length;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const left = new Array<number>(k).fill(0);
  const entered = new Array<number>(k).fill(0);
  // One hash map, of the IDs before (ID → row); the IDs after are looked up in it.
  const rowBefore = new Map<string, number>();
  before.ids.forEach((id, i) => {
    if (rowBefore.has(id))
      throw new ArgumentError(`segmentMigration: before.ids[${i}]=${JSON.stringify(id)} repeats an earlier ID`);
    rowBefore.set(id, i);
  });
  const matchedBefore = new Uint8Array(before.ids.length);
  const newIds = new Set<string>();
  let matched = 0;
  let stayed = 0;
  after.ids.forEach((id, j) => {
    const i = rowBefore.get(id);
    const to = index.get(after.labels[j]!)!;
    if (i === undefined) {
      if (newIds.has(id))
        throw new ArgumentError(`segmentMigration: after.ids[${j}]=${JSON.stringify(id)} repeats an earlier ID`);
      newIds.add(id);
      entered[to]! += 1;
      return;
    }
    if (matchedBefore[i])
      throw new ArgumentError(`segmentMigration: after.ids[${j}]=${JSON.stringify(id)} repeats an earlier ID`);
    matchedBefore[i] = 1;
    const from = index.get(before.labels[i]!)!;
    counts[from]![to]! += 1;
    matched += 1;
    if (from === to) stayed += 1;
  });
  before.labels.forEach((label, i) => {
    if (!matchedBefore[i]) left[index.get(label)!]! += 1;
  });
  return { segments, counts, left, entered, matched, stayed };
}

function checkLengths<L extends string | number>(snapshot: SegmentSnapshot<L>, name: string): void {
  if (snapshot.ids.length !== snapshot.labels.length) {
    throw new ArgumentError(
      `segmentMigration: ${name} has ${snapshot.ids.length} ids and ${snapshot.labels.length} labels`,
    );
  }
}

function compareLabels<L extends string | number>(a: L, b: L): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
