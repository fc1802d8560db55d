/**
 * A synthetic customers CSV for the `segment run` benchmark: n customers in five seeded groups over four numeric
 * features (age, income, spending score, visits per month), plus an ID and a gender column.
 *   node --import tsx bench/make-customers.ts [n=1000000] [seed=0] [out=bench/data/customers-<n>-s<seed>.csv]
 * Prints the path. The same n and seed always give the same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { randomNormal, seededRandom } from "../src/core/random";

/** Group centres (age, income k$, spending 1–100, visits/month) and spreads; five groups well apart. */
const GROUPS = [
  { share: 0.3, mean: [42, 55, 50, 4], std: [6, 6, 6, 1] },
  { share: 0.2, mean: [33, 88, 82, 9], std: [5, 7, 6, 1.5] },
  { share: 0.2, mean: [45, 90, 17, 2], std: [6, 7, 6, 0.8] },
  { share: 0.15, mean: [25, 25, 80, 7], std: [4, 5, 6, 1.2] },
  { share: 0.15, mean: [55, 26, 20, 1.5], std: [6, 5, 6, 0.6] },
];

export const CUSTOMER_COLUMNS = [
  "CustomerID",
  "Gender",
  "Age",
  "Annual Income (k$)",
  "Spending Score (1-100)",
  "Visits per Month",
];

/** Write the CSV; returns its path. */
export function makeCustomers(
  n: number,
  seed = 0,
  out = path.join(__dirname, "data", `customers-${n}-s${seed}.csv`),
): string {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const random = seededRandom(seed);
  const cumulative = GROUPS.map((_, g) => GROUPS.slice(0, g + 1).reduce((s, x) => s + x.share, 0));
  const fd = fs.openSync(out + ".tmp", "w");
  let chunk = CUSTOMER_COLUMNS.join(",") + "\n";
  for (let i = 0; i < n; i++) {
    const u = random();
    const g = GROUPS[cumulative.findIndex((c) => u < c)] ?? GROUPS[GROUPS.length - 1]!;
    const v = g.mean.map((m, j) => m + g.std[j]! * randomNormal(random));
    const age = Math.min(90, Math.max(18, Math.round(v[0]!)));
    const income = Math.max(5, Math.round(v[1]!));
    const spending = Math.min(100, Math.max(1, Math.round(v[2]!)));
    const visits = Math.max(0, v[3]!).toFixed(1);
    chunk += `${i + 1},${random() < 0.56 ? "Female" : "Male"},${age},${income},${spending},${visits}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = "";
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  fs.renameSync(out + ".tmp", out);
  return out;
}

if (require.main === module) {
  const [n = "1000000", seed = "0", out] = process.argv.slice(2);
  console.log(makeCustomers(Number(n), Number(seed), out));
}
