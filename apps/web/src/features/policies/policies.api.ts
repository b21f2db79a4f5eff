import type {
  ComplaintRule,
  ComplaintRuleInput,
  CompensationStandard,
  CompensationStandardInput,
  SlaPolicy,
  SlaPolicyInput,
} from '@sht/domain';
import { http } from '../../api/http-client';

type Items<T> = { items: T[] };
export type SlaPolicyPatch = Partial<SlaPolicyInput> & { version: number };
export type ComplaintRulePatch = Partial<ComplaintRuleInput> & { version: number };

const slaOne = (id: string) => `/sla-policies/${encodeURIComponent(id)}`;
const ruleOne = (id: string) => `/complaint-rules/${encodeURIComponent(id)}`;

// HQ policy lists are short (a few dozen rows): the server returns them whole, unpaged.
export const policiesApi = {
  listSla: (signal?: AbortSignal) => http.get<Items<SlaPolicy>>('/sla-policies', undefined, signal),
  createSla: (input: SlaPolicyInput) => http.post<SlaPolicy>('/sla-policies', input),
  updateSla: (id: string, input: SlaPolicyPatch) => http.patch<SlaPolicy>(slaOne(id), input),
  listRules: (signal?: AbortSignal) => http.get<Items<ComplaintRule>>('/complaint-rules', undefined, signal),
  createRule: (input: ComplaintRuleInput) => http.post<ComplaintRule>('/complaint-rules', input),
  updateRule: (id: string, input: ComplaintRulePatch) => http.patch<ComplaintRule>(ruleOne(id), input),
  listCompensation: (signal?: AbortSignal) =>
    http.get<Items<CompensationStandard>>('/compensation-standards', undefined, signal),
  createCompensation: (input: CompensationStandardInput) => http.post<CompensationStandard>('/compensation-standards', input),
};

/** There is no GET by id: the latest version of a record is read from its (short) list. */
export async function findLatest<T extends { id: string }>(list: Promise<Items<T>>, id: string): Promise<T> {
  const found = (await list).items.find((item) => item.id === id);
  if (!found) throw new Error(`record ${id} is gone`);
  return found;
}
