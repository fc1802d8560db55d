/**
 * A synthetic transactions CSV in the Online Retail layout, for the RFM benchmark (writeSyntheticTransactions in
 * src/rfm/synthetic-transactions.ts):
 *   node --import tsx bench/make-transactions.ts <out.csv> <nRows> [seed=0]
 * Prints the summary as JSON. The same nRows and seed always give the same bytes.
 */
import { writeSyntheticTransactions } from "../src/rfm/synthetic-transactions";

const [file, nRows, seed = "0"] = process.argv.slice(2);
if (!file || !nRows) {
  console.error("usage: node --import tsx bench/make-transactions.ts <out.csv> <nRows> [seed]");
  process.exit(2);
}
writeSyntheticTransactions(file, { nRows: Number(nRows), seed: Number(seed) }).then(
  (summary) => console.log(JSON.stringify(summary)),
  (err: Error) => {
    console.error(`${err.name}: ${err.message}`);
    process.exit(1);
  },
);
