/**
 * Read an input file as text, safely: only a regular file (not a folder, FIFO, socket or device such as
 * /dev/zero) is read, at most `maxBytes`, and its bytes must be valid in the declared encoding (UTF-8 unless
 * told otherwise): an invalid byte is refused with its offset, never turned silently into U+FFFD.
 */
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
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : `cannot read file (${code})`, { file });
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new DataError("is a folder, not a file", { file });
    if (!stat.isFile()) throw new DataError(`not a regular file (${kindOf(stat)}); give a file on disk`, { file });
    if (stat.size > maxBytes) throw new DataError(`file is ${stat.size} bytes, more than the limit of ${maxBytes} bytes`, { file });
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw new DataError(`file grew past the limit of ${maxBytes} bytes while being read`, { file });
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
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
export function decodeInput(bytes: Buffer, file: string, options: Pick<ReadInputOptions, "encoding" | "refuseNul"> = {}): string {
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
