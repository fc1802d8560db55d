/**
 * One CLI case of the reliability corpus: run `segment`, then assert the exit code, the ONE stderr line, and the
 * state of every path involved before and after (nothing lost, nothing changed, nothing left behind).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runSegment, type CliResult } from "./run-segment";

/** A path's state: absent, a file with its content hash, a folder with its entries' states, or a link's target. */
export type PathState =
  | null
  | { file: string }
  | { link: string }
  | { dir: Record<string, PathState> }
  | { other: string };

/** The state of a path, without following links (a folder recursively). */
export function pathState(p: string): PathState {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return null;
  }
  if (st.isSymbolicLink()) return { link: fs.readlinkSync(p) };
  if (st.isFile()) return { file: createHash("sha256").update(fs.readFileSync(p)).digest("hex") };
  if (st.isDirectory()) {
    const dir: Record<string, PathState> = {};
    for (const name of fs.readdirSync(p).sort()) dir[name] = pathState(path.join(p, name));
    return { dir };
  }
  return { other: st.isFIFO() ? "fifo" : "device" };
}

export interface CliCase {
  args: string[];
  /** Expected exit code. @default 2 */
  code?: number;
  /** The one stderr line must match (it always starts with "segment: error: " for code 2). */
  line: RegExp;
  /** Paths whose state must be the same after the run. */
  unchanged: string[];
  /** Folders that must hold no temporary entry (".tmp-") afterwards. @default the parents of `unchanged` */
  noTemp?: string[];
  env?: Record<string, string>;
}

/** Run one case and assert code, the single stderr line, unchanged paths and no temporary leftovers. */
export function assertCliCase(c: CliCase): CliResult {
  const before = c.unchanged.map(pathState);
  const r = runSegment(c.args, c.env);
  const what = `segment ${c.args.join(" ")}`;
  assert.equal(r.code, c.code ?? 2, `${what}: exit ${r.code}, stderr: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `${what}: expected one stderr line, got:\n${r.stderr}`);
  if ((c.code ?? 2) === 2) assert.match(lines[0]!, /^segment: error: /, what);
  assert.match(lines[0]!, c.line, what);
  assert.ok(!r.stderr.includes("    at "), `${what}: stack trace printed`);
  c.unchanged.forEach((p, i) => assert.deepEqual(pathState(p), before[i], `${what}: ${p} changed`));
  for (const dir of c.noTemp ?? [...new Set(c.unchanged.map((p) => path.dirname(p)))]) assertNoTemp(dir);
  return r;
}

/** No entry of `dir` (recursively) is a temporary of the writer. */
export function assertNoTemp(dir: string): void {
  if (!fs.existsSync(dir) || !fs.lstatSync(dir).isDirectory()) return;
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    assert.ok(!/\.tmp-\d+-/.test(name), `temporary ${name} left in ${dir}`);
  }
}
