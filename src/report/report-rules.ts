/**
 * The "Segments as rules" section of report.html: the IMM rules in words per segment, their fidelity next to
 * CART surrogate trees with more leaves, and the tree drawn as a diagram.
 */
import { rulesTreeChart } from "../charts/rules-tree";
import type { Figure } from "../charts/figure";
import type { RulesFile } from "../rules/rules-file";

/**
 * The section's inner HTML (every name and text escaped).
 *
 * @param rules - rules.json of the run.
 * @param figureHtml - renders a Plotly figure as the report embeds it.
 * @param esc - the report's HTML escaper.
 * @returns HTML: an explanation, a table of rules (segment, name, rule, customers, share in the segment), the
 *   fidelity comparison and the tree diagram.
 */
export function rulesSectionHtml(
  rules: RulesFile,
  figureHtml: (figure: Figure) => string,
  esc: (text: string) => string,
): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const total = rules.rules.reduce((s, r) => s + r.count, 0);
  const rows = rules.rules
    .map(
      (r) =>
        `<tr><td class="num">${r.segment}</td><td>${esc(r.name)}</td><td><code>${esc(r.text)}</code></td><td class="num">${r.count.toLocaleString("en-US")}</td><td class="num">${pct(r.purity)}</td></tr>`,
    )
    .join("");
  const cart = rules.cart.map((c) => `a CART surrogate tree with ${c.leaves} leaves ${pct(c.fidelity)}`).join(", ");
  const segmentNames: string[] = [];
  for (const r of rules.rules) segmentNames[r.segment] = r.name;
  return (
    `<p>A threshold tree (IMM, Moshkovitz et al. 2020) with one leaf per segment turns the segments into rules a CRM can run: ` +
    `each rule cuts one feature at a time, in the data's own units. The rules put <b>${pct(rules.fidelity)}</b> of the ` +
    `${total.toLocaleString("en-US")} customers in their own segment (${rules.mistakes.toLocaleString("en-US")} are placed elsewhere)` +
    (cart ? `; for comparison, ${cart}.` : ".") +
    ` <code>segment sql --rules</code> prints them as SQL.</p>` +
    `<table class="rules"><tr><th>Segment</th><th>Name</th><th>Rule</th><th>Customers</th><th>Of them in the segment</th></tr>${rows}</table>` +
    figureHtml(
      rulesTreeChart(rules.tree, {
        featureNames: rules.features,
        segmentNames,
        title: "The rules as a decision tree (left = yes)",
      }),
    )
  );
}
