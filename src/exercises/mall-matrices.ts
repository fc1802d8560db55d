import { mallMatrix } from "../data/load-mall";
import type { Matrix } from "../core/matrix";
import { standardScale } from "../preprocess/standard-scale";
import { kmeans } from "../cluster/kmeans";
import type { CourseData } from "./course-data";

/** Income × spending as in notebooks 03–05: `raw` in the file's units, `Z2` standardised. */
export function incomeSpending(data: CourseData): { raw: Matrix; Z2: Matrix } {
  const raw = mallMatrix(data.mall(), ["income", "spending"]);
  return { raw, Z2: standardScale(raw).X };
}

/** The course's five segments: k-means, k = 5, seed 0, on standardised income × spending. */
export function fiveSegments(data: CourseData): number[] {
  return kmeans(incomeSpending(data).Z2, { k: 5, seed: 0 }).labels;
}

/** The IDs of the customers at the given rows. */
export function idsAt(data: CourseData, rows: readonly number[]): number[] {
  const customers = data.mall();
  return rows.map((row) => customers[row]?.customerId ?? Number.NaN);
}
