/**
 * Replace customer IDs by keyed hashes, so an export can leave the building without the real IDs:
 * `id → "c_" + the first 16 hex digits of HMAC-SHA256(key, id)`. The same key always gives the same
 * pseudonym (joins across runs keep working); without the key the IDs cannot be recomputed from a guess
 * list. Anyone who knows the key can, so keep a real key secret.
 */
import { createHmac } from "node:crypto";
import { ArgumentError } from "../core/errors";

export interface PseudonymiseOptions {
  /** The secret of the keyed hash (non-empty). */
  key: string;
  /** Hex digits kept from the HMAC (8..64). 16 digits = 64 bits: collisions are negligible below ~10⁸ IDs. @default 16 */
  digits?: number;
  /** Put before each pseudonym. @default "c_" */
  prefix?: string;
}

/**
 * Pseudonymise IDs with HMAC-SHA256 under a key.
 *
 * @param ids - the IDs (length n).
 * @param options - `key` (required), `digits`, `prefix`.
 * @returns n pseudonyms; equal IDs get equal pseudonyms.
 * @throws {ArgumentError} on an empty key, digits outside 8..64, or two different IDs that hash alike.
 * @example
 * pseudonymiseIds(["1", "2"], { key: "k" }); // => ["c_…", "c_…"] (16 hex digits each)
 */
export function pseudonymiseIds(ids: readonly (string | number)[], options: PseudonymiseOptions): string[] {
  const { key, digits = 16, prefix = "c_" } = options ?? ({} as PseudonymiseOptions);
  if (typeof key !== "string" || key === "") throw new ArgumentError("pseudonymiseIds: key must be a non-empty string");
  if (!Number.isInteger(digits) || digits < 8 || digits > 64) {
    throw new ArgumentError(`pseudonymiseIds: digits=${digits} must be an integer in 8..64`);
  }
  const seen = new Map<string, string>();
  return ids.map((id) => {
    const text = String(id);
    const pseudonym = prefix + createHmac("sha256", key).update(text).digest("hex").slice(0, digits);
    const before = seen.get(pseudonym);
    if (before !== undefined && before !== text) {
      throw new ArgumentError(
        `pseudonymiseIds: IDs "${before}" and "${text}" collide at digits=${digits}; use more digits`,
      );
    }
    seen.set(pseudonym, text);
    return pseudonym;
  });
}
