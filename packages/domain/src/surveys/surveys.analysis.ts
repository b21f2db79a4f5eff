import {
  monthIndex,
  type AnalysisExtraKey, type AnalysisGroupKey, type AnalysisStats, type BreakdownRow, type ChosenCause, type DimensionAnalysis,
  type DissatisfactionCause, type GroupValue, type Nps, type TrendPoint,
} from './surveys.analysis.schemas.js';
import { satisfactionLevels, surveyDimensions, type SatisfactionLevel, type SurveyDimension, type SurveyPairRole } from './surveys.schemas.js';

// Survey analysis from SQL aggregates: the database sums (count, Σx, Σx², level buckets, NPS
// categories) per group, and these pure functions turn the sums into means, spreads, gaps and
// shares. Sums add up, so any coarser view is a roll-up of the same rows.

/** Level buckets in the order of `satisfactionLevels` (very satisfied … very dissatisfied). */
export type LevelCounts = [number, number, number, number, number];

export type Moments = { n: number; sum: number; sumSq: number; levels: LevelCounts; promoters: number; detractors: number };

/** One row of the grouped aggregate over survey_answers with a numeric score. */
export type AnswerAggregate = Moments & {
  keys: Partial<Record<AnalysisExtraKey, string | null>>;
  dimension: SurveyDimension | null;
  pair: SurveyPairRole | null;
  kind: 'rating' | 'nps';
};

/** levelOfScore's lower bounds of very satisfied, satisfied, neutral, dissatisfied (the SQL buckets use them). */
export const LEVEL_THRESHOLDS = [90, 75, 60, 40] as const;
// NPS on the normalised score (answer × 10): promoters answer 9–10, detractors 0–6 (Reichheld).
export const NPS_PROMOTER_SCORE = 90;
export const NPS_DETRACTOR_SCORE = 60;

// Levels below "neutral" count as dissatisfied (score < 60).
const DISSATISFIED_FROM = satisfactionLevels.indexOf('dissatisfied');

export const emptyMoments = (): Moments => ({ n: 0, sum: 0, sumSq: 0, levels: [0, 0, 0, 0, 0], promoters: 0, detractors: 0 });

export function addMoments(into: Moments, m: Moments): Moments {
  into.n += m.n;
  into.sum += m.sum;
  into.sumSq += m.sumSq;
  for (let i = 0; i < 5; i++) into.levels[i] = (into.levels[i] ?? 0) + (m.levels[i] ?? 0);
  into.promoters += m.promoters;
  into.detractors += m.detractors;
  return into;
}

function sumOf(aggs: readonly Moments[]): Moments {
  return aggs.reduce((acc, a) => addMoments(acc, a), emptyMoments());
}

