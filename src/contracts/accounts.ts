import { z } from 'zod';
import { say } from '../kernel/index.ts';
import { epochMs, id } from './common.ts';
import { roles, tokenScopes } from './permissions.ts';

const email = z.email(say('Saisissez une adresse e-mail valide.', 'Enter a valid email address.')).max(254);
const password = z.string().min(10, say('Au moins 10 caractères.', 'At least 10 characters.')).max(256, say('Au plus 256 caractères.', 'At most 256 characters.'));
const name = z.string().trim().min(1, say('Champ obligatoire.', 'Required.')).max(120);
export const locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof locale>;
export const role = z.enum(roles);
export const tokenScope = z.enum(tokenScopes);

// Requests.
export const setupBody = z.strictObject({ workspaceName: name, name, email, password, locale: locale.default('fr') });
export const signInBody = z.strictObject({ email: z.string().max(254), password: z.string().max(256) });
export const acceptInvitationBody = z.strictObject({ token: z.string().min(10).max(200), name: name.optional(), password });
export const tokenParam = z.strictObject({ token: z.string().min(10).max(200) });
export const updateMeBody = z.strictObject({ name: name.optional(), locale: locale.optional() });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().max(256), newPassword: password });
export const switchWorkspaceBody = z.strictObject({ workspaceId: id });
export const createWorkspaceBody = z.strictObject({ name });
export const userIdParam = z.strictObject({ userId: id });
export const changeRoleBody = z.strictObject({ role });
export const inviteBody = z.strictObject({ email, role });
export const createTokenBody = z.strictObject({
  name,
  role: role.optional().meta({ description: 'At most your own role; yours when left out' }),
  scope: tokenScope.optional().meta({ description: '`read`: GET routes that read; `write`: also what an agent or community manager may change; `admin` (default): everything the role allows' }),
  expiresAt: z.number().int().min(0).nullable().optional().meta({ description: 'Epoch ms, in the future; left out or null: never expires' }),
});
export const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

// Responses.
export const session = z.object({ setupNeeded: z.boolean(), signedIn: z.boolean(), csrfToken: z.string() }).meta({ id: 'Session' });
export const me = z.object({
  user: z.object({ id, name: z.string(), email: z.string(), locale: locale.nullable() }).nullable(),
  workspace: z.object({ id, name: z.string(), locale: z.string(), timezone: z.string() }),
  role,
  workspaces: z.array(z.object({ id, name: z.string(), role })),
  via: z.enum(['session', 'token']),
}).meta({ id: 'Me' });
export const member = z.object({ userId: id, name: z.string(), email: z.string(), role, joinedAt: epochMs }).meta({ id: 'Member' });
export const invitation = z.object({ id, email: z.string(), role, createdAt: epochMs, expiresAt: epochMs }).meta({ id: 'Invitation' });
export const invitationPreview = z.object({ workspaceName: z.string(), email: z.string(), role }).meta({ id: 'InvitationPreview' });
export const apiToken = z.object({
  id, name: z.string(), role, scope: tokenScope, createdAt: epochMs, createdBy: z.object({ id, name: z.string() }).nullable(),
  expiresAt: epochMs.nullable(), lastUsedAt: epochMs.nullable(), lastUsedIp: z.string().nullable(), revokedAt: epochMs.nullable(),
}).meta({ id: 'ApiToken' });
export const auditEntry = z.object({
  id, actorType: z.enum(['user', 'token', 'system']), actorId: z.string().nullable(), action: z.string(),
  targetType: z.string().nullable(), targetId: z.string().nullable(), data: z.unknown(), createdAt: epochMs,
}).meta({ id: 'AuditEntry' });

export type Session = z.infer<typeof session>;
export type Me = z.infer<typeof me>;
export type Member = z.infer<typeof member>;
export type Invitation = z.infer<typeof invitation>;
export type InvitationPreview = z.infer<typeof invitationPreview>;
export type ApiToken = z.infer<typeof apiToken>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type CreateTokenInput = z.input<typeof createTokenBody>;
