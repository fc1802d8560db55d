import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Path of a data set for tests: `data/<file>` once the set-up fetched it, else the folder named by
 * MALL_SEGMENTS_DATA_DIR, else the shared copies beside the repository.
 */
export function dataFile(file: string): string {
  const candidates = [
    path.join(ROOT, "data", file),
    ...(process.env.MALL_SEGMENTS_DATA_DIR ? [path.resolve(process.env.MALL_SEGMENTS_DATA_DIR, file)] : []),
    path.resolve(ROOT, "..", "shared", "data", file),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`test data ${file} not found in: ${candidates.join(", ")} (run node scripts/setup.mjs)`);
  return found;
}
