import { z } from 'zod';
import { say } from '../../kernel/index.ts';
import { roles } from '../../accounts/index.ts';

const email = z.email(say('Saisissez une adresse e-mail valide.', 'Enter a valid email address.')).max(254);
const password = z.string().min(10, say('Au moins 10 caractères.', 'At least 10 characters.')).max(256, say('Au plus 256 caractères.', 'At most 256 characters.'));
const name = z.string().trim().min(1, say('Champ obligatoire.', 'Required.')).max(120);
const locale = z.enum(['fr', 'en']);
const role = z.enum(roles);
const id = z.string().min(1).max(64);

export const setupBody = z.strictObject({ workspaceName: name, name, email, password, locale: locale.default('fr') });
export const signInBody = z.strictObject({ email: z.string().max(254), password: z.string().max(256) });
export const acceptInvitationBody = z.strictObject({ token: z.string().min(10).max(200), name: name.optional(), password });
export const tokenParam = z.strictObject({ token: z.string().min(10).max(200) });
export const updateMeBody = z.strictObject({ name: name.optional(), locale: locale.optional() });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().max(256), newPassword: password });
export const switchWorkspaceBody = z.strictObject({ workspaceId: id });
export const createWorkspaceBody = z.strictObject({ name });
export const userIdParam = z.strictObject({ userId: id });
export const idParam = z.strictObject({ id });
export const changeRoleBody = z.strictObject({ role });
export const inviteBody = z.strictObject({ email, role });
export const createTokenBody = z.strictObject({ name, role });
export const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
