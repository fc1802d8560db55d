/**
 * numpy's default ('linear') quantile of sorted values, including numpy's two-sided lerp
 * (`a + (b-a)·t` below t = 0.5, `b - (b-a)·(1-t)` from 0.5 on), so results match numpy and pandas
 * bit for bit. Assumes `sorted` is non-empty and ascending, `q` in [0, 1].
 *
 * @param sorted - n ascending values.
 * @param q - the quantile, 0.5 for the median.
 * @example quantileSorted([1, 2, 3, 4], 0.25) // => 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const t = position - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
