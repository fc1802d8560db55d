/**
 * Seeded randomness: every algorithm takes a `seed` and draws from this generator, never Math.random,
 * so the same seed gives bit-identical results on every run.
 */

/** A source of uniform floats in [0, 1). */
export type RandomSource = () => number;

/**
 * Mulberry32: a small, fast 32-bit generator, ample for sampling and initialisation.
 * @param seed - any integer; the same seed gives the same sequence.
 */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(random: RandomSource, n: number): number {
  return Math.floor(random() * n);
}

/** A standard normal draw (Box–Muller). */
export function randomNormal(random: RandomSource): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** `size` indices drawn from [0, n) with replacement (a bootstrap sample). */
export function bootstrapIndices(random: RandomSource, n: number, size = n): Int32Array {
  const idx = new Int32Array(size);
  for (let i = 0; i < size; i++) idx[i] = randomInt(random, n);
  return idx;
}

/** `size` distinct indices drawn from [0, n) without replacement, in draw order. */
export function sampleIndices(random: RandomSource, n: number, size: number): Int32Array {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const k = Math.min(size, n);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(random, n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k);
}
