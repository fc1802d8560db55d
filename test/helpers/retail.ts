import fs from "node:fs";
import path from "node:path";

/**
 * Path of the Online Retail sample: `data/online_retail_sample.csv` of the repository if present,
 * else `$MALL_SEGMENTS_DATA_DIR/online_retail_sample.csv`, else `/work/shared/data/online_retail_sample.csv`.
 * @throws {Error} when none exists (run `node scripts/setup.mjs` to fetch the data).
 */
export function retailSamplePath(): string {
  const candidates = [path.join(__dirname, "..", "..", "data", "online_retail_sample.csv")];
  if (process.env["MALL_SEGMENTS_DATA_DIR"]) {
    candidates.push(path.join(process.env["MALL_SEGMENTS_DATA_DIR"], "online_retail_sample.csv"));
  }
  candidates.push("/work/shared/data/online_retail_sample.csv");
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`online_retail_sample.csv not found in ${candidates.join(", ")}`);
  return found;
}

/** The project's Python (`.venv/bin/python`). */
export const venvPython = path.join(__dirname, "..", "..", ".venv", "bin", "python");