export const round = (x: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function meanOf(m: Pick<Moments, 'n' | 'sum'>): number | null {
  return m.n > 0 ? m.sum / m.n : null;
}

/** Sample standard deviation (n − 1) from Σx and Σx²; null below two answers. */
export function stdDevOf(m: Pick<Moments, 'n' | 'sum' | 'sumSq'>): number | null {
  if (m.n < 2) return null;
  // Σx² − (Σx)²/n can dip below zero by rounding when all answers are equal.
  const ss = Math.max(0, m.sumSq - (m.sum * m.sum) / m.n);
  return Math.sqrt(ss / (m.n - 1));
}

export function levelShares(levels: Readonly<Record<SatisfactionLevel, number>> | LevelCounts) {
  const counts = satisfactionLevels.map((l, i) => (Array.isArray(levels) ? levels[i] ?? 0 : (levels as Record<SatisfactionLevel, number>)[l]));
  const total = counts.reduce((a, b) => a + b, 0);
  return satisfactionLevels.map((level, i) => ({ level, count: counts[i] ?? 0, share: total > 0 ? round((counts[i] ?? 0) / total, 4) : 0 }));
}

export function statsOf(m: Moments): AnalysisStats {
  const mean = meanOf(m);
  const sd = stdDevOf(m);
  return { n: m.n, mean: mean === null ? null : round(mean), stdDev: sd === null ? null : round(sd), distribution: levelShares(m.levels) };
}

export const dissatisfiedOf = (m: Moments) => m.levels.slice(DISSATISFIED_FROM).reduce((a, b) => a + b, 0);

/** NPS (Reichheld): promoters (9–10) % − detractors (0–6) %, −100..100, one decimal. */
export function npsOf(c: { n: number; promoters: number; detractors: number }): Nps {
  const passives = c.n - c.promoters - c.detractors;
  const score = c.n > 0 ? round(((c.promoters - c.detractors) / c.n) * 100, 1) : null;
  return { n: c.n, promoters: c.promoters, passives, detractors: c.detractors, score };
}

// What is rated: rating questions, perception side (paired or plain). Expectations only feed the gap.
const isPerceptionRating = (a: AnswerAggregate) => a.kind === 'rating' && a.pair !== 'expectation';
const isNps = (a: AnswerAggregate) => a.kind === 'nps' && a.pair !== 'expectation';

export function overallOf(aggs: readonly AnswerAggregate[]): AnalysisStats {
  return statsOf(sumOf(aggs.filter(isPerceptionRating)));
}

export function npsOfAggregates(aggs: readonly AnswerAggregate[]): Nps {
  const m = sumOf(aggs.filter(isNps));
  return npsOf(m);
}

/**
 * Per SERVQUAL dimension: statistics of the perception answers, and the gap P − E between the
 * means of the paired perception and expectation questions (only when both sides exist).
 */
export function dimensionsOf(aggs: readonly AnswerAggregate[]): DimensionAnalysis[] {
  const out: DimensionAnalysis[] = [];
  for (const dimension of surveyDimensions) {
    const mine = aggs.filter((a) => a.dimension === dimension && a.kind === 'rating');
    if (mine.length === 0) continue;
    const perceived = sumOf(mine.filter((a) => a.pair !== 'expectation'));
    const expectation = meanOf(sumOf(mine.filter((a) => a.pair === 'expectation')));
    const perception = meanOf(sumOf(mine.filter((a) => a.pair === 'perception')));
    out.push({
      dimension,
      ...statsOf(perceived),
      expectationMean: expectation === null ? null : round(expectation),
      perceptionMean: perception === null ? null : round(perception),
      gap: expectation === null || perception === null ? null : round(perception - expectation),
      dissatisfied: dissatisfiedOf(perceived),
    });
  }
  return out;
}

/** Dissatisfaction by cause: the dimensions with dissatisfied answers, most first (lower mean first on ties). */
export function causesOf(dimensions: readonly DimensionAnalysis[]): DissatisfactionCause[] {
  const total = dimensions.reduce((a, d) => a + d.dissatisfied, 0);
  return dimensions
    .filter((d) => d.dissatisfied > 0)
    .map((d) => ({ dimension: d.dimension, dissatisfied: d.dissatisfied, share: round(d.dissatisfied / total, 4), rate: round(d.dissatisfied / d.n, 4), mean: d.mean }))
    .sort((a, b) => b.dissatisfied - a.dissatisfied || (a.mean ?? 0) - (b.mean ?? 0));
}

export function valueOf(a: AnswerAggregate, key: AnalysisGroupKey): string | null {
  return key === 'dimension' ? a.dimension : a.keys[key] ?? null;
}

type Bucket = { key: string | null; thenKey: string | null; all: AnswerAggregate[] };

function byDimension(aggs: readonly AnswerAggregate[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const d of surveyDimensions) {
    const m = sumOf(aggs.filter((a) => a.dimension === d && isPerceptionRating(a)));
    if (m.n > 0) out[d] = round(m.sum / m.n);
  }
  return out;
}

/**
 * The breakdown table: one row per value (pair of values) of the grouping keys, sorted by them,
 * at most `limit` rows (the rest is reported as truncated). `label` names a value for display.
 */
export function breakdownOf(
  aggs: readonly AnswerAggregate[],
  groupBy: AnalysisGroupKey,
  thenBy: AnalysisGroupKey | null,
  label: (key: AnalysisGroupKey, value: string | null) => string,
  limit = 2000,
): { rows: BreakdownRow[]; truncated: boolean } {
  const buckets = new Map<string, Bucket>();
  // By dimension the rows are the rated dimensions: NPS questions carry no dimension.
  const byDim = groupBy === 'dimension' || thenBy === 'dimension';
  for (const a of byDim ? aggs.filter((x) => x.kind === 'rating') : aggs) {
    const key = valueOf(a, groupBy);
    const thenKey = thenBy ? valueOf(a, thenBy) : null;
    const id = `${key === null ? '\u0000' : key}\u0001${thenKey === null ? '\u0000' : thenKey}`;
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = { key, thenKey, all: [] }));
    b.all.push(a);
  }
  const cmp = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);
  // A group with neither a rating nor an NPS answer (only expectations) has nothing to show.
  const shown = [...buckets.values()].filter((b) => b.all.some((a) => a.pair !== 'expectation'));
  const sorted = shown.sort((a, b) => cmp(a.key, b.key) || cmp(a.thenKey, b.thenKey));
  const rows = sorted.slice(0, limit).map((b): BreakdownRow => {
    const rated = sumOf(b.all.filter(isPerceptionRating));
    const stats = statsOf(rated);
    const value = (k: AnalysisGroupKey, v: string | null): GroupValue => ({ value: v, label: label(k, v) });
    return {
      key: value(groupBy, b.key),
      thenKey: thenBy ? value(thenBy, b.thenKey) : null,
      n: rated.n,
      mean: stats.mean,
      stdDev: stats.stdDev,
      dissatisfiedRate: rated.n > 0 ? round(dissatisfiedOf(rated) / rated.n, 4) : null,
      nps: npsOfAggregates(b.all).score,
      byDimension: byDimension(b.all),
    };
  });
  return { rows, truncated: sorted.length > limit };
}

