import { levelOfScore, NPS_MAX, type SatisfactionLevel, type SurveyQuestion, type SurveySubmission } from './surveys.schemas.js';

/** One checked answer, ready to store (contract 2: raw number, normalised score, choices or text). */
export type CheckedAnswer = {
  question: SurveyQuestion;
  raw: number | null;
  score: number | null;
  choices: string[] | null;
  text: string | null;
};

export type AnswerIssue = { path: (string | number)[]; code: 'required' | 'out_of_range' | 'unknown_option' | 'wrong_type' | 'unknown_question'; message: string };

export type CheckedSubmission =
  | { ok: true; answers: CheckedAnswer[]; comment: string | null }
  | { ok: false; issues: AnswerIssue[] };

/** Normalised 0–100: rating (raw-1)/(scale-1)·100, NPS raw·10; other kinds have none. */
export function normalisedScore(q: Pick<SurveyQuestion, 'kind' | 'scale'>, raw: number): number | null {
  if (q.kind === 'rating' && q.scale) return round2(((raw - 1) / (q.scale - 1)) * 100);
  if (q.kind === 'nps') return raw * 10;
  return null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function checkOne(q: SurveyQuestion, value: unknown, path: (string | number)[]): AnswerIssue | CheckedAnswer {
  const base = { question: q, raw: null, score: null, choices: null, text: null };
  switch (q.kind) {
    case 'rating':
    case 'nps': {
      const max = q.kind === 'nps' ? NPS_MAX : (q.scale ?? 5);
      const min = q.kind === 'nps' ? 0 : 1;
      if (typeof value !== 'number' || !Number.isInteger(value)) return { path, code: 'wrong_type', message: 'expected a whole number' };
      if (value < min || value > max) return { path, code: 'out_of_range', message: `expected ${min}–${max}` };
      return { ...base, raw: value, score: normalisedScore(q, value) };
    }
    case 'single': {
      if (typeof value !== 'string') return { path, code: 'wrong_type', message: 'expected one option' };
      if (!q.options.some((o) => o.value === value)) return { path, code: 'unknown_option', message: `unknown option ${value}` };
      return { ...base, choices: [value] };
    }
    case 'multiple': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { path, code: 'wrong_type', message: 'expected a list of options' };
      const unknown = value.find((v) => !q.options.some((o) => o.value === v));
      if (unknown !== undefined) return { path, code: 'unknown_option', message: `unknown option ${String(unknown)}` };
      return { ...base, choices: [...new Set(value as string[])] };
    }
    case 'text': {
      if (typeof value !== 'string') return { path, code: 'wrong_type', message: 'expected text' };
      return { ...base, text: value.trim() };
    }
    default: {
      const never: never = q.kind;
      throw new Error(`unknown question kind ${String(never)}`);
    }
  }
}

/**
 * Checks a submission against its template: every required question answered, numbers within
 * the scale, options known, no answers to questions the template does not have. All issues are
 * reported at once, each at `answers.<questionId>`.
 */
export function checkSubmission(questions: readonly SurveyQuestion[], submission: SurveySubmission): CheckedSubmission {
  const issues: AnswerIssue[] = [];
  const answers: CheckedAnswer[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(submission.answers)) {
    if (!known.has(id)) issues.push({ path: ['answers', id], code: 'unknown_question', message: `no question ${id}` });
  }
  for (const q of questions) {
    const value = submission.answers[q.id];
    const path = ['answers', q.id];
    if (isBlank(value) || (q.kind === 'text' && typeof value === 'string' && value.trim() === '')) {
      if (q.required) issues.push({ path, code: 'required', message: 'this question needs an answer' });
      continue;
    }
    const r = checkOne(q, value, path);
    if ('code' in r) issues.push(r);
    else answers.push(r);
  }
  if (issues.length > 0) return { ok: false, issues };
  const comment = submission.comment?.trim() || null;
  return { ok: true, answers, comment };
}

export const npsCategories = ['promoter', 'passive', 'detractor'] as const;
export type NpsCategory = (typeof npsCategories)[number];

/** NPS: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsCategory(n: number): NpsCategory {
  if (n >= 9) return 'promoter';
  if (n >= 7) return 'passive';
  return 'detractor';
}

export type ResponseScore = { score: number | null; nps: number | null; level: SatisfactionLevel | null };

/**
 * Overall score of one response: the mean of its perception scores (rating questions that are
 * not the expectation half of a pair). With no rating answered, the NPS answer (×10) stands in.
 */
export function scoreResponse(answers: readonly CheckedAnswer[]): ResponseScore {
  const npsAnswer = answers.find((a) => a.question.kind === 'nps');
  const nps = npsAnswer?.raw ?? null;
  const perception = answers.filter((a) => a.question.kind === 'rating' && a.question.pairRole !== 'expectation' && a.score !== null);
  let score: number | null = null;
  if (perception.length > 0) score = round2(perception.reduce((s, a) => s + (a.score ?? 0), 0) / perception.length);
  else if (nps !== null) score = nps * 10;
  return { score, nps, level: score === null ? null : levelOfScore(score) };
}

/** The low answers of a response, for the recovery order's description. */
export function lowAnswersText(answers: readonly CheckedAnswer[], threshold: number, comment: string | null): string {
  const low = answers.filter((a) => a.score !== null && a.score < threshold && a.question.pairRole !== 'expectation');
  const lines = low.map((a) => `${a.question.text}: ${a.raw}${a.question.kind === 'rating' ? `/${a.question.scale}` : '/10'}`);
  for (const a of answers) if (a.text) lines.push(`${a.question.text}: ${a.text}`);
  if (comment) lines.push(comment);
  return lines.join('\n');
}
