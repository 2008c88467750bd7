import { z } from 'zod';
import { wellFormedText } from './request-text.ts';
import { idSchema } from './ids.ts';
import { ROLES } from './roles.ts';
import { PLATFORM_KEYS } from './platforms.ts';

export const usernameSchema = z
  .string({ error: '用户名必须是文本' })
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { error: '用户名应为 3–32 位字母、数字、下划线、点或连字符' });

const roleSchema = z.enum(ROLES, { error: '角色不正确' });
const platformKeyOrNull = z.enum(PLATFORM_KEYS, { error: '平台不存在' }).nullable().optional();

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  platformKey: z.enum(PLATFORM_KEYS).nullable(),
  disabled: z.boolean().optional(),
  lockedUntil: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  version: z.number().optional(),
  /** #10.11: the password was set by the admin or the operator and must be changed before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const loginSchema = z.object({
  username: wellFormedText('用户名').trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256),
});

export const createUserSchema = z.object({
  username: usernameSchema,
  password: z.string({ error: '请输入密码' }).max(256, { error: '密码不能超过 256 个字符' }),
  displayName: wellFormedText('姓名')
    .trim()
    .min(1, { error: '请输入姓名' })
    .max(50, { error: '姓名不能超过 50 个字符' }),
  role: roleSchema,
  platformKey: platformKeyOrNull,
});

export const updateUserSchema = z.object({
  displayName: wellFormedText('姓名')
    .trim()
    .min(1, { error: '请输入姓名' })
    .max(50, { error: '姓名不能超过 50 个字符' }),
  role: roleSchema,
  platformKey: platformKeyOrNull,
  disabled: z.boolean(),
  version: z.number({ error: '缺少版本号（version）' }).int().positive(),
});

export const resetPasswordSchema = z.object({ password: z.string().max(256) });
export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().max(256),
  newPassword: z.string().max(256),
});
export const userIdParamsSchema = z.object({ id: idSchema('用户编号') });
