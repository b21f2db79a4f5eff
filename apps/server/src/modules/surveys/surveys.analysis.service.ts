import {
  breakdownOf, causesOf, chosenCausesOf, dimensionsOf, levelShares, npsOfAggregates, overallOf, trendOf,
  type AnalysisExtraKey, type ChoiceQuestion, type AnalysisFilters, type AnalysisGroupKey, type AnalysisQuery, type AnswerAggregate, type SurveyAnalysis, type SurveyTrend,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { resolveDivision } from '../customers/divisions.js';
import * as repo from './surveys.analysis.repository.js';

// Breakdown rows beyond this are cut (and flagged): a technician × month table of a national
// network stays readable, and the answer small.
export const BREAKDOWN_LIMIT = 2000;
const NONE = '—';

function extraKeys(...keys: (AnalysisGroupKey | null | undefined)[]): AnalysisExtraKey[] {
  return keys.filter((k): k is AnalysisExtraKey => !!k && k !== 'dimension');
}

/** Display names of the grouping values: provinces from the division dataset, outlets/technicians/models by id. */
async function labeller(db: Db, aggs: readonly AnswerAggregate[], keys: readonly AnalysisExtraKey[]) {
  const names = new Map<AnalysisExtraKey, Map<string, string>>();
  for (const key of keys) {
    if (key !== 'outlet' && key !== 'technician' && key !== 'model') continue;
    const ids = [...new Set(aggs.map((a) => a.keys[key]).filter((v): v is string => !!v))];
    names.set(key, await repo.namesOf(db, key, ids));
  }
  return (key: AnalysisGroupKey, value: string | null): string => {
    if (value === null) return NONE;
    if (key === 'region') {
      const r = resolveDivision({ provinceCode: value });
      return r.ok ? r.value.provinceName : value;
    }
    if (key === 'outlet' || key === 'technician' || key === 'model') return names.get(key)?.get(value) ?? value;
    return value; // dimension, order type and month are named by the client
  };
}

/** What dissatisfied respondents picked in choice questions, named by their templates' questions. */
async function chosenCauses(db: Db, ctx: ServiceContext, f: AnalysisFilters) {
  const rows = await repo.countDissatisfiedChoices(db, ctx.actor.scope, f);
  const templates = await repo.listTemplateQuestions(db, [...new Set(rows.map((r) => r.templateId))]);
  const questions = new Map<string, ChoiceQuestion>();
  for (const t of templates) {
    for (const q of JSON.parse(t.questions_json) as (ChoiceQuestion & { id: string })[]) questions.set(`${t.id}\u0001${q.id}`, q);
  }
  return chosenCausesOf(rows, (templateId, questionId) => questions.get(`${templateId}\u0001${questionId}`));
}

/**
 * The analysis of the answers in the caller's subtree: one grouped aggregate of the scored answers,
 * plus the responses by level and the choices of the dissatisfied ones.
 */
export async function analyze(db: Db, ctx: ServiceContext, q: AnalysisQuery): Promise<SurveyAnalysis> {
  const keys = extraKeys(q.groupBy, q.thenBy);
  const scope = ctx.actor.scope;
  const aggs = await repo.aggregateAnswers(db, scope, q, keys);
  const levels = await repo.countResponseLevels(db, scope, q);
  const dimensions = dimensionsOf(aggs);
  const label = await labeller(db, aggs, keys);
  const { rows, truncated } = breakdownOf(aggs, q.groupBy, q.thenBy ?? null, label, BREAKDOWN_LIMIT);
  return {
    overall: overallOf(aggs),
    dimensions,
    nps: npsOfAggregates(aggs),
    levels: levelShares(levels),
    causes: causesOf(dimensions),
    chosenCauses: await chosenCauses(db, ctx, q),
    groupBy: q.groupBy,
    thenBy: q.thenBy ?? null,
    breakdown: rows,
    truncated,
  };
}

/** Month series of the filtered answers (mean, NPS, per dimension, change against the previous month). */
export async function trend(db: Db, ctx: ServiceContext, f: AnalysisFilters): Promise<SurveyTrend> {
  const aggs = await repo.aggregateAnswers(db, ctx.actor.scope, f, ['month']);
  return { points: trendOf(aggs, f) };
}
