import { describe, expect, it } from 'vitest';
import {
  LEVEL_THRESHOLDS, NPS_DETRACTOR_SCORE, NPS_PROMOTER_SCORE, breakdownOf, causesOf, chosenCausesOf, dimensionsOf, levelShares, monthsBetween, npsOf, npsOfAggregates, overallOf, statsOf, stdDevOf, trendOf,
  type AnswerAggregate, type LevelCounts,
} from './surveys.analysis.js';
import { analysisQuerySchema } from './surveys.analysis.schemas.js';
import { levelOfScore, satisfactionLevels, type SurveyDimension, type SurveyPairRole } from './surveys.schemas.js';

// Builds the aggregate the database would return for these raw answers.
function agg(
  scores: number[],
  o: { dimension?: SurveyDimension | null; pair?: SurveyPairRole | null; kind?: 'rating' | 'nps'; keys?: AnswerAggregate['keys'] } = {},
): AnswerAggregate {
  const levels: LevelCounts = [0, 0, 0, 0, 0];
  for (const s of scores) levels[satisfactionLevels.indexOf(levelOfScore(s))]! += 1;
  const kind = o.kind ?? 'rating';
  return {
    keys: o.keys ?? {}, dimension: o.dimension === undefined ? 'reliability' : o.dimension, pair: o.pair ?? null, kind,
    n: scores.length, sum: scores.reduce((a, b) => a + b, 0), sumSq: scores.reduce((a, b) => a + b * b, 0), levels,
    promoters: kind === 'nps' ? scores.filter((s) => s >= 90).length : 0,
    detractors: kind === 'nps' ? scores.filter((s) => s <= 60).length : 0,
  };
}

describe('statistics from sums', () => {
  it('gives mean, sample standard deviation and the level distribution', () => {
    const s = statsOf(agg([100, 75, 50, 25]));
    expect(s.n).toBe(4);
    expect(s.mean).toBe(62.5);
    // Σx² = 18750, (Σx)²/n = 15625 → variance 3125/3
    expect(s.stdDev).toBeCloseTo(Math.sqrt(3125 / 3), 2);
    expect(s.distribution.map((d) => d.count)).toEqual([1, 1, 0, 1, 1]);
    expect(s.distribution[0]).toEqual({ level: 'very_satisfied', count: 1, share: 0.25 });
  });

  it('has no mean without answers and no spread below two answers', () => {
    expect(statsOf(agg([]))).toMatchObject({ n: 0, mean: null, stdDev: null });
    expect(statsOf(agg([80])).stdDev).toBeNull();
    expect(stdDevOf({ n: 3, sum: 3 * 66.66666, sumSq: 3 * 66.66666 ** 2 })).toBe(0); // equal answers, rounding never goes negative
  });

  it('shares of levels add up and an empty distribution has zero shares', () => {
    const shares = levelShares({ very_satisfied: 1, satisfied: 2, neutral: 3, dissatisfied: 0, very_dissatisfied: 4 });
    expect(shares.map((s) => s.share)).toEqual([0.1, 0.2, 0.3, 0, 0.4]);
    expect(levelShares([0, 0, 0, 0, 0]).every((s) => s.share === 0)).toBe(true);
  });
});

describe('SQL thresholds', () => {
  it('match levelOfScore at every boundary', () => {
    const [vs, s, n, d] = LEVEL_THRESHOLDS;
    expect([vs, vs - 0.01, s, s - 0.01, n, n - 0.01, d, d - 0.01].map(levelOfScore)).toEqual([
      'very_satisfied', 'satisfied', 'satisfied', 'neutral', 'neutral', 'dissatisfied', 'dissatisfied', 'very_dissatisfied',
    ]);
    // NPS answers 9 and 6 on the 0–100 score
    expect([NPS_PROMOTER_SCORE, NPS_DETRACTOR_SCORE]).toEqual([9 * 10, 6 * 10]);
  });
});

describe('NPS', () => {
  it('is promoters % minus detractors %', () => {
    expect(npsOf({ n: 10, promoters: 5, detractors: 2 })).toEqual({ n: 10, promoters: 5, passives: 3, detractors: 2, score: 30 });
    expect(npsOf({ n: 3, promoters: 0, detractors: 3 }).score).toBe(-100);
    expect(npsOf({ n: 4, promoters: 4, detractors: 0 }).score).toBe(100);
    expect(npsOf({ n: 3, promoters: 1, detractors: 0 }).score).toBe(33.3);
    expect(npsOf({ n: 0, promoters: 0, detractors: 0 }).score).toBeNull();
  });

  it('counts only NPS questions, not ratings or expectations', () => {
    const aggs = [agg([100, 90, 70, 0], { kind: 'nps', dimension: null }), agg([100, 100], { dimension: 'empathy' }), agg([0], { kind: 'nps', dimension: null, pair: 'expectation' })];
    expect(npsOfAggregates(aggs)).toMatchObject({ n: 4, promoters: 2, detractors: 1, score: 25 });
  });
});