export function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
}

/**
 * The month series of aggregates grouped by month: every month of the period (the query's, else
 * the first to the last month with answers), empty months with n 0; `change` compares the mean
 * with the previous month that had answers.
 */
export function trendOf(aggs: readonly AnswerAggregate[], period: { from?: string | undefined; to?: string | undefined } = {}): TrendPoint[] {
  const byMonth = new Map<string, AnswerAggregate[]>();
  for (const a of aggs) {
    const m = a.keys.month;
    if (!m) continue;
    const list = byMonth.get(m) ?? [];
    list.push(a);
    byMonth.set(m, list);
  }
  const present = [...byMonth.keys()].sort();
  const from = period.from ?? present[0];
  const to = period.to ?? present.at(-1);
  if (!from || !to) return [];
  let previous: number | null = null;
  return monthsBetween(from, to).map((month) => {
    const list = byMonth.get(month) ?? [];
    const rated = sumOf(list.filter(isPerceptionRating));
    const mean = meanOf(rated);
    const change = mean !== null && previous !== null ? round(mean - previous) : null;
    if (mean !== null) previous = mean;
    return { month, n: rated.n, mean: mean === null ? null : round(mean), change, nps: npsOfAggregates(list).score, byDimension: byDimension(list) };
  });
}

/** Answers of dissatisfied respondents to one choice question with one set of picks (JSON array of option values). */
export type ChoiceCount = { templateId: string; questionId: string; choiceJson: string; count: number };
export type ChoiceQuestion = { text: string; options: readonly { value: string; label: string }[] };

/**
 * The options dissatisfied respondents picked in choice questions, most picked first: per question
 * text (so a template's versions add up) and option label, with the share of those who answered it.
 */
export function chosenCausesOf(
  rows: readonly ChoiceCount[],
  questionOf: (templateId: string, questionId: string) => ChoiceQuestion | undefined,
  limit = 10,
): ChosenCause[] {
  const answered = new Map<string, number>();
  const picked = new Map<string, ChosenCause>();
  for (const r of rows) {
    const q = questionOf(r.templateId, r.questionId);
    if (!q) continue;
    let values: unknown;
    try {
      values = JSON.parse(r.choiceJson);
    } catch {
      continue; // not written by the surveys module: leave it out
    }
    if (!Array.isArray(values)) continue;
    answered.set(q.text, (answered.get(q.text) ?? 0) + r.count);
    for (const v of new Set(values)) {
      const option = q.options.find((o) => o.value === v)?.label ?? String(v);
      const id = `${q.text}\u0001${option}`;
      const c = picked.get(id) ?? { question: q.text, option, count: 0, share: 0 };
      c.count += r.count;
      picked.set(id, c);
    }
  }
  return [...picked.values()]
    .map((c) => ({ ...c, share: round(c.count / (answered.get(c.question) ?? c.count), 4) }))
    .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question) || a.option.localeCompare(b.option))
    .slice(0, limit);
}
