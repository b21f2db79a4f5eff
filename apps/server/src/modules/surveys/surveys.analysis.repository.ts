import { sql, type ExpressionBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import {
  LEVEL_THRESHOLDS, NPS_DETRACTOR_SCORE, NPS_PROMOTER_SCORE,
  type AnalysisExtraKey, type ChoiceCount, type AnalysisFilters, type AnswerAggregate, type LevelCounts, type SatisfactionLevel, type Scope, type SurveyDimension, type SurveyPairRole,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';

// The analysis reads survey_answer_counts or survey_answers, and survey_responses (denormalised by
// the surveys module, one row per answered question) with one grouped aggregate; the domain turns
// the sums into answers.

/** The column of each grouping key; survey_answers and survey_responses name them alike. */
const keyColumns: Record<AnalysisExtraKey, 'region_code' | 'outlet_org_id' | 'technician_id' | 'model_id' | 'order_type' | 'month'> = {
  region: 'region_code',
  outlet: 'outlet_org_id',
  technician: 'technician_id',
  model: 'model_id',
  orderType: 'order_type',
  month: 'month',
};

type Filterable = 'survey_answers' | 'survey_responses' | 'survey_answer_counts';

/** The filters and the caller's subtree, for any of the tables (same column names). */
function filtered<T extends Filterable>(eb: ExpressionBuilder<Database, T>, scope: Scope, f: AnalysisFilters): Expression<SqlBool> {
  const ref = (c: string) => sql.ref(c);
  const and: Expression<SqlBool>[] = [inScope(eb, 'org_path', scope)];
  const eq = (c: string, v: string | undefined) => {
    if (v !== undefined) and.push(eb(ref(c), '=', v));
  };
  eq('audience', f.audience);
  eq('campaign_id', f.campaignId);
  eq('region_code', f.regionCode);
  eq('outlet_org_id', f.outletId);
  eq('technician_id', f.technicianId);
  eq('model_id', f.modelId);
  eq('order_type', f.orderType);
  if (f.from) and.push(eb(ref('month'), '>=', f.from));
  if (f.to) and.push(eb(ref('month'), '<=', f.to));
  return eb.and(and);
}

type SumRow = {
  dimension: string | null; pair: string | null; kind: string; n: number | string; total: number | string | null; total_sq: number | string | null;
  l0: number | string | null; l1: number | string | null; l2: number | string | null; l3: number | string | null; l4: number | string | null;
  promoters: number | string | null; detractors: number | string | null;
} & Record<`k${number}`, string | null>;

// PostgreSQL returns bigint counts and numeric sums as strings.
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** Whether survey_answer_counts can answer: its key has region, month and outlet, not technician, model or order type. */
export function canUseCounts(f: AnalysisFilters, keys: readonly AnalysisExtraKey[]): boolean {
  return !f.technicianId && !f.modelId && !f.orderType && keys.every((k) => k === 'region' || k === 'month' || k === 'outlet');
}

/**
 * Sums of the scored answers (rating, NPS) in scope per (grouping keys, dimension, pair, question
 * kind): count, Σ score, Σ score², level buckets (levelOfScore's thresholds) and NPS categories
 * (score = answer × 10: promoters ≥ 90, detractors ≤ 60). From the trigger-kept
 * survey_answer_counts (each row weighs n answers) when it has the filters and keys, about a tenth
 * of the rows, else from survey_answers (each row one answer). The GROUP BY columns follow the
 * counts' primary key ([month], dimension, pair, kind, region), so SQLite reads it in group order.
 */
export async function aggregateAnswers(db: Db, scope: Scope, f: AnalysisFilters, keys: readonly AnalysisExtraKey[]): Promise<AnswerAggregate[]> {
  const ordered = [...keys].sort((a, b) => Number(b === 'month') - Number(a === 'month'));
  const cols = ordered.map((k) => keyColumns[k]);
  const hasMonth = ordered[0] === 'month';
  const groupBy = [...(hasMonth ? ['month'] : []), 'dimension', 'pair', 'question_kind', ...cols.slice(hasMonth ? 1 : 0)].map((c) => sql.ref(c));
  const fromCounts = canUseCounts(f, keys);
  const n = fromCounts ? sql`n` : sql`1`;
  // double precision: PostgreSQL would sum a real column in single precision.
  const score = sql`cast(score as double precision)`;
  const weighed = (cond: RawBuilder<unknown>) => sql<number>`sum(case when ${cond} then ${n} else 0 end)`;
  const [t0, t1, t2, t3] = LEVEL_THRESHOLDS;
  const select = [
    ...cols.map((c, i) => sql.ref<string | null>(c).as(`k${i}`)), 'dimension', 'pair', 'question_kind as kind',
    sql<number>`sum(${n})`.as('n'),
    sql<number>`sum(${score} * ${n})`.as('total'),
    sql<number>`sum(${score} * ${score} * ${n})`.as('total_sq'),
    weighed(sql`score >= ${t0}`).as('l0'),
    weighed(sql`score >= ${t1} and score < ${t0}`).as('l1'),
    weighed(sql`score >= ${t2} and score < ${t1}`).as('l2'),
    weighed(sql`score >= ${t3} and score < ${t2}`).as('l3'),
    weighed(sql`score < ${t3}`).as('l4'),
    weighed(sql`question_kind = 'nps' and score >= ${NPS_PROMOTER_SCORE}`).as('promoters'),
    weighed(sql`question_kind = 'nps' and score <= ${NPS_DETRACTOR_SCORE}`).as('detractors'),
  ] as const;
  const rows = (fromCounts
    ? await db.selectFrom('survey_answer_counts').select(select).where('n', '>', 0)
      .where('question_kind', 'in', ['rating', 'nps']).where((eb) => filtered(eb, scope, f)).groupBy(groupBy).execute()
    : await db.selectFrom('survey_answers').select(select).where('score', 'is not', null)
      .where('question_kind', 'in', ['rating', 'nps']).where((eb) => filtered(eb, scope, f)).groupBy(groupBy).execute()) as unknown as SumRow[]; // dynamic key aliases k0, k1
  // The counts keep null dimension, pair, region and outlet as ''.
  const orNull = (v: string | null) => (v === '' ? null : v);
  return rows.map((r) => {
    const keyValues: AnswerAggregate['keys'] = {};
    ordered.forEach((k, i) => {
      keyValues[k] = orNull(r[`k${i}`] ?? null);
    });
    const levels: LevelCounts = [num(r.l0), num(r.l1), num(r.l2), num(r.l3), num(r.l4)];
    return {
      keys: keyValues, dimension: orNull(r.dimension) as SurveyDimension | null, pair: orNull(r.pair) as SurveyPairRole | null,
      kind: r.kind === 'nps' ? 'nps' : 'rating', n: num(r.n), sum: num(r.total), sumSq: num(r.total_sq), levels,
      promoters: num(r.promoters), detractors: num(r.detractors),
    };
  });
}

/** Responses (respondents) in scope by their overall satisfaction level. */
export async function countResponseLevels(db: Db, scope: Scope, f: AnalysisFilters): Promise<Record<SatisfactionLevel, number>> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['level', sql<number>`count(*)`.as('n')])
    .where((eb) => filtered(eb, scope, f))
    .groupBy('level')
    .execute();
  const out: Record<SatisfactionLevel, number> = { very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 };
  for (const r of rows) if (r.level && r.level in out) out[r.level as SatisfactionLevel] += num(r.n);
  return out;
}

