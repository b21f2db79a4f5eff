import { describe, expect, it } from 'vitest';
import { sampleExact, sampleSize, seededRandom } from './surveys.sampling.js';

const ids = Array.from({ length: 1000 }, (_, i) => `id-${String(i).padStart(4, '0')}`);

describe('seeded sampling', () => {
  it('draws the same numbers from the same seed, different from another seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it.each([
    [1000, 0.1, 100], [1000, 0.333, 333], [7, 0.5, 4], [3, 0.1, 1], [10, 1, 10], [0, 0.5, 0], [5, 0.0001, 1],
  ])('sample size of %i at %f is %i', (n, share, k) => {
    expect(sampleSize(n, share)).toBe(k);
  });

  it('picks exactly round(share × N) distinct items, the same for the same seed', () => {
    const pick = sampleExact(ids, 0.25, 20261124);
    expect(pick).toHaveLength(250);
    expect(new Set(pick).size).toBe(250);
    for (const p of pick) expect(ids).toContain(p);
    expect(sampleExact(ids, 0.25, 20261124)).toEqual(pick);
    expect(sampleExact(ids, 0.25, 7)).not.toEqual(pick);
  });

  it('takes everyone at share 1 and leaves the input untouched', () => {
    const copy = [...ids];
    expect(new Set(sampleExact(ids, 1, 1))).toEqual(new Set(ids));
    expect(ids).toEqual(copy);
  });

  it('is roughly uniform: every item is picked about share × runs times', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const counts = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 4000; seed++) for (const x of sampleExact(items, 0.25, seed)) counts[x] = (counts[x] ?? 0) + 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});
