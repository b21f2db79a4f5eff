import { z } from 'zod';
import { calendarIssueMessagesZh, catalogueIssueMessagesZh, customerIssueMessagesZh, equipmentIssueMessagesZh, workOrderIssueMessagesZh, type Locale } from '@sht/domain';

const zhErrorMap = z.locales.zhCN().localeError;

// Custom messages written in the shared schemas, in Chinese.
const customZh: Record<string, string> = {
  'invalid phone number': '电话号码格式不正确',
  'letters, digits, - and _ only': '只能包含字母、数字、- 和 _',
  'letters, digits, . _ - only': '只能包含字母、数字、.、_ 和 -',
  'password needs a letter': '密码至少包含一个字母',
  'password needs a digit': '密码至少包含一个数字',
  'duplicate role': '角色重复',
  ...customerIssueMessagesZh,
  ...catalogueIssueMessagesZh,
  ...calendarIssueMessagesZh,
  ...equipmentIssueMessagesZh,
  ...workOrderIssueMessagesZh,
};

export type RawIssue = { code: string; message: string; path?: PropertyKey[] } & Record<string, unknown>;

/** The issue's message in the caller's language (zod's own English, or its zh-CN locale). */
export function zodIssueMessage(issue: RawIssue, locale: Locale): string {
  if (locale === 'en') return issue.message;
  const custom = customZh[issue.message];
  if (custom) return custom;
  // The zh-CN map reads the raw issue fields (code, expected, minimum, origin…), which the final issue keeps.
  const out = zhErrorMap(issue as unknown as Parameters<typeof zhErrorMap>[0]);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}
