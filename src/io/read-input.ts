/**
 * Read an input file as text, safely: only a regular file (not a folder, FIFO, socket or device such as
 * /dev/zero) is read, at most `maxBytes`, and its bytes must be valid in the declared encoding (UTF-8 unless
 * told otherwise): an invalid byte is refused with its offset, never turned silently into U+FFFD.
 */
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import { DataError } from "../core/errors";

/** Text encodings an input may declare (`--encoding`). */
export type InputEncoding = "utf-8" | "latin1" | "windows-1252" | "utf-16le";

export const INPUT_ENCODINGS: readonly InputEncoding[] = ["utf-8", "latin1", "windows-1252", "utf-16le"];

/**
 * Largest CSV read: 512 MiB (V8's longest string is about 2²⁹ characters, so a larger file cannot become one
 * string anyway).
 */
export const MAX_CSV_BYTES = 512 * 1024 * 1024;

export interface ReadInputOptions {
  /** Refuse a file larger than this. @default MAX_CSV_BYTES */
  maxBytes?: number;
  /** How the bytes are decoded. @default "utf-8" */
  encoding?: InputEncoding;
  /** Refuse NUL bytes ("not a text file"). @default true */
  refuseNul?: boolean;
}

/**
 * The bytes of a regular file, at most `maxBytes` (the file is opened once and read through that descriptor,
 * so a file swapped or growing meanwhile is still capped).
 * @throws {DataError} when the file is missing, unreadable, not a regular file, or larger than `maxBytes`.
 */
export function readInputBytes(file: string, maxBytes: number = MAX_CSV_BYTES): Buffer {
  const { fd, stat } = openRegularFile(file);
  try {
    if (stat.size > maxBytes)
      throw new DataError(`file is ${stat.size} bytes, more than the limit of ${maxBytes} bytes`, { file });
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes)
        throw new DataError(`file grew past the limit of ${maxBytes} bytes while being read`, { file });
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Check that `file` is a regular file, without reading it (a FIFO is opened without blocking).
 * @returns its size in bytes.
 * @throws {DataError} when the file is missing, unreadable, a folder, a FIFO, a socket or a device.
 */
export function checkRegularFile(file: string): number {
  const { fd, stat } = openRegularFile(file);
  fs.closeSync(fd);
  return stat.size;
}

/**
 * Open `file` for reading without blocking (a FIFO does not wait for a writer) and check it is a regular file.
 * The caller closes the returned descriptor.
 * @throws {DataError} when the file is missing, unreadable, a folder, a FIFO, a socket or a device.
 */
function openRegularFile(file: string): { fd: number; stat: fs.Stats } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : `cannot read file (${code})`,
      { file },
    );
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new DataError("is a folder, not a file", { file });
    if (!stat.isFile()) throw new DataError(`not a regular file (${kindOf(stat)}); give a file on disk`, { file });
    return { fd, stat };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/**
 * Whether a file is valid UTF-8, read in 4 MiB chunks with Node's native check (`buffer.isUtf8`); a character cut
 * by a chunk's end is carried into the next chunk.
 */
export function isUtf8File(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const chunk = Buffer.alloc(4 << 20);
    let carry = Buffer.alloc(0);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return carry.length === 0 || isUtf8(carry);
      const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      // Back off to the start of the last character if it may be incomplete.
      let cut = data.length;
      let back = 0;
      while (back < 3 && cut > 0 && (data[cut - 1]! & 0xc0) === 0x80) cut--, back++;
      if (cut > 0 && data[cut - 1]! >= 0xc0) cut--;
      else cut = data.length;
      if (!isUtf8(data.subarray(0, cut))) return false;
      carry = Buffer.from(data.subarray(cut));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The first invalid UTF-8 byte of a file, read in chunks (for files too large to hold): its offset and 1-based line,
 * or undefined when the file is valid UTF-8.
 */
export function firstInvalidUtf8InFile(file: string): { offset: number; byte: number; line: number } | undefined {
  const fd = fs.openSync(file, "r");
  try {
    const chunk = Buffer.alloc(4 << 20);
    let carry = Buffer.alloc(0);
    let base = 0; // file offset of carry[0]
    let line = 1;
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      const data = Buffer.concat([carry, chunk.subarray(0, n)]);
      // Validate all but the last 3 bytes (a character may continue in the next chunk), unless at the end.
      const end = n === 0 ? data.length : Math.max(0, data.length - 3);
      const bad = firstInvalidUtf8(data.subarray(0, n === 0 ? data.length : data.length));
      if (bad >= 0 && (bad < end || n === 0)) {
        for (let i = 0; i < bad; i++) if (data[i] === 0x0a) line++;
        return { offset: base + bad, byte: data[bad]!, line };
      }
      // Resume at a character boundary at or before `end`.
      let cut = end;
      while (cut > 0 && cut < data.length && (data[cut]! & 0xc0) === 0x80) cut--;
      for (let i = 0; i < cut; i++) if (data[i] === 0x0a) line++;
      if (n === 0) return undefined;
      carry = Buffer.from(data.subarray(cut));
      base += cut;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decode an input's bytes. UTF-8 (the default) must be valid: the first invalid byte is refused with its
 * byte offset and line. A UTF-8 BOM is kept (readers strip it).
 * @throws {DataError} on NUL bytes (unless `refuseNul` is false) or invalid UTF-8.
 * @example
 * decodeInput(Buffer.from([0x46, 0xe9]), "f.csv"); // throws "f.csv, row 1: not valid UTF-8 at byte 1 (0xe9) …"
 */
export function decodeInput(
  bytes: Buffer,
  file: string,
  options: Pick<ReadInputOptions, "encoding" | "refuseNul"> = {},
): string {
  const encoding = options.encoding ?? "utf-8";
  if ((options.refuseNul ?? true) && encoding !== "utf-16le" && bytes.includes(0)) {
    throw new DataError("not a text CSV file (it contains binary NUL bytes)", { file });
  }
  if (encoding === "utf-8") {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const line = countLines(bytes, bad);
      throw new DataError(
        `not valid UTF-8 at byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, "0")}); save the file as UTF-8 or give its encoding with --encoding latin1|windows-1252|utf-16le`,
        { file, row: line },
      );
    }
    return bytes.toString("utf8");
  }
  return new TextDecoder(encoding).decode(bytes);
}

/** {@link readInputBytes} then {@link decodeInput}. */
export function readInputText(file: string, options: ReadInputOptions = {}): string {
  return decodeInput(readInputBytes(file, options.maxBytes ?? MAX_CSV_BYTES), file, options);
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), or -1.
 * Written here because `buffer.isUtf8` only says yes or no and TextDecoder's `fatal` mode gives no offset.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> need);
    for (let t = 1; t <= need; t++) {
      const c = bytes[i + t];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}
