import path from "node:path";
import { type Customer, loadMallCustomers } from "../data/load-mall";
import { type RfmFeatures, type RfmFeaturesOptions, rfmFeatures } from "../rfm/features";
import { type ValueSummary, valueSummary } from "../value/value-summary";

/** The course's data sets as the checks read them, each loaded once per folder and options. */
export interface CourseData {
  /** The Mall Customers, in file order. */
  mall(): Customer[];
  /** The RFM features of the Online Retail sample (`asOf`, `since` as in `rfmFeatures`). */
  rfm(options?: Pick<RfmFeaturesOptions, "asOf" | "since">): Promise<RfmFeatures>;
  /** The calibration/holdout summary of the Online Retail sample (`calibrationEnd` as in `valueSummary`). */
  value(calibrationEnd?: string): Promise<ValueSummary>;
}

/** The package's own data folder (`data/`, filled by `npm run setup`), next to `src/` and `dist/`. */
export const COURSE_DATA_DIR = path.join(__dirname, "..", "..", "data");

const cache = new Map<string, unknown>();

function memo<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

/**
 * The course data in `dataDir`, loaded lazily and kept for later checks (a check takes well under a second once
 * its data set is loaded).
 *
 * @param dataDir - the folder holding `Mall_Customers.csv` and `online_retail_sample.csv`.
 *   @default the package's `data/` folder
 * @returns loaders for the three views the exercises use.
 */
export function courseData(dataDir: string = COURSE_DATA_DIR): CourseData {
  const mallFile = path.join(dataDir, "Mall_Customers.csv");
  const retailFile = path.join(dataDir, "online_retail_sample.csv");
  return {
    mall: () => memo(`mall:${mallFile}`, () => loadMallCustomers(mallFile).customers),
    rfm: ({ asOf = "", since = "" } = {}) =>
      memo(`rfm:${retailFile}:${asOf}:${since}`, () => rfmFeatures(retailFile, { asOf, since })),
    value: (calibrationEnd) =>
      memo(`value:${retailFile}:${calibrationEnd ?? ""}`, () =>
        valueSummary(retailFile, calibrationEnd ? { calibrationEnd } : {}),
      ),
  };
}
