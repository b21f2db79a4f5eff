import { z } from 'zod';
import { roleSchema } from './roles.js';
import { permissions } from './permissions.js';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

// 8–128 characters with at least one letter and one digit.
export const passwordSchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/[A-Za-z]/, { message: 'password needs a letter' })
  .regex(/\d/, { message: 'password needs a digit' });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
