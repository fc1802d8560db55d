/**
 * Write a set of files all or nothing: into a temporary folder beside the target, then one rename into place.
 * A failure before the rename leaves the target as it was (absent, or the previous run's outputs).
 */
import fs from "node:fs";
import path from "node:path";
import { DataError } from "../core/errors";

/** A file's content: text, bytes, or text chunks written one by one (large CSVs never exist as one string). */
export type FileContent = string | Buffer | Iterable<string>;

/**
 * Write `files` (name → content) as the folder `dir`, replacing a previous folder of outputs.
 * @throws {DataError} when `dir` exists and is not a folder, or its parent cannot be written.
 */
export function writeOutputDir(dir: string, files: Record<string, FileContent>): void {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    throw new DataError("the output path exists and is not a folder", { file: dir });
  }
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`);
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.mkdirSync(temp);
    for (const [name, content] of Object.entries(files)) writeContent(path.join(temp, name), content);
  } catch (err) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw new DataError(`cannot write outputs (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: dir });
  }
  if (fs.existsSync(target)) {
    const old = path.join(parent, `.${path.basename(target)}.old-${stamp}`);
    fs.renameSync(target, old);
    fs.renameSync(temp, target);
    fs.rmSync(old, { recursive: true, force: true });
  } else fs.renameSync(temp, target);
}

/** Check early that `dir` can become an output folder (not an existing file). */
export function checkOutputDir(dir: string): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new DataError("the output path exists and is not a folder", { file: dir });
  }
}

function writeContent(file: string, content: FileContent): void {
  if (typeof content === "string" || Buffer.isBuffer(content)) {
    fs.writeFileSync(file, content);
    return;
  }
  const fd = fs.openSync(file, "w");
  try {
    for (const chunk of content) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}
