import type { FormRule } from 'antd';
import i18next from 'i18next';

// Structural view of a zod schema, so forms reuse the domain schemas without importing zod.
type Issue = { code: string; origin?: unknown; minimum?: unknown; maximum?: unknown };
type SafeParser = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } };
};

type Options = {
  /** Replaces every failure message (for rules better explained as a whole, e.g. passwords). */
  message?: string;
  /** Replaces only format failures (regex, email), keeping the length messages. */
  formatMessage?: string;
};

function describe(issue: Issue | undefined, options: Options): string {
  if (options.message) return options.message;
  if (!issue) return i18next.t('validation.invalid');
  const isString = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small':
      return isString
        ? i18next.t('validation.tooShort', { min: Number(issue.minimum) })
        : i18next.t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return isString
        ? i18next.t('validation.tooLong', { max: Number(issue.maximum) })
        : i18next.t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return options.formatMessage ?? i18next.t('validation.invalid');
    default:
      return i18next.t('validation.invalid');
  }
}

/**
 * An antd rule that validates a field with the same zod schema the server uses; empty values are
 * left to the `required` rule. Messages are ours (localised), not zod's English ones.
 */
export function schemaRule(schema: SafeParser, options: Options = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(describe(result.error.issues[0], options));
    },
  };
}

export function requiredRule(): FormRule {
  return { required: true, message: i18next.t('validation.required') };
}

/** Strips empty strings so optional fields are omitted rather than sent blank. */
export function withoutEmpty<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values) as [keyof T, T[keyof T]][]) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  return out;
}
