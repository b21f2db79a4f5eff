import { z } from 'zod';
import { idSchema, listQuerySchema, pageSchema, patchSchema } from '../common/common.schemas.js';

// Departments (客户服务部, 技术部 …) and project teams (a bulk-contract customer's 项目组) receive
// routed complaints and work like any unit of the tree: their staff see their own subtree.
export const orgKinds = ['hq', 'region', 'outlet', 'department', 'project_team'] as const;
export const orgKindSchema = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const serviceLevelSchema = z.enum(['A', 'B', 'C']);
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

// HQ → regional centres → outlets; HQ may also run outlets directly. Departments belong to HQ or
// a regional centre; a project team to whichever unit serves the contract.
export const allowedParentKinds: Record<OrgKind, readonly OrgKind[]> = {
  hq: [],
  region: ['hq'],
  outlet: ['region', 'hq'],
  department: ['hq', 'region'],
  project_team: ['hq', 'region', 'outlet'],
};

export function canBeChildOf(kind: OrgKind, parentKind: OrgKind): boolean {
  return allowedParentKinds[kind].includes(parentKind);
}

const text = (max: number) => z.string().trim().max(max);

export const orgFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, - and _ only' }),
  name: text(100).min(1),
  province: text(30).optional(),
  city: text(30).optional(),
  address: text(200).optional(),
  contactName: text(50).optional(),
  contactPhone: text(30).optional(),
  serviceLevel: serviceLevelSchema.default('B'),
});

export const createOrgSchema = orgFieldsSchema.extend({
  kind: orgKindSchema.exclude(['hq']),
  parentId: idSchema,
});
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = patchSchema(orgFieldsSchema).extend({
  // Optimistic locking: the version the client edited.
  version: z.number().int().min(1),
});
export type UpdateOrgInput = z.infer<typeof updateOrgSchema>;

export const moveOrgSchema = z.object({ parentId: idSchema });

export const orgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: orgKindSchema,
  code: z.string(),
  name: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  serviceLevel: serviceLevelSchema,
  isActive: z.boolean(),
  depth: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgSortable = ['name', 'code', 'kind', 'createdAt', 'serviceLevel'] as const;
export const listOrgsQuerySchema = listQuerySchema(orgSortable).extend({
  kind: orgKindSchema.optional(),
  parentId: idSchema.optional(),
  serviceLevel: serviceLevelSchema.optional(),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListOrgsQuery = z.infer<typeof listOrgsQuerySchema>;
export const orgPageSchema = pageSchema(orgSchema);

export type OrgTreeNode = Org & { children: OrgTreeNode[] };

/** Builds a forest from a flat list (parents before or after children, any order). */
export function buildOrgTree(orgs: readonly Org[]): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>();
  for (const o of orgs) byId.set(o.id, { ...o, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortRec = (nodes: OrgTreeNode[]) => {
    nodes.sort((a, b) => a.code.localeCompare(b.code));
    nodes.forEach((n) => sortRec(n.children));
  };
  sortRec(roots);
  return roots;
}
