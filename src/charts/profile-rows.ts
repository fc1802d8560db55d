import type { ProfileTable } from "../profile/profile-segments";

export interface ProfileRowsOptions {
  /** Name of each segment, in the profile's order (a "segment name" column). @default none */
  names?: readonly string[];
  /** Append an "all customers" row with the overall figures. @default true */
  overall?: boolean;
}

/**
 * The profile table as flat rows for {@link htmlTable} or a CSV: per segment its size and share, for
 * each feature the mean, the median and the difference of the mean from the overall mean, and the
 * share of each category (e.g. `Gender: Female %`).
 *
 * @param profile - from `profileSegments`.
 * @param options - `names`, `overall`; see {@link ProfileRowsOptions}.
 * @returns one row per segment (plus the overall row), numbers unrounded, shares in percent.
 * @example
 * profileRows(profileSegments([[1], [3], [10]], [0, 0, 1], ["x"]))[0];
 * // => { segment: 0, size: 2, "share %": 66.66…, "x mean": 2, "x median": 2, "x vs overall": -2.66… }
 */
export function profileRows(
  profile: ProfileTable,
  options: ProfileRowsOptions = {},
): Record<string, string | number>[] {
  const withOverall = options.overall ?? true;
  const rows: Record<string, string | number>[] = profile.segments.map((s, i) => {
    const row: Record<string, string | number> = { segment: s.segment };
    if (options.names) row["segment name"] = options.names[i] ?? "";
    row.size = s.size;
    row["share %"] = 100 * s.share;
    for (const f of profile.featureNames) {
      const p = s.features[f]!;
      row[`${f} mean`] = p.mean;
      row[`${f} median`] = p.median;
      row[`${f} vs overall`] = p.difference;
    }
    for (const c of profile.categoricalNames) {
      for (const value of Object.keys(profile.overallCategorical[c] ?? {}).sort())
        row[`${c}: ${value} %`] = 100 * (s.categorical[c]?.[value] ?? 0);
    }
    return row;
  });
  if (withOverall) {
    const row: Record<string, string | number> = { segment: "all" };
    if (options.names) row["segment name"] = "all customers";
    row.size = profile.nSamples;
    row["share %"] = 100;
    for (const f of profile.featureNames) {
      row[`${f} mean`] = profile.overall[f]!.mean;
      row[`${f} median`] = profile.overall[f]!.median;
      row[`${f} vs overall`] = 0;
    }
    for (const c of profile.categoricalNames) {
      for (const value of Object.keys(profile.overallCategorical[c] ?? {}).sort())
        row[`${c}: ${value} %`] = 100 * profile.overallCategorical[c]![value]!;
    }
    rows.push(row);
  }
  return rows;
}
