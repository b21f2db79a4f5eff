// 回访 rules: which confirmed orders get a callback (exact share per service level), when a missed
// call is tried again, and how the answers become a 0–100 score. Pure: no clock, no I/O.

export const SHARE_SCALE = 10_000; // shares are kept in basis points so the sampling maths is exact integers

/** A 0–1 share as whole basis points (0.3 → 3000), the unit the sampler counts in. */
export const shareToBasisPoints = (share: number): number => Math.min(SHARE_SCALE, Math.max(0, Math.round(share * SHARE_SCALE)));

/**
 * Exact-share sampling by a running counter (Bresenham): the n-th confirmed order (0-based) of a
 * service level is taken iff floor((n+1)·share) > floor(n·share). Over any first N orders exactly
 * floor(N·share) are taken, spread evenly, and the same counter always gives the same answer.
 */
export function isSampled(n: number, share: number): boolean {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`counter must be a non-negative integer, got ${n}`);
  const bp = shareToBasisPoints(share);
  return Math.floor(((n + 1) * bp) / SHARE_SCALE) > Math.floor((n * bp) / SHARE_SCALE);
}

/** How many of the first `count` orders the sampler takes: floor(count·share). */
export const sampledCount = (count: number, share: number): number => Math.floor((count * shareToBasisPoints(share)) / SHARE_SCALE);

/**
 * When to try again after a call that did not reach the customer: attempt k (1-based, the one just
 * made) waits retryMinutes[k-1]. Null when the attempts are used up (max = retries + 1).
 */
export function nextAttemptAt(retryMinutes: readonly number[], attemptsMade: number, now: string): string | null {
  if (attemptsMade < 1) throw new RangeError('at least one attempt must have been made');
  const wait = retryMinutes[attemptsMade - 1];
  if (wait === undefined) return null;
  return new Date(Date.parse(now) + wait * 60_000).toISOString();
}

export const maxAttempts = (retryMinutes: readonly number[]): number => retryMinutes.length + 1;

/** A 1–5 rating on the 0–100 scale: 1 → 0, 3 → 50, 5 → 100. */
export const ratingToScore = (rating: number): number => ((rating - 1) / 4) * 100;

export type CallbackRatings = { timeliness: number; attitude: number; quality: number; overall: number };

/** The callback's score: the mean of the four ratings on 0–100, to one decimal. */
export function scoreCallback(r: CallbackRatings): number {
  const mean = (ratingToScore(r.timeliness) + ratingToScore(r.attitude) + ratingToScore(r.quality) + ratingToScore(r.overall)) / 4;
  return Math.round(mean * 10) / 10;
}

/** 虚假完工: the customer says the fault was not fixed or the work was not done at all. */
export const isFalseCompletion = (faultFixed: 'fixed' | 'not_fixed' | 'not_done'): boolean => faultFixed !== 'fixed';

/** Whether a score opens a recovery case: strictly below the threshold. */
export const isLowScore = (score: number, threshold: number): boolean => score < threshold;
