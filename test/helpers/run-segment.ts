import { spawnSync } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MALL_CSV = path.join(ROOT, "data", "Mall_Customers.csv");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the `segment` CLI from source as a user would run the built one (a separate Node process). */
export function runSegment(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "cli", "segment.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SEGMENT_ID_KEY: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
