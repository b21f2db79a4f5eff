import i18next from 'i18next';

/** 90 → "90 分钟", 240 → "4 小时", 2880 → "2 天": the largest unit that divides evenly. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes % 1440 === 0) return i18next.t('policies.units.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return i18next.t('policies.units.hours', { count: minutes / 60 });
  return i18next.t('policies.units.minutes', { count: minutes });
}

export const fenToYuan = (fen: number): number => fen / 100;
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
export const formatYuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;
