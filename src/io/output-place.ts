/**
 * Where outputs may go. The rule, for every `--out` of the `segment` command:
 *
 * - **A folder** (`run`, `rfm`) is written only when it is new, empty, or carries the marker file
 *   {@link OUTPUT_MARKER} that this tool leaves in every folder it writes. Any other folder is refused before any
 *   work, so nothing the tool did not write is ever renamed, replaced or deleted; only the tool's own file names are
 *   replaced in a marked folder, other files stay.
 * - **A file** (`score`) is written only when it is new or was written by the same command (its header line says so).
 * - Refused: an output equal to an input (same path after links, or the same file through a hard link), an input
 *   inside an output folder, the root folder, a mount point, a path below a regular file, a dangling symbolic link,
 *   a folder that is not a folder (a FIFO, a device). A symbolic link to a folder is written through, not replaced.
 *
 * The checks here only look; {@link writeOutputDir} and {@link writeOutputFile} (`output-writer.ts`) write.
 */
import fs from "node:fs";
import path from "node:path";
import { DataError } from "../core/errors";

/** The file that marks a folder as written by this tool (JSON: format, command, files). */
export const OUTPUT_MARKER = ".mall-segments-output";

/** Where a checked output will be written. */
export interface OutputPlace {
  /** The path as the user gave it (used in messages). */
  given: string;
  /** The absolute path that is written: a symbolic link resolved to its target. */
  real: string;
  /** Whether `real` exists already (an empty or marked folder, or an own file). */
  exists: boolean;
  /** Ancestors that do not exist yet (created at write time, removed again if the write fails), outermost first. */
  missingAncestors: string[];
}

export interface PlaceOptions {
  /** Input files of the command: an output may not be, or (for a folder) contain, any of them. @default [] */
  inputs?: readonly string[];
}

export interface FilePlaceOptions extends PlaceOptions {
  /** An existing file may be replaced only when this accepts its first line (the header the command writes). */
  ownedIf?: (firstLine: string) => boolean;
}

/**
 * Check that `dir` may receive a command's output files (the rule in this module's header).
 *
 * @param dir - the folder path as given.
 * @param names - the file names that will be written into it.
 * @param options - `inputs`: the command's input files.
 * @returns where to write.
 * @throws {DataError} naming `dir` and the reason, when the rule refuses it.
 * @example
 * planOutputDir("out/", ["segments.csv"]); // => { given: "out/", real: "/home/me/out", exists: false, … }
 */
export function planOutputDir(dir: string, names: readonly string[], options: PlaceOptions = {}): OutputPlace {
  const place = resolvePlace(dir, "folder");
  if (place.exists) {
    const stat = fs.statSync(place.real);
    if (!stat.isDirectory()) throw new DataError("the output path exists and is not a folder", { file: dir });
    if (isRootOrMount(place.real))
      throw new DataError("the output folder is the root folder or a mount point; name a new folder inside it", {
        file: dir,
      });
    checkWritable(place.real, dir);
    const entries = fs.readdirSync(place.real);
    if (
      entries.length > 0 &&
      !isMarker(path.join(place.real, OUTPUT_MARKER)) &&
      !isUnmarkedOwnOutput(place.real, entries, names)
    ) {
      throw new DataError(
        `the output folder is not empty and was not written by segment (no ${OUTPUT_MARKER} marker); name a new or empty folder`,
        { file: dir },
      );
    }
    for (const name of names) {
      const target = path.join(place.real, name);
      const st = lstatOrNull(target);
      if (st && !st.isFile())
        throw new DataError(`"${name}" in the output folder is not a regular file; it is left as it is`, { file: dir });
    }
  }
  for (const input of options.inputs ?? []) {
    const realInput = realOrNull(input);
    if (realInput === null) continue;
    if (realInput === place.real || realInput.startsWith(place.real + path.sep)) {
      throw new DataError(`the output folder holds the input ${input}; name another folder`, { file: dir });
    }
  }
  return place;
}

/**
 * Check that `file` may be written as a command's one output file (the rule in this module's header).
 * @throws {DataError} naming `file` and the reason.
 */
export function planOutputFile(file: string, options: FilePlaceOptions = {}): OutputPlace {
  const place = resolvePlace(file, "file");
  const inputs = options.inputs ?? [];
  if (place.exists) {
    const stat = fs.statSync(place.real);
    if (stat.isDirectory()) throw new DataError("the output path is a folder; name the CSV file to write", { file });
    if (!stat.isFile()) throw new DataError("the output path exists and is not a regular file", { file });
    checkWritable(path.dirname(place.real), file);
    for (const input of inputs) {
      const st = statOrNull(input);
      if (st && st.dev === stat.dev && st.ino === stat.ino)
        throw new DataError(`the output is the input ${input}; name another file`, { file });
    }
    if (!options.ownedIf?.(firstLine(place.real))) {
      throw new DataError("the output file exists and was not written by this command; remove it or name a new file", {
        file,
      });
    }
  }
  for (const input of inputs) {
    if (realOrNull(input) === place.real)
      throw new DataError(`the output is the input ${input}; name another file`, { file });
  }
  return place;
}

