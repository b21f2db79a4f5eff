import { z } from 'zod';
import { idSchema, listQuerySchema, pageSchema, phoneSchema } from '../common/common.schemas.js';
import { roleSchema } from '../auth/roles.js';
import { passwordSchema } from '../auth/auth.schemas.js';

const rolesField = z
  .array(roleSchema)
  .min(1)
  .max(9)
  .refine((r) => new Set(r).size === r.length, { message: 'duplicate role' });

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(32)
    .regex(/^[a-z0-9._-]+$/i, { message: 'letters, digits, . _ - only' }),
  name: z.string().trim().min(1).max(50),
  phone: phoneSchema.optional(),
  email: z.email().max(120).optional(),
  orgId: idSchema,
  roles: rolesField,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  phone: phoneSchema.nullable().optional(),
  email: z.email().max(120).nullable().optional(),
  orgId: idSchema.optional(),
  roles: rolesField.optional(),
  version: z.number().int().min(1),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ newPassword: passwordSchema });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(roleSchema),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userSortable = ['username', 'name', 'createdAt', 'lastLoginAt'] as const;
export const listUsersQuerySchema = listQuerySchema(userSortable).extend({
  orgId: idSchema.optional(),
  role: roleSchema.optional(),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;
export const userPageSchema = pageSchema(userSchema);
