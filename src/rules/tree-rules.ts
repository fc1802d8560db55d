/**
 * From a rule tree to rules in words: one rule per leaf, the path's cuts merged into one interval per feature
 * ("40.5 < Annual Income (k$) <= 69.5"), with the leaf's size and purity.
 */
import { isLeaf, type RuleTree } from "./tree";

/** One condition of a rule: `x[feature] <= threshold` or `x[feature] > threshold`. */
export interface RuleCondition {
  feature: number;
  op: "<=" | ">";
  threshold: number;
}

/** The rule of one leaf. */
export interface SegmentRule {
  /** The segment the leaf assigns. */
  segment: number;
  /** Leaf number, left to right from 0 (as `leafIndices`). */
  leaf: number;
  /** At most one ">" and one "<=" per feature, features in the order they are first cut on the path. */
  conditions: RuleCondition[];
  /** Training rows in the leaf. */
  count: number;
  /** Share of them whose label is `segment` (0 for an empty leaf). */
  purity: number;
  /** e.g. "Annual Income (k$) > 69.5 and Spending Score (1-100) > 60.5" ("all rows" for a lone leaf). */
  text: string;
}

export interface RuleTextOptions {
  /** Display names of the features. @default "x0", "x1", … */
  featureNames?: string[];
  /** Significant digits of thresholds in the text (the conditions keep exact values). @default 6 */
  digits?: number;
}

/**
 * The rules of a tree, one per leaf in left-to-right order. Assumes a tree whose counts are filled
 * (`countTree`).
 *
 * @param tree - a rule tree.
 * @param options - feature names and digits of the text.
 * @returns one {@link SegmentRule} per leaf.
 * @example
 * const tree = { feature: 0, threshold: 69.5, count: 10,
 *   left: { segment: 0, count: 6, correct: 6 }, right: { segment: 1, count: 4, correct: 3 } };
 * treeRules(tree, { featureNames: ["Annual Income (k$)"] })[1].text; // => "Annual Income (k$) > 69.5"
 * treeRules(tree)[1].purity; // => 0.75
 */
export function treeRules(tree: RuleTree, options: RuleTextOptions = {}): SegmentRule[] {
  const names = options.featureNames;
  const digits = options.digits ?? 6;
  const out: SegmentRule[] = [];
  const walk = (node: RuleTree, path: RuleCondition[]): void => {
    if (isLeaf(node)) {
      const conditions = mergeConditions(path);
      out.push({
        segment: node.segment,
        leaf: out.length,
        conditions,
        count: node.count,
        purity: node.count === 0 ? 0 : node.correct / node.count,
        text: conditionsText(conditions, (j) => names?.[j] ?? `x${j}`, digits),
      });
      return;
    }
    walk(node.left, [...path, { feature: node.feature, op: "<=", threshold: node.threshold }]);
    walk(node.right, [...path, { feature: node.feature, op: ">", threshold: node.threshold }]);
  };
  walk(tree, []);
  return out;
}

/** Keep the tightest bound of each kind per feature: the largest ">" and the smallest "<=". */
export function mergeConditions(path: RuleCondition[]): RuleCondition[] {
  const features: number[] = [];
  const lower = new Map<number, number>();
  const upper = new Map<number, number>();
  for (const c of path) {
    if (!features.includes(c.feature)) features.push(c.feature);
    if (c.op === ">") lower.set(c.feature, Math.max(lower.get(c.feature) ?? -Infinity, c.threshold));
    else upper.set(c.feature, Math.min(upper.get(c.feature) ?? Infinity, c.threshold));
  }
  return features.flatMap((f) => [
    ...(lower.has(f) ? [{ feature: f, op: ">" as const, threshold: lower.get(f)! }] : []),
    ...(upper.has(f) ? [{ feature: f, op: "<=" as const, threshold: upper.get(f)! }] : []),
  ]);
}

/** Words for merged conditions: "a > 1 and 2 < b <= 3". */
export function conditionsText(conditions: RuleCondition[], name: (feature: number) => string, digits = 6): string {
  if (conditions.length === 0) return "all rows";
  const num = (x: number): string => String(Number(x.toPrecision(digits)));
  const parts: string[] = [];
  for (let t = 0; t < conditions.length; t++) {
    const c = conditions[t]!;
    const next = conditions[t + 1];
    if (c.op === ">" && next && next.feature === c.feature && next.op === "<=") {
      parts.push(`${num(c.threshold)} < ${name(c.feature)} <= ${num(next.threshold)}`);
      t++;
    } else parts.push(`${name(c.feature)} ${c.op} ${num(c.threshold)}`);
  }
  return parts.join(" and ");
}
