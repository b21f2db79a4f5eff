import type { FormInstance } from 'antd';
import type { ApiError } from './api-error';

// Fastify reports where a value came from as the first path segment; forms only know field names.
const LOCATIONS = new Set(['body', 'query', 'querystring', 'params']);

/**
 * Puts a server error onto the antd form fields it concerns:
 * - VALIDATION_FAILED issues by their path;
 * - module errors about one field (ORG_CODE_TAKEN → code) through `fieldByCode`.
 * Returns the messages that matched no field, so the caller can show them elsewhere.
 */
export function applyServerErrors(
  form: FormInstance,
  error: ApiError,
  fieldByCode: Record<string, string> = {},
): string[] {
  // A lost session is handled once, globally (redirect to login); nothing to show on the form.
  if (error.status === 401) return [];
  const fieldNames = new Set(Object.keys(form.getFieldsValue()));
  const codeField = fieldByCode[error.code];
  if (codeField && fieldNames.has(codeField)) {
    form.setFields([{ name: codeField, errors: [error.message] }]);
    return [];
  }
  const issues = error.issues;
  if (issues.length === 0) return [error.message];

  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const issue of issues) {
    const path = LOCATIONS.has(String(issue.path[0])) ? issue.path.slice(1) : issue.path;
    const [head] = path;
    if (head === undefined || !fieldNames.has(String(head))) {
      unmatched.push(issue.message);
      continue;
    }
    // Array fields (roles[2]) show their error on the whole field.
    const name = typeof path[1] === 'number' ? [head] : path;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.errors })));
  return unmatched;
}
