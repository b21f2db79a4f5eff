import type { EquipmentPage,
  Contract,
  CreateContractInput,
  CreateEquipmentInput,
  CreateReadingInput,
  CreateTransferInput,
  Equipment,
  EquipmentWarranty,
  Page,
  ProductModel,
  Reading,
  Transfer,
  UpdateEquipmentInput,
} from '@sht/domain';
import { http, toQueryString, type QueryParams } from '../../api/http-client';

export type EquipmentListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  /** Serial-number prefix. */
  q?: string;
  modelId?: string;
  customerId?: string;
  outletOrgId?: string;
  status?: string;
};

const one = (id: string) => `/equipment/${encodeURIComponent(id)}`;

export const equipmentApi = {
  list: (params: EquipmentListParams, signal?: AbortSignal) => http.get<EquipmentPage>('/equipment', params, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Equipment>(one(id), undefined, signal),
  create: (input: CreateEquipmentInput) => http.post<Equipment>('/equipment', input),
  update: (id: string, input: UpdateEquipmentInput) => http.patch<Equipment>(one(id), input),
  warranty: (id: string, date: string | undefined, signal?: AbortSignal) =>
    http.get<EquipmentWarranty>(`${one(id)}/warranty`, { date }, signal),
  readings: (id: string, signal?: AbortSignal) => http.get<{ items: Reading[] }>(`${one(id)}/readings`, undefined, signal),
  addReading: (id: string, input: CreateReadingInput) => http.post<Reading>(`${one(id)}/readings`, input),
  transfers: (id: string, signal?: AbortSignal) => http.get<{ items: Transfer[] }>(`${one(id)}/transfers`, undefined, signal),
  transfer: (id: string, input: CreateTransferInput) => http.post<Equipment>(`${one(id)}/transfers`, input),
  contracts: (id: string, signal?: AbortSignal) => http.get<{ items: Contract[] }>(`${one(id)}/contracts`, undefined, signal),
  addContract: (id: string, input: CreateContractInput) => http.post<Contract>(`${one(id)}/contracts`, input),
  // The catalogue has no web feature yet; the unit forms only need to pick a model.
  models: (q: string | undefined, signal?: AbortSignal) =>
    http.get<Page<ProductModel>>('/catalogue/models', { q, isActive: 'true', pageSize: 50, sort: 'code' }, signal),
  model: (id: string, signal?: AbortSignal) => http.get<ProductModel>(`/catalogue/models/${encodeURIComponent(id)}`, undefined, signal),
};

/**
 * The spreadsheet of the filtered list (all pages, same sort). A plain link: the browser sends the
 * session cookie and saves the streamed file; GETs need no CSRF token.
 */
export function equipmentExportHref(params: Omit<EquipmentListParams, 'page' | 'pageSize'>): string {
  const query: QueryParams = {
    q: params.q,
    modelId: params.modelId,
    customerId: params.customerId,
    outletOrgId: params.outletOrgId,
    status: params.status,
    sort: params.sort,
    order: params.sort ? params.order : undefined,
  };
  return `/api/v1/equipment/export${toQueryString(query)}`;
}