describe('dimensions and the expectation–perception gap', () => {
  const aggs = [
    agg([100, 50], { dimension: 'reliability', pair: 'perception' }),
    agg([100, 100], { dimension: 'reliability', pair: 'expectation' }),
    agg([25], { dimension: 'reliability' }), // plain perception question: in the mean, not in the gap
    agg([75, 75, 75], { dimension: 'empathy' }),
    agg([0, 0], { dimension: 'tangibles', pair: 'expectation' }),
    agg([10], { kind: 'nps', dimension: 'tangibles' }),
  ];

  it('rates the perception answers and takes P − E of the pairs only', () => {
    const dims = dimensionsOf(aggs);
    expect(dims.map((d) => d.dimension)).toEqual(['tangibles', 'reliability', 'empathy']);
    const rel = dims.find((d) => d.dimension === 'reliability')!;
    expect(rel).toMatchObject({ n: 3, mean: 58.33, perceptionMean: 75, expectationMean: 100, gap: -25, dissatisfied: 2 });
    const emp = dims.find((d) => d.dimension === 'empathy')!;
    expect(emp).toMatchObject({ n: 3, mean: 75, stdDev: 0, gap: null, expectationMean: null, dissatisfied: 0 });
    // Only expectations asked: no perception, no gap.
    expect(dims.find((d) => d.dimension === 'tangibles')).toMatchObject({ n: 0, mean: null, gap: null, expectationMean: 0 });
  });

  it('the overall mean covers every perception rating, not expectations or NPS', () => {
    expect(overallOf(aggs)).toMatchObject({ n: 6, mean: round2((100 + 50 + 25 + 225) / 6) });
  });

  it('ranks causes of dissatisfaction by dissatisfied answers, then the lower mean', () => {
    const dims = dimensionsOf([
      agg([20, 30, 100], { dimension: 'responsiveness' }),
      agg([50, 55, 90, 90], { dimension: 'assurance' }),
      agg([10, 100, 100, 100], { dimension: 'recovery' }),
      agg([95], { dimension: 'empathy' }),
    ]);
    const causes = causesOf(dims);
    expect(causes.map((c) => c.dimension)).toEqual(['responsiveness', 'assurance', 'recovery']);
    expect(causes[0]).toMatchObject({ dissatisfied: 2, share: 0.4, rate: 0.6667 });
    expect(causes[2]).toMatchObject({ dissatisfied: 1, share: 0.2, rate: 0.25 });
  });
});

describe('chosen causes of dissatisfaction', () => {
  const question = { text: '您不满意的主要原因?', options: [{ value: 'late', label: '到场不及时' }, { value: 'fee', label: '收费不合理' }, { value: 'again', label: '故障复发' }] };
  const other = { text: '您从哪里得知我们?', options: [{ value: 'tv', label: '电视' }] };
  const questions: Record<string, typeof question> = { 't1:q9': question, 't2:q9': question, 't1:q10': other };

  it('tallies picks per question text and option, with the share of those who answered', () => {
    const causes = chosenCausesOf([
      { templateId: 't1', questionId: 'q9', choiceJson: '["late"]', count: 3 },
      { templateId: 't2', questionId: 'q9', choiceJson: '["late","fee"]', count: 1 }, // a later version of the template
      { templateId: 't1', questionId: 'q9', choiceJson: '["again","again"]', count: 2 },
      { templateId: 't1', questionId: 'q10', choiceJson: '["tv"]', count: 1 },
      { templateId: 't1', questionId: 'q11', choiceJson: '["x"]', count: 5 }, // unknown question
      { templateId: 't1', questionId: 'q9', choiceJson: 'not json', count: 7 },
    ], (t, q) => questions[`${t}:${q}`]);
    expect(causes).toEqual([
      { question: question.text, option: '到场不及时', count: 4, share: 0.6667 },
      { question: question.text, option: '故障复发', count: 2, share: 0.3333 },
      { question: question.text, option: '收费不合理', count: 1, share: 0.1667 },
      { question: other.text, option: '电视', count: 1, share: 1 },
    ]);
    expect(chosenCausesOf([{ templateId: 't1', questionId: 'q9', choiceJson: '["late"]', count: 1 }], (t, q) => questions[`${t}:${q}`], 0)).toEqual([]);
  });
});

