/**
 * The one output writer: files are written all or nothing, through temporary names that are renamed into place,
 * and a failure removes every temporary path (and any folder it created). The placement rule is in
 * `output-place.ts`; this module only writes where a plan allows.
 *
 * Temporary paths alive at a moment are listed by {@link pendingOutputs}; a command line that catches
 * SIGINT/SIGTERM calls {@link removePendingOutputs} before it exits, so an interrupted run leaves the previous
 * output as it was and no temporary folder.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DataError } from "../core/errors";
import {
  OUTPUT_MARKER,
  planOutputDir,
  planOutputFile,
  type FilePlaceOptions,
  type OutputPlace,
  type PlaceOptions,
} from "./output-place";

/** A file's content: text, bytes, or text chunks written one by one (large CSVs never exist as one string). */
export type FileContent = string | Uint8Array | Iterable<string>;

export interface WriteDirOptions extends PlaceOptions {
  /** The command named in the marker file. @default "segment" */
  command?: string;
}

const pending = new Set<string>();
let onPending: (() => void) | undefined;

/**
 * Call `listener` whenever a temporary path is created (a command line installs its signal handlers then, so a
 * long computation before any write can still be stopped at once with Ctrl-C).
 */
export function onPendingOutputs(listener: () => void): void {
  onPending = listener;
}

function addPending(p: string): void {
  pending.add(p);
  onPending?.();
}

/** Temporary paths being written right now (absolute). */
export function pendingOutputs(): string[] {
  return [...pending];
}

/** Register a temporary path of the library's own (e.g. a private copy of an input) for {@link removePendingOutputs}. */
export function trackTemporary(p: string): void {
  addPending(p);
}

/** Unregister a temporary path once it is removed. */
export function forgetTemporary(p: string): void {
  pending.delete(p);
}

/** Remove every temporary path being written (for a signal handler: the targets stay as they were). */
export function removePendingOutputs(): void {
  for (const p of pending) fs.rmSync(p, { recursive: true, force: true });
  pending.clear();
}

/**
 * Write `files` (name → content) into the folder `dir` under the rule of `output-place.ts`: a new folder appears
 * whole by one rename; in an existing empty or marked folder each file is replaced by a rename, other files stay.
 *
 * @param dir - the output folder as given by the user.
 * @param files - file name → content (names without folders).
 * @param options - `inputs` (refused inside `dir`) and `command` (recorded in the marker).
 * @returns the names written, in order.
 * @throws {DataError} when the rule refuses `dir` or a write fails (nothing is left behind).
 * @example
 * writeOutputDir("out", { "a.csv": "x\n1\n" }, { command: "segment run" }); // => ["a.csv"]
 */
export function writeOutputDir(
  dir: string,
  files: Record<string, FileContent>,
  options: WriteDirOptions = {},
): string[] {
  const names = Object.keys(files);
  for (const name of names) {
    if (
      name === "" ||
      name === OUTPUT_MARKER ||
      name.includes("/") ||
      name.includes("\\") ||
      name === "." ||
      name === ".."
    ) {
      throw new DataError(`"${name}" is not a plain output file name`, { file: dir });
    }
  }
  const place = planOutputDir(dir, names, options);
  const marker =
    JSON.stringify({ format: "mall-segments/output", command: options.command ?? "segment", files: names }) + "\n";
  if (!place.exists) {
    withCleanup(place, () => {
      createAncestors(place);
      const temp = tempPath(place.real);
      fs.mkdirSync(temp);
      for (const name of names) writeContent(path.join(temp, name), files[name]!);
      writeContent(path.join(temp, OUTPUT_MARKER), marker);
      fs.renameSync(temp, place.real);
      pending.delete(temp);
    });
    return names;
  }
  withCleanup(place, () => {
    const temp = tempPath(path.join(place.real, ".segment"));
    fs.mkdirSync(temp);
    for (const name of names) writeContent(path.join(temp, name), files[name]!);
    writeContent(path.join(temp, OUTPUT_MARKER), marker);
    // The marker first: a folder holding any of the new files is always marked as this tool's.
    fs.renameSync(path.join(temp, OUTPUT_MARKER), path.join(place.real, OUTPUT_MARKER));
    for (const name of names) fs.renameSync(path.join(temp, name), path.join(place.real, name));
    fs.rmdirSync(temp);
    pending.delete(temp);
  });
  return names;
}

/**
 * Write one output file under the rule of `output-place.ts` (new, or written before by the same command as
 * `ownedIf` recognises), through a temporary sibling renamed into place.
 * @throws {DataError} when the rule refuses `file` or the write fails (nothing is left behind).
 */
export function writeOutputFile(file: string, content: FileContent, options: FilePlaceOptions = {}): void {
  const place = planOutputFile(file, options);
  withCleanup(place, () => {
    createAncestors(place);
    writeFileAtomic(place.real, content);
  });
}

/**
 * Write `content` to `file` through a temporary sibling and one rename (atomic on one file system); the
 * temporary file is removed if anything fails. No placement rule: for files the library owns (data sets).
 * @throws the file system's error after clean-up.
 */
export function writeFileAtomic(file: string, content: FileContent): void {
  const temp = tempPath(path.resolve(file));
  try {
    writeContent(temp, content);
    fs.renameSync(temp, file);
    pending.delete(temp);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    pending.delete(temp);
    throw err;
  }
}

/** Run a write; on failure remove its temporary paths and the ancestors it created, and throw a DataError. */
function withCleanup(place: OutputPlace, write: () => void): void {
  const before = new Set(pending);
  try {
    write();
  } catch (err) {
    for (const p of pending) {
      if (before.has(p)) continue;
      fs.rmSync(p, { recursive: true, force: true });
      pending.delete(p);
    }
    for (const dir of [...place.missingAncestors].reverse()) {
      try {
        fs.rmdirSync(dir);
      } catch {
        // not empty or never created: left as it is
      }
    }
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(`cannot write the output (${code ?? (err as Error).message})`, { file: place.given });
  }
}

function createAncestors(place: OutputPlace): void {
  for (const dir of place.missingAncestors) fs.mkdirSync(dir);
}

/** A fresh hidden sibling name of `target`, registered as pending. */
function tempPath(target: string): string {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  addPending(temp);
  return temp;
}

function writeContent(file: string, content: FileContent): void {
  if (typeof content === "string" || content instanceof Uint8Array) {
    fs.writeFileSync(file, content, { flag: "wx" });
    return;
  }
  const fd = fs.openSync(file, "wx");
  try {
    for (const chunk of content) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}
