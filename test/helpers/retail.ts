import path from "node:path";
import { dataFile } from "./data-files";

/** Path of the Online Retail sample (see {@link dataFile} for where it is looked for). */
export function retailSamplePath(): string {
  return dataFile("online_retail_sample.csv");
}

/** The project's Python (`.venv/bin/python`). */
export const venvPython = path.join(__dirname, "..", "..", ".venv", "bin", "python");