describe('breakdown', () => {
  const aggs = [
    agg([100, 80], { dimension: 'reliability', keys: { region: '44', month: '2026-01' } }),
    agg([40], { dimension: 'empathy', keys: { region: '44', month: '2026-02' } }),
    agg([60], { dimension: 'reliability', keys: { region: '11', month: '2026-01' } }),
    agg([100, 0], { kind: 'nps', dimension: null, keys: { region: '44', month: '2026-01' } }),
    agg([70], { dimension: 'reliability', keys: { region: null, month: '2026-01' } }),
  ];
  const label = (_k: string, v: string | null) => (v === null ? '—' : `L${v}`);

  it('groups by one key with per-dimension means and NPS', () => {
    const { rows, truncated } = breakdownOf(aggs, 'region', null, label);
    expect(truncated).toBe(false);
    expect(rows.map((r) => r.key.value)).toEqual(['11', '44', null]);
    const gd = rows[1]!;
    expect(gd).toMatchObject({ key: { value: '44', label: 'L44' }, thenKey: null, n: 3, mean: round2(220 / 3), nps: 0, dissatisfiedRate: 0.3333 });
    expect(gd.byDimension).toEqual({ reliability: 90, empathy: 40 });
  });

  it('groups by two keys, the dimension included, and truncates at the limit', () => {
    const { rows } = breakdownOf(aggs, 'region', 'month', label);
    expect(rows.map((r) => [r.key.value, r.thenKey?.value])).toEqual([['11', '2026-01'], ['44', '2026-01'], ['44', '2026-02'], [null, '2026-01']]);
    const byDim = breakdownOf(aggs, 'dimension', 'region', label);
    expect(byDim.rows.find((r) => r.key.value === 'reliability' && r.thenKey?.value === '44')).toMatchObject({ n: 2, mean: 90 });
    expect(breakdownOf(aggs, 'region', 'month', label, 2)).toMatchObject({ truncated: true, rows: [{}, {}] });
  });

  it('by dimension shows the rated dimensions only, and no group of expectations alone', () => {
    const rows = breakdownOf([...aggs, agg([100], { dimension: 'tangibles', pair: 'expectation', keys: { region: '51' } })], 'dimension', null, label).rows;
    expect(rows.map((r) => [r.key.value, r.n])).toEqual([['empathy', 1], ['reliability', 4]]);
    expect(breakdownOf([agg([100], { pair: 'expectation', keys: { region: '51' } })], 'region', null, label).rows).toEqual([]);
  });
});

describe('trend', () => {
  const month = (m: string, scores: number[]) => agg(scores, { keys: { month: m } });

  it('fills the period, compares with the previous month that had answers', () => {
    const points = trendOf([month('2026-03', [90]), month('2025-12', [60, 80]), month('2026-01', [50])], { from: '2025-11', to: '2026-03' });
    expect(points.map((p) => [p.month, p.n, p.mean, p.change])).toEqual([
      ['2025-11', 0, null, null],
      ['2025-12', 2, 70, null],
      ['2026-01', 1, 50, -20],
      ['2026-02', 0, null, null],
      ['2026-03', 1, 90, 40],
    ]);
  });

  it('without a period runs from the first to the last month with answers', () => {
    expect(trendOf([month('2026-02', [1]), month('2025-11', [2])]).map((p) => p.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(trendOf([])).toEqual([]);
    expect(monthsBetween('2024-12', '2025-01')).toEqual(['2024-12', '2025-01']);
  });
});

describe('analysis query', () => {
  it('accepts filters and two groupings', () => {
    const q = analysisQuerySchema.parse({ from: '2025-01', to: '2026-12', regionCode: '44', groupBy: 'region', thenBy: 'month', orderType: 'repair' });
    expect(q).toMatchObject({ groupBy: 'region', thenBy: 'month' });
    expect(analysisQuerySchema.parse({}).groupBy).toBe('dimension');
  });

  it.each([
    [{ from: '2026-13' }, 'from'],
    [{ from: '2026-05', to: '2026-04' }, 'to'],
    [{ from: '2000-01', to: '2026-01' }, 'to'],
    [{ groupBy: 'region', thenBy: 'region' }, 'thenBy'],
    [{ groupBy: 'colour' }, 'groupBy'],
    [{ regionCode: '4401' }, 'regionCode'],
    [{ outletId: 'x' }, 'outletId'],
    [{ orderType: 'magic' }, 'orderType'],
  ])('refuses %j on %s', (input, path) => {
    const r = analysisQuerySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([path]);
  });
});

function round2(x: number) {
  return Math.round(x * 100) / 100;
}
