/**
 * `segment run`: read customers, scale, choose k, cluster, profile, name, and write segments.csv,
 * profiles.csv, model.json and report.html into the output folder, all or nothing.
 */
import { ArgumentError, DataError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { silhouetteScore } from "../evaluate/silhouette";
import { scaleFeatures } from "../preprocess/scale-features";
import type { ScalerMethod } from "../preprocess/scaler";
import { nameSegments, type SegmentName } from "../profile/name-segments";
import { profileSegments, type ProfileTable } from "../profile/profile-segments";
import { pseudonymiseIds } from "../profile/pseudonymise-ids";
import { recommendSegments, type SegmentRecommendation } from "../profile/recommend-segments";
import { toCsv } from "../profile/to-csv";
import { buildReport } from "../report/build-report";
import type { Delimiter } from "../data/read-csv";
import { readCustomerTable, type CustomerTable, type ImputeMethod } from "../data/customer-table";
import type { InputEncoding } from "../io/read-input";
import { planOutputDir } from "../io/output-place";
import { writeOutputDir, type FileContent } from "../io/output-writer";
import {
  buildSegmentModel,
  encodedFeatureNames,
  encodeRows,
  serialiseModel,
  type Algorithm,
  type CategoricalEncoding,
  type ModelScaler,
} from "../model/segment-model";
import { Progress } from "./progress";
import { fitSegments } from "./fit-segments";
import { checkDegenerate } from "../data/check-degenerate";
import { selectK, type KSelection } from "./select-k";
import { explainRun, rulesColumns, ruleTextOf, type RulesFile } from "../rules/rules-file";

/** The defaults reproduce the canonical Mall Customers analysis. */
export const RUN_DEFAULTS = {
  id: "CustomerID",
  features: ["Annual Income (k$)", "Spending Score (1-100)"],
  k: "auto" as number | "auto",
  algorithm: "kmeans" as Algorithm,
  scale: "standard" as ScalerMethod | "none",
  seed: 42,
  impute: "none" as ImputeMethod,
};

/** The files `segment run` writes into its output folder. */
export const RUN_FILES = ["segments.csv", "profiles.csv", "model.json", "rules.json", "report.html"] as const;

/** Agglomerative clustering costs O(n²) memory and O(n³) time: refused above this many rows. */
export const AGGLOMERATIVE_MAX_ROWS = 2000;
/** Silhouette of the final segmentation on a seeded sample of at most this many rows. */
export const SILHOUETTE_SAMPLE = 5000;

export interface RunOptions {
  input: string;
  out: string;
  id?: string;
  features?: string[];
  categorical?: string[];
  k?: number | "auto";
  algorithm?: Algorithm;
  scale?: ScalerMethod | "none";
  seed?: number;
  impute?: ImputeMethod;
  delimiter?: Delimiter;
  /** The input's text encoding. @default "utf-8" (invalid UTF-8 is refused with its byte offset) */
  encoding?: InputEncoding;
  keepIds?: boolean;
  /** Key of the ID pseudonyms. @default `mall-segments:<seed>` (or $SEGMENT_ID_KEY) */
  idKey?: string;
  progress?: Progress;
  /** The package version written into model.json. */
  version?: string;
}

/** What `--json` prints. */
export interface RunSummary {
  input: string;
  out: string;
  rowsRead: number;
  rowsUsed: number;
  missing: Record<string, number>;
  dropped: number;
  imputed: Record<string, number>;
  features: string[];
  categorical: string[];
  algorithm: Algorithm;
  scale: string;
  k: number;
  kSelection?: { votes: { index: string; k: number }[]; sampleSize: number; ks: number[]; silhouettes: number[] };
  silhouette: { score: number; sampleSize: number } | null;
  idsPseudonymised: boolean;
  /** The segments as rules (rules.json): IMM fidelity, misplaced customers and leaves; null when not written. */
  rules: { fidelity: number; mistakes: number; leaves: number } | null;
  segments: { segment: number; name: string; size: number; share: number }[];
  files: string[];
  seconds: number;
}

/** Run a segmentation end to end; returns the summary. @throws {DataError | ArgumentError} on bad input (nothing is written). */
export function runSegmentation(options: RunOptions): RunSummary {
  const t0 = Date.now();
  const o = { ...RUN_DEFAULTS, ...stripUndefined(options), input: options.input, out: options.out };
  const progress = options.progress ?? new Progress({ enabled: false });
  const categoricalNames = o.categorical ?? [];
  checkSpec(o.id, o.features, categoricalNames);
  planOutputDir(o.out, RUN_FILES, { inputs: [o.input] });

  const table = progress.step("read CSV", () =>
    readCustomerTable(o.input, {
      id: o.id,
      features: o.features,
      categorical: categoricalNames,
      impute: o.impute,
      delimiter: o.delimiter ?? "auto",
      encoding: o.encoding ?? "utf-8",
    }),
  );
  const n = table.X.length;
  checkConstantFeatures(table, o.features);
  if (o.k !== "auto" && n < o.k) throw new DataError(`${n} rows, fewer than k=${o.k} segments`, { file: o.input });
  if (o.k === "auto" && n < 3) throw new DataError(`${n} rows: --k auto needs at least 3`, { file: o.input });
  if (o.algorithm === "agglomerative" && n > AGGLOMERATIVE_MAX_ROWS) {
    throw new ArgumentError(
      `run: --algorithm agglomerative handles at most ${AGGLOMERATIVE_MAX_ROWS} rows (O(n³) time: about 1.6 s at 800 rows), the file has ${n}; use kmeans or gmm`,
    );
  }

  // Scale the numeric features, one-hot encode the categorical ones.
  const scaler = fitScaler(table.X, o.scale);
  const overflowing = scaler.center.findIndex((c, j) => !Number.isFinite(c) || !Number.isFinite(scaler.scale[j]!));
  if (overflowing >= 0) {
    throw new DataError(
      "values too large: the column's mean or spread overflows a double (near ±1.8e308); rescale it (e.g. to thousands)",
      { file: o.input, column: o.features[overflowing] },
    );
  }
  const encoding: CategoricalEncoding[] = categoricalNames.map((column) => ({
    column,
    levels: [...new Set(table.categorical[column]!)].sort(),
  }));
  const encoded = encodeRows({ scaler, categorical: encoding }, table.X, table.categorical);
  const encodedFeatures = encodedFeatureNames(o.features, encoding);

  const distinct = checkDegenerate(encoded, { file: o.input, k: o.k, columns: encodedFeatures });

  let kSelection: KSelection | undefined;
  let k: number;
  if (o.k === "auto") {
    if (distinct < 3)
      throw new DataError(
        `only ${distinct} distinct rows (after scaling): --k auto needs at least 3 to compare k = 2..10; give --k 2 or fewer segments`,
        { file: o.input },
      );
    kSelection = progress.step("choose k (7-index vote, k = 2..10)", () => selectK(encoded, { seed: o.seed }));
    k = kSelection.k;
  } else k = o.k;

  const fit = progress.step(`${o.algorithm} k=${k}`, (tick) => fitSegments(encoded, k, o.algorithm, o.seed, tick));
  const labels = fit.labels;

  const silhouetteSize = Math.min(SILHOUETTE_SAMPLE, n);
  const silhouette =
    new Set(labels).size >= 2 && new Set(labels).size < silhouetteSize
      ? {
          score: silhouetteScore(encoded, labels, { sampleSize: silhouetteSize, seed: o.seed }),
          sampleSize: silhouetteSize,
        }
      : null;

  const profile = progress.step("profile segments", () =>
    profileSegments(table.X, labels, o.features, { categorical: table.categorical }),
  );
  const names = nameSegments(profile);
  const recommendations = recommendSegments(profile, names);

  const key = options.idKey ?? (process.env.SEGMENT_ID_KEY || undefined) ?? `mall-segments:${o.seed}`;
  const outIds = o.keepIds ? table.ids : progress.step("pseudonymise IDs", () => pseudonymiseIds(table.ids, { key }));
  const model = buildSegmentModel({
    algorithm: o.algorithm,
    k,
    seed: o.seed,
    idColumn: o.id,
    features: o.features,
    categorical: encoding,
    scaler,
    imputeValues: table.imputeValues,
    centroids: fit.centroids,
    ...(fit.gmm ? { gmm: fit.gmm } : {}),
    segments: profile.segments.map((s, i) => ({ segment: s.segment, name: names[i]!.name, size: s.size })),
    version: options.version ?? "0.0.0",
  });

  const nameOf = new Map(names.map((nm) => [nm.segment, nm.name]));
  const rules = progress.step("explain segments as rules", () =>
    explainRun(rulesColumns(table.X, encoded), labels, model.centroidsOriginal, encodedFeatures, nameOf),
  );
  const idHeader = o.keepIds ? o.id : `${o.id} (pseudonym)`;
  const files = progress.step("write outputs", () => {
    const out: Record<string, FileContent> = {
      "segments.csv": csvChunks(outIds, labels, nameOf, [idHeader, "segment", "segment_name"]),
      "profiles.csv": profilesCsv(profile, names, recommendations, rules),
      "model.json": serialiseModel(model),
      ...(rules ? { "rules.json": JSON.stringify(rules, null, 2) + "\n" } : {}),
    };
    out["report.html"] = buildReport({
      title: `Customer segments of ${baseName(o.input)}`,
      input: {
        file: baseName(o.input),
        rowsRead: table.rowsRead,
        rowsUsed: n,
        missing: table.missing,
        dropped: table.dropped,
        imputed: table.imputed,
      },
      features: o.features,
      X: table.X,
      scaled: encoded,
      labels,
      ids: outIds,
      profile,
      names,
      recommendations,
      centroidsOriginal: model.centroidsOriginal,
      algorithm: o.algorithm,
      scale: o.scale,
      k,
      seed: o.seed,
      kSelection,
      silhouette,
      rules,
    });
    writeOutputDir(o.out, out, { inputs: [o.input], command: "segment run" });
    return Object.keys(out);
  });

  return {
    input: o.input,
    out: o.out,
    rowsRead: table.rowsRead,
    rowsUsed: n,
    missing: table.missing,
    dropped: table.dropped,
    imputed: table.imputed,
    features: o.features,
    categorical: categoricalNames,
    algorithm: o.algorithm,
    scale: o.scale,
    k,
    ...(kSelection
      ? {
          kSelection: {
            votes: kSelection.votes,
            sampleSize: kSelection.sampleSize,
            ks: kSelection.ks,
            silhouettes: kSelection.silhouettes,
          },
        }
      : {}),
    silhouette,
    idsPseudonymised: !o.keepIds,
    rules: rules ? { fidelity: rules.fidelity, mistakes: rules.mistakes, leaves: rules.rules.length } : null,
    segments: profile.segments.map((s, i) => ({
      segment: s.segment,
      name: names[i]!.name,
      size: s.size,
      share: s.share,
    })),
    files,
    seconds: (Date.now() - t0) / 1000,
  };
}

function fitScaler(X: Matrix, method: ScalerMethod | "none"): ModelScaler {
  if (method === "none") return { method, center: X[0]!.map(() => 0), scale: X[0]!.map(() => 1) };
  const { center, scale } = scaleFeatures(X, method);
  return { method, center, scale };
}

function checkSpec(id: string, features: string[], categorical: string[]): void {
  if (features.length === 0) throw new ArgumentError("run: --features names no column");
  const all = [id, ...features, ...categorical];
  const repeated = all.find((c, i) => all.indexOf(c) !== i);
  if (repeated !== undefined)
    throw new ArgumentError(`run: column "${repeated}" is named twice among --id, --features and --categorical`);
}

function checkConstantFeatures(table: CustomerTable, features: string[]): void {
  features.forEach((name, j) => {
    const first = table.X[0]![j]!;
    if (table.X.length > 1 && table.X.every((row) => row[j] === first)) {
      throw new DataError(
        `constant feature: every value is ${first}, it cannot separate segments (leave it out of --features)`,
        {
          file: table.file,
          column: name,
        },
      );
    }
  });
}

function profilesCsv(
  profile: ProfileTable,
  names: SegmentName[],
  recs: SegmentRecommendation[],
  rules: RulesFile | null,
): string {
  const columns = ["segment", "name", "size", "share"];
  // profile.overallCategorical has null prototypes: Object.keys lists user levels such as "__proto__" as ordinary keys.
  for (const f of profile.featureNames) columns.push(`${f} mean`, `${f} median`, `${f} overall mean`, `${f} z`);
  for (const c of profile.categoricalNames)
    for (const v of Object.keys(profile.overallCategorical[c]!)) columns.push(`${c}=${v} share`);
  if (rules) columns.push("rule");
  columns.push("recommendation");
  const rows = profile.segments.map((s, i) => {
    const row: (string | number)[] = [s.segment, names[i]!.name, s.size, round(s.share, 4)];
    for (const f of profile.featureNames) {
      const p = s.features[f]!;
      row.push(round(p.mean, 4), round(p.median, 4), round(p.overallMean, 4), round(p.zScore, 4));
    }
    for (const c of profile.categoricalNames)
      for (const v of Object.keys(profile.overallCategorical[c]!))
        row.push(round(Object.hasOwn(s.categorical[c]!, v) ? s.categorical[c]![v]! : 0, 4));
    if (rules) row.push(ruleTextOf(rules, s.segment));
    row.push(recs[i]!.text);
    return row;
  });
  return toCsv(rows, columns, { formulaSafe: true });
}

/** segments.csv as chunks of about 10,000 rows (RFC 4180 quoting per cell). */
export function* csvChunks(
  ids: string[],
  labels: number[],
  nameOf: Map<number, string>,
  header: string[],
): Generator<string> {
  yield toCsv([], header, { formulaSafe: true });
  const rowsPerChunk = 10_000;
  for (let start = 0; start < ids.length; start += rowsPerChunk) {
    const rows: [string, number, string][] = [];
    for (let i = start; i < Math.min(ids.length, start + rowsPerChunk); i++)
      rows.push([ids[i]!, labels[i]!, nameOf.get(labels[i]!)!]);
    yield toCsv(rows, header, { header: false, formulaSafe: true });
  }
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
