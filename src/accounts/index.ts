/**
 * accounts: workspaces, people and their roles, sessions, invitations, API tokens and the
 * audit log. Use-cases take `(deps, caller?, input)`; the HTTP edge only validates and calls.
 */
export type { AccountsDeps, Caller, RequestMeta } from './deps.ts';
export { roles, can, permissions, roleWithin, scopeAllows, tokenScopes, type Permission, type TokenScope } from './roles.ts';
export { createMemoryThrottle, createDatabaseThrottle, purgeThrottleCounters, takeAll, type Throttle, type ThrottleLimit } from './throttle.ts';
export { hashPassword, passwordVerifications } from './passwords.ts';
export { createSession, resolveSession, endSession, purgeExpiredSessions, type NewSession, type SessionLookup } from './sessions.ts';
export { setupFirstOwner, isSetupNeeded, normalizeEmail, type SetupInput } from './setup-first-owner.ts';
export { signIn } from './sign-in.ts';
export { describeCaller, type Me } from './describe-caller.ts';
export { createWorkspace, switchWorkspace, updateProfile } from './workspaces.ts';
export { changePassword } from './change-password.ts';
export { listMembers, changeMemberRole, removeMember, type Member } from './members.ts';
export { createInvitation, listPendingInvitations, revokeInvitation, previewInvitation, acceptInvitation, type Invitation } from './invitations.ts';
export { createApiToken, listApiTokens, revokeApiToken, resolveApiToken, LAST_USE_EVERY_MS, type ApiToken, type NewApiToken } from './api-tokens.ts';
export { recordAudit, listAudit } from './audit.ts';
export { accountsJobs } from './jobs.ts';