/** Resolve a user's output path: follow a symbolic link to where it points; find missing ancestors. */
function resolvePlace(given: string, kind: "folder" | "file"): OutputPlace {
  if (given.trim() === "") throw new DataError(`the output ${kind} name is empty`, { file: given });
  const absolute = path.resolve(given);
  if (absolute === path.parse(absolute).root)
    throw new DataError("the output folder is the root folder; name a new folder inside it", { file: given });
  const lst = lstatOrNull(absolute);
  if (lst?.isSymbolicLink()) {
    const real = realOrNull(absolute);
    if (real === null)
      throw new DataError("the output path is a dangling symbolic link (its target does not exist)", { file: given });
    return { given, real, exists: true, missingAncestors: [] };
  }
  if (lst)
    return {
      given,
      real: path.join(realParent(absolute, given), path.basename(absolute)),
      exists: true,
      missingAncestors: [],
    };
  // A new path: every ancestor that exists must be a folder; the missing ones are created at write time.
  const missingAncestors: string[] = [];
  let parent = path.dirname(absolute);
  for (;;) {
    const st = statOrNull(parent);
    if (st) {
      if (!st.isDirectory())
        throw new DataError(`the output path is below ${parent}, which is not a folder`, { file: given });
      break;
    }
    if (lstatOrNull(parent)?.isSymbolicLink())
      throw new DataError(`the output path is below ${parent}, a dangling symbolic link`, { file: given });
    missingAncestors.unshift(parent);
    parent = path.dirname(parent);
  }
  checkWritable(parent, given);
  const realBase = fs.realpathSync(parent);
  const real = path.join(realBase, path.relative(parent, absolute));
  return {
    given,
    real,
    exists: false,
    missingAncestors: missingAncestors.map((a) => path.join(realBase, path.relative(parent, a))),
  };
}

function realParent(absolute: string, given: string): string {
  try {
    return fs.realpathSync(path.dirname(absolute));
  } catch (err) {
    throw new DataError(`cannot resolve the output path (${(err as NodeJS.ErrnoException).code})`, { file: given });
  }
}

/** Refuse early a folder that cannot be written (read-only file system, no permission), before any work. */
function checkWritable(dir: string, given: string): void {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new DataError(`cannot write into ${dir} (${(err as NodeJS.ErrnoException).code})`, { file: given });
  }
}

function isRootOrMount(real: string): boolean {
  const parent = path.dirname(real);
  if (parent === real) return true;
  return fs.statSync(real).dev !== fs.statSync(parent).dev;
}

/**
 * The start of each file this tool writes into an output folder: a folder written before the marker existed is
 * recognised when it holds only such files, each starting as the tool writes it.
 */
const OWN_FILE_STARTS: Record<string, RegExp> = {
  "segments.csv": /,segment,segment_name$/,
  "profiles.csv": /^segment,name,size,share,/,
  "model.json": /^\{\s*"format": "mall-segments\/segment-model"/,
  "report.html": /^<!DOCTYPE html>/,
  "rules.json": /^\{\s*"format": "mall-segments\/segment-rules"/,
  "rfm.csv": /^CustomerID,recency_days,frequency,monetary,/,
};

function isUnmarkedOwnOutput(dir: string, entries: readonly string[], names: readonly string[]): boolean {
  return entries.every((name) => {
    const start = Object.hasOwn(OWN_FILE_STARTS, name) ? OWN_FILE_STARTS[name] : undefined;
    const file = path.join(dir, name);
    if (!names.includes(name) || start === undefined || !lstatOrNull(file)?.isFile()) return false;
    return start.test(firstLine(file)) || start.test(firstLine(file, 200));
  });
}

function isMarker(file: string): boolean {
  const st = lstatOrNull(file);
  return st !== null && st.isFile();
}

/** The first line of a file (or, with `bytes`, its first bytes as text, lines joined by "\n"). */
function firstLine(file: string, bytes?: number): string {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(bytes ?? 4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, n)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    if (bytes !== undefined) return text.replace(/\r?\n\s*/g, "");
    return text.split(/\r?\n/)[0] ?? "";
  } finally {
    fs.closeSync(fd);
  }
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}
