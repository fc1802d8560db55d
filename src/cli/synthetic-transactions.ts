#!/usr/bin/env node
/** `node dist/cli/synthetic-transactions.js <out.csv> <nRows> [seed]`: write a synthetic transactions file (see `rfm/synthetic-transactions.ts`). */
import { writeSyntheticTransactions } from "../rfm/synthetic-transactions";

if (require.main === module) {
  const [file, nRows, seed = "0"] = process.argv.slice(2);
  if (!file || !nRows) {
    console.error("usage: synthetic-transactions <out.csv> <nRows> [seed]");
    process.exit(2);
  }
  writeSyntheticTransactions(file, { nRows: Number(nRows), seed: Number(seed) }).then(
    (summary) => console.log(JSON.stringify(summary)),
    (err: Error) => {
      console.error(`${err.name}: ${err.message}`);
      process.exit(1);
    },
  );
}
