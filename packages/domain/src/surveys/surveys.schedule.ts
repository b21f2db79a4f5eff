import type { SurveySchedule } from './surveys.schemas.js';

// Periods are counted in Asia/Shanghai (UTC+8 all year, no daylight saving since 1991).
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

type YearMonth = { year: number; month: number }; // month 1–12

function shanghaiYearMonth(at: Date): YearMonth {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** The first instant of a local month, as UTC. */
function startOfMonth(ym: YearMonth): Date {
  return new Date(Date.UTC(ym.year, ym.month - 1, 1) - SHANGHAI_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of an instant in Asia/Shanghai (the `month` of contract 2). */
export function shanghaiMonth(at: Date): string {
  const { year, month } = shanghaiYearMonth(at);
  return `${year}-${pad(month)}`;
}

function periodStart(schedule: Exclude<SurveySchedule, 'once'>, ym: YearMonth): YearMonth {
  switch (schedule) {
    case 'monthly':
      return ym;
    case 'half_yearly':
      return { year: ym.year, month: ym.month <= 6 ? 1 : 7 };
    case 'yearly':
      return { year: ym.year, month: 1 };
    default: {
      const never: never = schedule;
      throw new Error(`unknown schedule ${String(never)}`);
    }
  }
}

const monthsOf = { monthly: 1, half_yearly: 6, yearly: 12 } as const;

function addMonths(ym: YearMonth, n: number): YearMonth {
  const i = ym.year * 12 + (ym.month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

function keyOf(schedule: Exclude<SurveySchedule, 'once'>, start: YearMonth): string {
  if (schedule === 'monthly') return `${start.year}-${pad(start.month)}`;
  if (schedule === 'half_yearly') return `${start.year}-H${start.month <= 6 ? 1 : 2}`;
  return String(start.year);
}

export type SurveyPeriod = {
  key: string; // 'once', 'YYYY-MM', 'YYYY-H1'/'YYYY-H2', 'YYYY'
  startsAt: string; // ISO UTC: the period's first instant in Asia/Shanghai
  nextRunAt: string | null; // when the next period's invitations are due; null for 'once'
};

/** The period an instant falls in, and when the following one starts. */
export function surveyPeriodAt(schedule: SurveySchedule, at: Date): SurveyPeriod {
  if (schedule === 'once') return { key: 'once', startsAt: at.toISOString(), nextRunAt: null };
  const start = periodStart(schedule, shanghaiYearMonth(at));
  return {
    key: keyOf(schedule, start),
    startsAt: startOfMonth(start).toISOString(),
    nextRunAt: startOfMonth(addMonths(start, monthsOf[schedule])).toISOString(),
  };
}

/**
 * The order window a periodic run looks at: the period before the one starting at `runAt`
 * (a monthly run on 1 December surveys the orders of November), as Asia/Shanghai dates.
 */
export function previousPeriodWindow(schedule: Exclude<SurveySchedule, 'once'>, runAt: Date): { from: string; to: string } {
  const start = periodStart(schedule, shanghaiYearMonth(runAt));
  const prev = addMonths(start, -monthsOf[schedule]);
  const lastDay = new Date(startOfMonth(start).getTime() + SHANGHAI_OFFSET_MS - 86_400_000);
  return { from: `${prev.year}-${pad(prev.month)}-01`, to: lastDay.toISOString().slice(0, 10) };
}
