import { z } from 'zod';
import { workOrderStatusSchema } from '../workorders/workorders.schemas.js';

const count = z.number().int().min(0);

// 工作台: the numbers a service manager looks at first, each block only for callers who may read
// that area (null otherwise), all within the caller's org subtree.
export const dashboardSummarySchema = z.object({
  workOrders: z.object({
    /** Not yet resolved (and not cancelled). */
    open: count,
    createdToday: count,
    /** Open and nobody assigned yet. */
    unassigned: count,
    /** Open orders with a running target past its warning point / past its due time. */
    atRisk: count,
    breached: count,
    byStatus: z.array(z.object({ status: workOrderStatusSchema, count })),
    /** SLA targets that stopped in the last 30 days: met vs breached. */
    targets30d: z.object({ met: count, breached: count }),
  }).nullable(),
  callbacks: z.object({
    pending: count,
    overdue: count,
    completed30d: count,
    /** Mean score (0–100) of the callbacks that reached the customer in the last 30 days. */
    meanScore30d: z.number().nullable(),
  }).nullable(),
  satisfaction: z.object({
    responses90d: count,
    meanScore90d: z.number().nullable(),
    /** Net promoter score of the NPS answers in the last 90 days (−100…100). */
    nps90d: z.number().nullable(),
  }).nullable(),
  recovery: z.object({ open: count, succeeded90d: count, failed90d: count }).nullable(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;
