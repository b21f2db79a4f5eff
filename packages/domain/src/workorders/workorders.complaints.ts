import { z } from 'zod';
import { idSchema, patchSchema } from '../common/common.schemas.js';
import { customerGradeSchema } from '../customers/customers.schemas.js';

// 客户投诉: a complaint is routed by configurable rules to whoever must answer it — technical issues
// to engineering, service-quality complaints to the department at fault (which records its
// explanation/apology and the improvement), bulk-contract customers to their project team.

export const complaintCategories = ['technical', 'service_quality', 'parts', 'billing', 'other'] as const;
export const complaintCategorySchema = z.enum(complaintCategories);
export type ComplaintCategory = z.infer<typeof complaintCategorySchema>;

export const complaintIntakeSchema = z.object({
  category: complaintCategorySchema,
  // For service-quality complaints: the org whose service is complained about.
  atFaultOrgId: idSchema.nullable().optional(),
});
export type ComplaintIntake = z.infer<typeof complaintIntakeSchema>;

export const complaintResponseSchema = z.object({
  explanation: z.string().trim().min(1).max(2000),
  apology: z.string().trim().min(1).max(2000),
  improvement: z.string().trim().min(1).max(2000),
  version: z.number().int().min(1),
});
export type ComplaintResponseInput = z.infer<typeof complaintResponseSchema>;

export const complaintSchema = z.object({
  category: complaintCategorySchema,
  atFaultOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
  routedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  response: z.object({ explanation: z.string(), apology: z.string(), improvement: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintRuleInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(10_000),
  // Conditions; null matches anything. All given conditions must hold.
  category: complaintCategorySchema.nullable(),
  regionOrgId: idSchema.nullable(), // the order's org lies in this org's subtree
  customerGrade: customerGradeSchema.nullable(),
  customerTag: z.string().trim().min(1).max(20).nullable(), // e.g. 大客户 / 大宗项目
  // Where it goes: an org node (department, regional centre, outlet or project team).
  targetOrgId: idSchema,
  active: z.boolean().default(true),
});
export type ComplaintRuleInput = z.infer<typeof complaintRuleInputSchema>;
export const complaintRuleSchema = complaintRuleInputSchema.extend({
  id: z.string(),
  targetOrgName: z.string(),
  regionOrgName: z.string().nullable(),
  version: z.number().int(),
});
export type ComplaintRule = z.infer<typeof complaintRuleSchema>;
export const complaintRuleListSchema = z.object({ items: z.array(complaintRuleSchema) });
export const updateComplaintRuleSchema = patchSchema(complaintRuleInputSchema).extend({ version: z.number().int().min(1) });

export type RoutingRule = {
  id: string;
  position: number;
  active: boolean;
  category: ComplaintCategory | null;
  regionPath: string | null;
  customerGrade: string | null;
  customerTag: string | null;
  targetOrgId: string;
};
export type RoutingSubject = { category: ComplaintCategory; orgPath: string; customerGrade: string | null; customerTags: readonly string[] };

/** The first active rule (by position, then id) whose every condition holds; null: default routing. */
export function routeComplaint<R extends RoutingRule>(rules: readonly R[], subject: RoutingSubject): R | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (
    ordered.find(
      (r) =>
        r.active &&
        (r.category === null || r.category === subject.category) &&
        (r.regionPath === null || subject.orgPath.startsWith(r.regionPath)) &&
        (r.customerGrade === null || r.customerGrade === subject.customerGrade) &&
        (r.customerTag === null || subject.customerTags.includes(r.customerTag)),
    ) ?? null
  );
}

/** Chinese for the custom messages of the work-order schemas (the server's validation errors). */
export const workOrderIssueMessagesZh: Record<string, string> = {
  'a complaint needs its category': '投诉工单须选择投诉类别',
  'only complaints have a complaint category': '只有投诉工单才有投诉类别',
  'a fixed standard needs its amount': '固定金额标准须填写金额',
  'a percentage standard needs its percent': '比例标准须填写百分比',
};