/**
 * Choice answers of the dissatisfied responses in scope, counted per template, question and picks.
 * Driven from survey_responses into survey_answers' partial index of choice answers (migration 0013).
 */
export async function countDissatisfiedChoices(db: Db, scope: Scope, f: AnalysisFilters): Promise<ChoiceCount[]> {
  const rows = await db
    .selectFrom((qb) => qb
      .selectFrom('survey_responses')
      .select('id')
      .where('level', 'in', ['dissatisfied', 'very_dissatisfied'])
      .where((eb) => filtered(eb, scope, f))
      .as('r'))
    .innerJoin('survey_answers as a', 'a.response_id', 'r.id')
    .select(['a.template_id', 'a.question_id', 'a.choice_json', sql<number>`count(*)`.as('n')])
    // Literal, as in the partial index survey_answers_choice_idx (a bound list would not match it).
    .where(sql<SqlBool>`a.question_kind in ('single', 'multiple')`)
    .where('a.choice_json', 'is not', null)
    .groupBy(['a.template_id', 'a.question_id', 'a.choice_json'])
    .execute();
  return rows.map((r) => ({ templateId: r.template_id, questionId: r.question_id, choiceJson: r.choice_json ?? '[]', count: num(r.n) }));
}

export async function listTemplateQuestions(db: Db, ids: readonly string[]): Promise<{ id: string; questions_json: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('survey_templates').select(['id', 'questions_json']).where('id', 'in', ids).execute();
}

/** Names of the outlets, technicians and models among `ids` (any scope: only ids found in scoped answers are asked). */
export async function namesOf(db: Db, key: 'outlet' | 'technician' | 'model', ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = key === 'outlet'
    ? await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute()
    : key === 'technician'
      ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
      : await db.selectFrom('product_models').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
