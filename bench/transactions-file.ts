import fs from "node:fs";
import path from "node:path";
import { writeSyntheticTransactions } from "../src/rfm/synthetic-transactions";

/**
 * The seeded synthetic log of n rows, bench/data/transactions-<n>-s0.csv (the file bench/rfm.bench.ts uses),
 * generated on first use through a temporary file and reused afterwards.
 */
export async function syntheticTransactionsFile(n: number): Promise<string> {
  const file = path.join(__dirname, "data", `transactions-${n}-s0.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeSyntheticTransactions(tmp, { nRows: n, seed: 0 });
  fs.renameSync(tmp, file);
  return file;
}
