import { describe, expect, it } from 'vitest';
import { levelOfScore, surveyTemplateInputSchema, type SurveyQuestion, type SurveyQuestionInput } from './surveys.schemas.js';
import { checkSubmission, lowAnswersText, normalisedScore, npsCategory, scoreResponse } from './surveys.rules.js';

const template = (questions: SurveyQuestionInput[]) => surveyTemplateInputSchema.safeParse({ name: '满意度', audience: 'customer', questions });
const parsed = (questions: SurveyQuestionInput[]): SurveyQuestion[] => {
  const r = template(questions);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data.questions;
};

const questions = parsed([
  { id: 'exp', kind: 'rating', text: '期望:准时到达', scale: 5, dimension: 'reliability', pairId: 'p1', pairRole: 'expectation' },
  { id: 'per', kind: 'rating', text: '实际:准时到达', scale: 5, dimension: 'reliability', pairId: 'p1', pairRole: 'perception' },
  { id: 'attitude', kind: 'rating', text: '服务态度', scale: 10, dimension: 'empathy' },
  { id: 'nps', kind: 'nps', text: '推荐意愿', dimension: null },
  { id: 'fixed', kind: 'single', text: '故障是否排除', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
  { id: 'charged', kind: 'multiple', text: '收费项目', required: false, options: [{ value: 'parts', label: '配件' }, { value: 'travel', label: '差旅' }] },
  { id: 'note', kind: 'text', text: '建议', required: false },
]);

describe('template schema', () => {
  it('accepts a full template with a pair', () => {
    expect(questions).toHaveLength(7);
    expect(questions[0]?.required).toBe(true);
  });

  it.each([
    [[{ id: 'a', kind: 'rating', text: 'x' }], ['questions', 0, 'scale']],
    [[{ id: 'a', kind: 'rating', text: 'x', scale: 2 }], ['questions', 0, 'scale']],
    [[{ id: 'a', kind: 'rating', text: 'x', scale: 11 }], ['questions', 0, 'scale']],
    [[{ id: 'a', kind: 'nps', text: 'x', scale: 5 }], ['questions', 0, 'scale']],
    [[{ id: 'a', kind: 'single', text: 'x', options: [{ value: 'y', label: 'Y' }] }], ['questions', 0, 'options']],
    [[{ id: 'a', kind: 'text', text: 'x', options: [{ value: 'y', label: 'Y' }, { value: 'n', label: 'N' }] }], ['questions', 0, 'options']],
    [[{ id: 'a', kind: 'single', text: 'x', options: [{ value: 'y', label: 'Y' }, { value: 'y', label: 'N' }] }], ['questions', 0, 'options']],
    [[{ id: 'a', kind: 'text', text: 'x', dimension: 'empathy' }], ['questions', 0, 'dimension']],
    [[{ id: 'a', kind: 'rating', text: 'x', scale: 5 }, { id: 'a', kind: 'rating', text: 'y', scale: 5 }], ['questions', 1, 'id']],
    [[{ id: 'a', kind: 'rating', text: 'x', scale: 5, pairId: 'p' }], ['questions', 0, 'pairRole']],
    [[{ id: 'a', kind: 'rating', text: 'x', scale: 5, pairId: 'p', pairRole: 'expectation' }], ['questions', 0, 'pairId']],
    [[
      { id: 'a', kind: 'rating', text: 'x', scale: 5, pairId: 'p', pairRole: 'expectation', dimension: 'empathy' },
      { id: 'b', kind: 'rating', text: 'y', scale: 5, pairId: 'p', pairRole: 'perception', dimension: 'assurance' },
    ], ['questions', 1, 'pairId']],
    [[
      { id: 'a', kind: 'rating', text: 'x', scale: 5, pairId: 'p', pairRole: 'perception' },
      { id: 'b', kind: 'rating', text: 'y', scale: 5, pairId: 'p', pairRole: 'perception' },
    ], ['questions', 1, 'pairId']],
  ] as [SurveyQuestionInput[], (string | number)[]][])('refuses a bad question at its path %#', (qs, path) => {
    const r = template(qs);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('needs at least one question', () => {
    expect(template([]).success).toBe(false);
  });
});

describe('checkSubmission', () => {
  const good = { exp: 5, per: 4, attitude: 10, nps: 9, fixed: 'yes', charged: ['parts'], note: '很好' };

  it('accepts a complete answer and normalises scores', () => {
    const r = checkSubmission(questions, { answers: good, comment: '  谢谢 ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.comment).toBe('谢谢');
    const by = Object.fromEntries(r.answers.map((a) => [a.question.id, a]));
    expect(by.exp?.score).toBe(100);
    expect(by.per?.score).toBe(75);
    expect(by.attitude?.score).toBe(100);
    expect(by.nps?.score).toBe(90);
    expect(by.fixed?.choices).toEqual(['yes']);
    expect(by.charged?.choices).toEqual(['parts']);
    expect(by.note?.text).toBe('很好');
  });

  it('skips optional questions left blank', () => {
    const r = checkSubmission(questions, { answers: { ...good, charged: [], note: '  ' } });
    expect(r.ok && r.answers.map((a) => a.question.id)).toEqual(['exp', 'per', 'attitude', 'nps', 'fixed']);
  });

  it('reports every problem at its field', () => {
    const r = checkSubmission(questions, { answers: { exp: 0, per: 6, attitude: 7.5, nps: 11, fixed: 'maybe', charged: ['parts', 'gold'], extra: 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = Object.fromEntries(r.issues.map((i) => [i.path.join('.'), i.code]));
    expect(codes).toEqual({
      'answers.extra': 'unknown_question',
      'answers.exp': 'out_of_range',
      'answers.per': 'out_of_range',
      'answers.attitude': 'wrong_type',
      'answers.nps': 'out_of_range',
      'answers.fixed': 'unknown_option',
      'answers.charged': 'unknown_option',
    });
  });

  it('refuses missing required answers and wrong types', () => {
    const r = checkSubmission(questions, { answers: { exp: '5', per: null, fixed: ['yes'], charged: 'parts', note: 3 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = Object.fromEntries(r.issues.map((i) => [i.path.join('.'), i.code]));
    expect(codes).toEqual({
      'answers.exp': 'wrong_type', 'answers.per': 'required', 'answers.attitude': 'required', 'answers.nps': 'required',
      'answers.fixed': 'wrong_type', 'answers.charged': 'wrong_type', 'answers.note': 'wrong_type',
    });
  });

  it('accepts NPS 0 and the ends of a scale', () => {
    const r = checkSubmission(questions, { answers: { ...good, nps: 0, exp: 1, attitude: 1 } });
    expect(r.ok).toBe(true);
  });
});

describe('scores', () => {
  it('normalises ratings and NPS to 0–100', () => {
    expect(normalisedScore({ kind: 'rating', scale: 5 }, 1)).toBe(0);
    expect(normalisedScore({ kind: 'rating', scale: 5 }, 3)).toBe(50);
    expect(normalisedScore({ kind: 'rating', scale: 3 }, 2)).toBe(50);
    expect(normalisedScore({ kind: 'rating', scale: 10 }, 4)).toBe(33.33);
    expect(normalisedScore({ kind: 'nps', scale: null }, 7)).toBe(70);
    expect(normalisedScore({ kind: 'text', scale: null }, 7)).toBeNull();
  });

  it('classifies NPS answers', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('maps scores to satisfaction levels at the contract thresholds', () => {
    expect([100, 90, 89.99, 75, 74.9, 60, 59, 40, 39.9, 0].map(levelOfScore)).toEqual([
      'very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'neutral', 'neutral', 'dissatisfied', 'dissatisfied', 'very_dissatisfied', 'very_dissatisfied',
    ]);
  });

  it('scores a response by the mean of its perception answers, leaving expectations and NPS out', () => {
    const r = checkSubmission(questions, { answers: { exp: 5, per: 2, attitude: 4, nps: 10, fixed: 'no' } });
    if (!r.ok) throw new Error('expected ok');
    // per: 25, attitude: 33.33 → 29.17
    expect(scoreResponse(r.answers)).toEqual({ score: 29.17, nps: 10, level: 'very_dissatisfied' });
    expect(lowAnswersText(r.answers, 60, '不满意')).toBe('实际:准时到达: 2/5\n服务态度: 4/10\n不满意');
  });

  it('falls back to the NPS answer when no rating was given', () => {
    const qs = parsed([{ id: 'n', kind: 'nps', text: '推荐' }, { id: 't', kind: 'text', text: '建议', required: false }]);
    const r = checkSubmission(qs, { answers: { n: 8 } });
    if (!r.ok) throw new Error('expected ok');
    expect(scoreResponse(r.answers)).toEqual({ score: 80, nps: 8, level: 'satisfied' });
    expect(scoreResponse([])).toEqual({ score: null, nps: null, level: null });
  });
});
