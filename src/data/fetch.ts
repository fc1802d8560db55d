import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ChecksumError } from "../core/errors";
import { writeFileAtomic } from "../io/output-writer";

/** One entry of `data/manifest.json`. */
export interface DatasetEntry {
  file: string;
  /** sha256 of the file after CRLF → LF. */
  sha256: string;
  description?: string;
  /** Public copies to download from, tried in order. */
  urls: string[];
}

export interface FetchOptions {
  /** Where the data set is kept. @default "data" */
  dataDir?: string;
  /** A folder holding verified copies. @default process.env.MALL_SEGMENTS_DATA_DIR */
  sourceDir?: string;
  /** Downloads a URL's bytes. @default global fetch */
  download?: (url: string) => Promise<Uint8Array>;
}

/** Where {@link fetchDataset} found the file. */
export type DatasetSource = "present" | "copied" | "downloaded";

/** sha256 (hex) of the bytes with CRLF line endings turned into LF. */
export function normalisedSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(toLf(bytes)).digest("hex");
}

/**
 * Make `dataDir/file` a verified copy of a data set, taking in order: a valid file already there;
 * a copy from `sourceDir`; a download from the entry's URLs. Files are stored with LF line endings.
 *
 * @returns the path and where it came from.
 * @throws {ChecksumError} when a candidate's sha256 differs from the manifest (never used silently)
 *   or no source has the file.
 */
export async function fetchDataset(
  entry: DatasetEntry,
  options: FetchOptions = {},
): Promise<{ path: string; source: DatasetSource }> {
  const dataDir = options.dataDir ?? "data";
  const sourceDir = options.sourceDir ?? process.env.MALL_SEGMENTS_DATA_DIR;
  const download = options.download ?? defaultDownload;
  const target = path.join(dataDir, entry.file);
  const problems: string[] = [];

  if (fs.existsSync(target)) {
    const sha = normalisedSha256(fs.readFileSync(target));
    if (sha === entry.sha256) return { path: target, source: "present" };
    throw new ChecksumError(
      `${target}: sha256 ${sha} does not match the manifest's ${entry.sha256}; delete the file to fetch a verified copy`,
    );
  }
  if (sourceDir) {
    const candidate = path.join(sourceDir, entry.file);
    if (fs.existsSync(candidate)) {
      store(fs.readFileSync(candidate), candidate, entry, target);
      return { path: target, source: "copied" };
    }
    problems.push(`${candidate}: not found`);
  }
  for (const url of entry.urls) {
    let bytes: Uint8Array;
    try {
      bytes = await download(url);
    } catch (err) {
      problems.push(`${url}: ${(err as Error).message}`);
      continue;
    }
    store(bytes, url, entry, target);
    return { path: target, source: "downloaded" };
  }
  throw new ChecksumError(
    `${entry.file}: no verified copy could be had (set MALL_SEGMENTS_DATA_DIR to a folder holding it):\n  ` +
      problems.join("\n  "),
  );
}

/** Check the bytes against the manifest and write them, LF-normalised, atomically. */
function store(bytes: Uint8Array, from: string, entry: DatasetEntry, target: string): void {
  const lf = toLf(bytes);
  const sha = createHash("sha256").update(lf).digest("hex");
  if (sha !== entry.sha256) {
    throw new ChecksumError(`${from}: sha256 ${sha} does not match the manifest's ${entry.sha256} for ${entry.file}`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, lf); // a temporary sibling renamed into place, removed if the write fails
}

function toLf(bytes: Uint8Array): Buffer {
  return Buffer.from(Buffer.from(bytes).toString("latin1").replace(/\r\n/g, "\n"), "latin1");
}

async function defaultDownload(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Read `data/manifest.json` (or another manifest). */
export function readManifest(file: string): DatasetEntry[] {
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { datasets: DatasetEntry[] }).datasets;
}
