/**
 * Argument checks shared by the BG/NBD and Gamma-Gamma functions (the `lifetimes` conventions):
 * frequency = repeat purchases (a non-negative integer), recency = time from the first to the last
 * purchase (0 when frequency is 0), T = time from the first purchase to the end of observation.
 */
import { ArgumentError } from "../core/errors";

/** Per-customer purchase history, `lifetimes` conventions, one time unit throughout. */
export interface PurchaseHistory {
  /** Repeat purchases x (nCustomers), non-negative integers. */
  frequency: readonly number[];
  /** Time of the last purchase after the first, t_x (nCustomers), 0 <= recency <= T. */
  recency: readonly number[];
  /** Time from the first purchase to the end of observation (nCustomers). */
  T: readonly number[];
}

/** Throw unless every array has `n` entries. */
export function checkLengths(fn: string, arrays: Record<string, readonly number[]>): number {
  const entries = Object.entries(arrays);
  for (const [name, values] of entries) {
    if (!Array.isArray(values) && !ArrayBuffer.isView(values))
      throw new ArgumentError(
        `${fn}: ${name} must be an array of numbers, got ${values === null ? "null" : typeof values}`,
      );
  }
  const n = entries[0]![1].length;
  for (const [, values] of entries) {
    if (values.length !== n) {
      throw new ArgumentError(
        `${fn}: ragged arrays: ${entries.map(([k, v]) => `${k} has ${v.length}`).join(", ")} entries`,
      );
    }
  }
  return n;
}

/**
 * Check a purchase history: equal lengths, finite numbers, integer frequency >= 0, 0 <= recency <= T,
 * recency = 0 where frequency = 0.
 * @returns the number of customers.
 * @throws {ArgumentError} naming the function, the first bad index and its values.
 */
export function checkHistory(fn: string, { frequency, recency, T }: PurchaseHistory, allowEmpty = false): number {
  const n = checkLengths(fn, { frequency, recency, T });
  if (n === 0 && !allowEmpty) throw new ArgumentError(`${fn}: no customers (empty arrays)`);
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    const tx = recency[i]!;
    const age = T[i]!;
    if (!Number.isInteger(x) || x < 0)
      throw new ArgumentError(`${fn}: frequency[${i}]=${x} must be a non-negative integer`);
    if (!Number.isFinite(tx) || tx < 0)
      throw new ArgumentError(`${fn}: recency[${i}]=${tx} must be a finite number >= 0`);
    if (!Number.isFinite(age) || age < 0) throw new ArgumentError(`${fn}: T[${i}]=${age} must be a finite number >= 0`);
    if (tx > age) throw new ArgumentError(`${fn}: recency[${i}]=${tx} must be <= T[${i}]=${age}`);
    if (x === 0 && tx !== 0) throw new ArgumentError(`${fn}: recency[${i}]=${tx} must be 0 where frequency[${i}]=0`);
  }
  return n;
}

/**
 * Check monetary values against frequencies: finite, and > 0 where frequency > 0 (the mean value of the
 * repeat purchases; ignored where frequency is 0).
 * @throws {ArgumentError} naming the function, the first bad index and its values.
 */
export function checkMonetary(fn: string, frequency: readonly number[], monetary: readonly number[]): void {
  checkLengths(fn, { frequency, monetary });
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    const m = monetary[i]!;
    if (!Number.isInteger(x) || x < 0)
      throw new ArgumentError(`${fn}: frequency[${i}]=${x} must be a non-negative integer`);
    if (Number.isNaN(m) || !Number.isFinite(m))
      throw new ArgumentError(`${fn}: monetary[${i}]=${m} must be a finite number`);
    if (x > 0 && m <= 0)
      throw new ArgumentError(`${fn}: monetary[${i}]=${m} must be > 0 where frequency[${i}]=${x} > 0`);
  }
}

/** Throw unless every named value is a finite number > 0. */
export function checkPositive(fn: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
      throw new ArgumentError(`${fn}: ${name}=${value} must be a finite number > 0`);
  }
}

/** Throw unless `value` is a finite number >= 0. */
export function checkNonNegative(fn: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new ArgumentError(`${fn}: ${name}=${value} must be a finite number >= 0`);
}
