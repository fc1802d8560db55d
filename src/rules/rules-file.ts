/**
 * rules.json of a `segment run`: the segments explained as an IMM threshold tree in original units (one leaf
 * per segment), its rules in words, its fidelity, and the fidelity of CART surrogate trees with k and 2k
 * leaves for comparison. Read back by `segment sql --rules`.
 */
import fs from "node:fs";
import { ArgumentError, DataError } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { explainSegments, type SegmentExplanation } from "./explain-segments";
import { checkTree, type RuleTree } from "./tree";

export const RULES_FORMAT = "mall-segments/segment-rules";
export const RULES_VERSION = 1;

/** One leaf's rule as rules.json stores it: conditions name their column. */
export interface RulesFileRule {
  segment: number;
  name: string;
  leaf: number;
  text: string;
  count: number;
  purity: number;
  conditions: { feature: string; column: number; op: "<=" | ">"; threshold: number }[];
}

export interface RulesFile {
  format: typeof RULES_FORMAT;
  version: number;
  method: "imm";
  /** The columns the tree cuts, by index: numeric features in original units, then `column=level` one-hot columns (0/1). */
  features: string[];
  tree: RuleTree;
  rules: RulesFileRule[];
  /** Share of the training customers the rules put in their own segment. */
  fidelity: number;
  /** Customers the rules put in another segment. */
  mistakes: number;
  /** CART surrogate trees of the same segments, for comparison. */
  cart: { leaves: number; fidelity: number }[];
}

/**
 * Explain a run's segments as rules. Returns null (and no rules.json is written) when there are fewer than two
 * segments with rows, or two segment centres coincide so that no cut separates them.
 *
 * @param X - nSamples × (numeric features in original units, then one-hot columns).
 * @param labels - the run's segment of each row.
 * @param centroids - k × the same columns: the segment centres in original units.
 * @param features - the column names of X.
 * @param names - segment number → name.
 */
export function explainRun(
  X: Matrix,
  labels: number[],
  centroids: Matrix,
  features: string[],
  names: Map<number, string>,
): RulesFile | null {
  const k = centroids.length;
  if (k < 2 || new Set(labels).size < 2) return null;
  let imm: SegmentExplanation;
  try {
    imm = explainSegments(X, labels, { centroids, featureNames: features });
  } catch (err) {
    if (err instanceof ArgumentError && /coincide/.test(err.message)) return null;
    throw err;
  }
  const cart = explainSegments(X, labels, { method: "cart", maxLeaves: 2 * k, featureNames: features });
  const byLeaves = new Map((cart.fidelityByLeaves ?? []).map((p) => [p.leaves, p.fidelity]));
  return {
    format: RULES_FORMAT,
    version: RULES_VERSION,
    method: "imm",
    features,
    tree: imm.tree,
    rules: imm.rules.map((r) => ({
      segment: r.segment,
      name: names.get(r.segment) ?? `segment ${r.segment}`,
      leaf: r.leaf,
      text: r.text,
      count: r.count,
      purity: r.purity,
      conditions: r.conditions.map((c) => ({
        feature: features[c.feature]!,
        column: c.feature,
        op: c.op,
        threshold: c.threshold,
      })),
    })),
    fidelity: imm.fidelity,
    mistakes: imm.mistakes,
    cart: [k, 2 * k].filter((l) => byLeaves.has(l)).map((leaves) => ({ leaves, fidelity: byLeaves.get(leaves)! })),
  };
}

/**
 * Read a rules.json written by `segment run`.
 * @param file - its path.
 * @param nColumns - the columns of the matching model (features plus one-hot levels).
 * @throws {DataError} when the file is missing, not JSON, not a rules file of a known version, or its tree
 *   does not fit the model.
 */
export function readRulesFile(file: string, nColumns: number): RulesFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new DataError("no rules file here (`segment run` writes rules.json next to model.json)", { file });
  }
  let json: Partial<RulesFile>;
  try {
    json = JSON.parse(text) as Partial<RulesFile>;
  } catch {
    throw new DataError("not a JSON file (expected a rules.json written by `segment run`)", { file });
  }
  if (json?.format !== RULES_FORMAT)
    throw new DataError(`not a rules file (format is not "${RULES_FORMAT}")`, { file });
  if (json.version !== RULES_VERSION)
    throw new DataError(`rules version ${json.version} is not supported (this tool reads version ${RULES_VERSION})`, {
      file,
    });
  if (!Array.isArray(json.features) || json.features.length !== nColumns) {
    throw new DataError(
      `rules.json has ${json.features?.length} columns, the model ${nColumns}: they come from different runs`,
      { file },
    );
  }
  try {
    checkTree(json.tree as RuleTree, nColumns, "rules.json");
  } catch (err) {
    throw new DataError(`the tree is invalid: ${(err as Error).message}`, { file });
  }
  return json as RulesFile;
}

/** The rows the rules cut: numeric features in original units, then the one-hot columns of the encoded rows. Assumes validated input. */
export function rulesColumns(X: Matrix, encoded: Matrix): Matrix {
  const d = X[0]?.length ?? 0;
  return X.map((row, i) => (encoded[i]!.length > d ? [...row, ...encoded[i]!.slice(d)] : row));
}

/** A segment's rule in words for its profile: "Annual Income (k$) > 69.5 and …", several leaves joined by " or ". */
export function ruleTextOf(rules: RulesFile | null, segment: number): string {
  if (!rules) return "";
  const texts = rules.rules.filter((r) => r.segment === segment).map((r) => r.text);
  return texts.length > 1 ? texts.map((t) => `(${t})`).join(" or ") : (texts[0] ?? "");
}
