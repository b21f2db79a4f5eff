import { describe, expect, it } from 'vitest';
import {
  callbackAnswersSchema, callbackPolicyInputSchema, callbackScript, isFalseCompletion, isLowScore, isSampled, maxAttempts, nextAttemptAt,
  ratingToScore, recordCallbackOutcomeSchema, sampledCount, scoreCallback, shareToBasisPoints,
} from '../index.js';

const takenIn = (count: number, share: number) => Array.from({ length: count }, (_, n) => n).filter((n) => isSampled(n, share));

describe('exact-share sampling', () => {
  it('takes exactly floor(N·share) of every prefix, for awkward shares too', () => {
    for (const share of [0, 0.01, 0.1, 0.29, 0.3, 1 / 3, 0.5, 0.57, 0.7, 0.99, 1]) {
      let taken = 0;
      for (let n = 0; n < 2000; n++) {
        if (isSampled(n, share)) taken++;
        expect(taken, `share ${share} after ${n + 1}`).toBe(Math.floor(((n + 1) * shareToBasisPoints(share)) / 10_000));
      }
      expect(taken).toBe(sampledCount(2000, share));
    }
  });

  it('is exact where floating point is not: 29 % of 100 is 29 (0.29·100 = 28.999… in doubles)', () => {
    expect(takenIn(100, 0.29)).toHaveLength(29);
    expect(takenIn(10, 0.7)).toHaveLength(7);
  });

  it('spreads the picks evenly and reproducibly', () => {
    expect(takenIn(10, 0.3)).toEqual([3, 6, 9]);
    expect(takenIn(6, 0.5)).toEqual([1, 3, 5]);
    expect(takenIn(10, 0.3)).toEqual(takenIn(10, 0.3));
    expect(takenIn(5, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(takenIn(50, 0)).toEqual([]);
  });

  it('refuses a negative or fractional counter', () => {
    expect(() => isSampled(-1, 0.5)).toThrow(RangeError);
    expect(() => isSampled(1.5, 0.5)).toThrow(RangeError);
  });
});

describe('retries', () => {
  const now = '2026-11-23T02:00:00.000Z';
  it('waits each listed delay in turn, then gives up', () => {
    expect(nextAttemptAt([120, 1440], 1, now)).toBe('2026-11-23T04:00:00.000Z');
    expect(nextAttemptAt([120, 1440], 2, now)).toBe('2026-11-24T02:00:00.000Z');
    expect(nextAttemptAt([120, 1440], 3, now)).toBeNull();
    expect(nextAttemptAt([], 1, now)).toBeNull();
    expect(maxAttempts([120, 1440])).toBe(3);
    expect(() => nextAttemptAt([120], 0, now)).toThrow(RangeError);
  });
});

describe('scoring', () => {
  it('maps 1–5 onto 0–100 and averages the four ratings to one decimal', () => {
    expect([1, 2, 3, 4, 5].map(ratingToScore)).toEqual([0, 25, 50, 75, 100]);
    expect(scoreCallback({ timeliness: 5, attitude: 5, quality: 5, overall: 5 })).toBe(100);
    expect(scoreCallback({ timeliness: 1, attitude: 1, quality: 1, overall: 1 })).toBe(0);
    expect(scoreCallback({ timeliness: 2, attitude: 3, quality: 2, overall: 2 })).toBe(31.3);
    expect(scoreCallback({ timeliness: 4, attitude: 3, quality: 3, overall: 3 })).toBe(56.3);
  });
  it('calls a score low only strictly below the threshold', () => {
    expect(isLowScore(59.9, 60)).toBe(true);
    expect(isLowScore(60, 60)).toBe(false);
  });
  it('takes "not fixed" and "not done" for 虚假完工', () => {
    expect(isFalseCompletion('fixed')).toBe(false);
    expect(isFalseCompletion('not_fixed')).toBe(true);
    expect(isFalseCompletion('not_done')).toBe(true);
  });
});

describe('questionnaire and outcome validation', () => {
  const ratings = { timeliness: 4, attitude: 5, quality: 4, overall: 4 };
  const answers = { arrivedOnTime: true, charged: false, faultFixed: 'fixed', ratings };
  it('accepts a complete answer and an amount when charged', () => {
    expect(callbackAnswersSchema.safeParse(answers).success).toBe(true);
    expect(callbackAnswersSchema.safeParse({ ...answers, charged: true, chargedFen: 15000 }).success).toBe(true);
  });
  it('refuses out-of-range or missing scores, a charge without amount, an amount without charge', () => {
    const issues = (v: unknown) => callbackAnswersSchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...answers, ratings: { ...ratings, overall: 6 } })).toEqual(['ratings.overall']);
    expect(issues({ ...answers, ratings: { ...ratings, quality: 0 } })).toEqual(['ratings.quality']);
    expect(issues({ ...answers, ratings: { ...ratings, quality: 3.5 } })).toEqual(['ratings.quality']);
    expect(issues({ ...answers, ratings: { timeliness: 4 } })).toEqual(['ratings.attitude', 'ratings.quality', 'ratings.overall']);
    expect(issues({ ...answers, charged: true })).toEqual(['chargedFen']);
    expect(issues({ ...answers, chargedFen: 100 })).toEqual(['chargedFen']);
    expect(issues({ ...answers, faultFixed: 'maybe' })).toEqual(['faultFixed']);
  });
  it('requires answers when reached and nothing else for the other outcomes', () => {
    expect(recordCallbackOutcomeSchema.safeParse({ outcome: 'reached', version: 1 }).success).toBe(false);
    expect(recordCallbackOutcomeSchema.safeParse({ outcome: 'reached', version: 1, answers }).success).toBe(true);
    for (const outcome of ['not_reached', 'refused', 'wrong_number']) expect(recordCallbackOutcomeSchema.safeParse({ outcome, version: 2 }).success).toBe(true);
    expect(recordCallbackOutcomeSchema.safeParse({ outcome: 'hung_up', version: 1 }).success).toBe(false);
  });
  it('bounds the policy', () => {
    const ok = { share: 0.5, delayMinutes: 1440, retryMinutes: [120, 1440], lowScoreThreshold: 60, version: 1 };
    expect(callbackPolicyInputSchema.safeParse(ok).success).toBe(true);
    expect(callbackPolicyInputSchema.safeParse({ ...ok, share: 1.2 }).success).toBe(false);
    expect(callbackPolicyInputSchema.safeParse({ ...ok, retryMinutes: [1] }).success).toBe(false);
    expect(callbackPolicyInputSchema.safeParse({ ...ok, lowScoreThreshold: 101 }).success).toBe(false);
  });
});

describe('call script', () => {
  it('names the customer, the order and who came', () => {
    const lines = callbackScript({ customerName: '张三', orgName: '吴中站', orderNumber: 'WO202611230001', title: '割台不转', technicianName: '黄磊' });
    expect(lines[0]).toContain('张三');
    expect(lines[0]).toContain('WO202611230001');
    expect(lines[1]).toContain('服务工程师黄磊');
    expect(callbackScript({ customerName: 'a', orgName: '吴中站', orderNumber: 'x', title: 't', technicianName: null })[1]).toContain('吴中站');
  });
});
