// Reproducible random sampling: the same seed and the same candidate list always give the same pick.

/** mulberry32: a small, fast 32-bit PRNG; good enough for survey sampling, not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The exact sample size of a share: round(share × n), at least one when share > 0 and n > 0. */
export function sampleSize(n: number, share: number): number {
  if (n <= 0 || share <= 0) return 0;
  if (share >= 1) return n;
  return Math.min(n, Math.max(1, Math.round(share * n)));
}

/**
 * Picks sampleSize(n, share) items by a seeded partial Fisher–Yates shuffle. The caller passes
 * the candidates in a stable order (e.g. by id) so that the seed alone decides the pick.
 */
export function sampleExact<T>(items: readonly T[], share: number, seed: number): T[] {
  const k = sampleSize(items.length, share);
  const pool = [...items];
  const next = seededRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    const tmp = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}
