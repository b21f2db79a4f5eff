import type { Technician, TechnicianProfileInput } from '@sht/domain';
import { http } from '../../api/http-client';

// A dispatcher's technicians: the server returns those of the caller's subtree whole (an outlet
// has a handful, a region a few hundred), so the page filters and sorts them in the browser.
export const techniciansApi = {
  list: (signal?: AbortSignal) => http.get<{ items: Technician[] }>('/technicians', undefined, signal),
  saveProfile: (id: string, input: TechnicianProfileInput) => http.put<Technician>(`/technicians/${encodeURIComponent(id)}/profile`, input),
};
