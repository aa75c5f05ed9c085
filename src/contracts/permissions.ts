/**
 * The one table mapping roles to permissions, shared by the server (routes name a
 * permission) and the console (which hides what a role cannot do).
 */
export const roles = ['owner', 'admin', 'agent', 'community_manager'] as const;
export type Role = (typeof roles)[number];

/**
 * What each role may do. Community managers publish and moderate; agents answer; admins run
 * the team; owners also hand out ownership.
 */
export const grants = {
  'workspace.read': ['owner', 'admin', 'agent', 'community_manager'],
  // One's own profile, password, availability, and the workspaces one creates.
  'profile.manage': ['owner', 'admin', 'agent', 'community_manager'],
  'members.read': ['owner', 'admin', 'agent', 'community_manager'],
  'members.manage': ['owner', 'admin'],
  'owners.manage': ['owner'],
  'invitations.manage': ['owner', 'admin'],
  'tokens.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'conversations.read': ['owner', 'admin', 'agent', 'community_manager'],
  'conversations.reply': ['owner', 'admin', 'agent', 'community_manager'],
  'messages.moderate': ['owner', 'admin', 'agent', 'community_manager'],
  'inbound.manage': ['owner', 'admin'],
  'channels.manage': ['owner', 'admin'],
  'catalog.manage': ['owner', 'admin', 'community_manager'],
  'moderation.read': ['owner', 'admin', 'community_manager'],
  'rules.manage': ['owner', 'admin'],
  'privacy.manage': ['owner', 'admin'],
  'reports.read': ['owner', 'admin', 'community_manager'],
  'reports.manage': ['owner', 'admin'],
  'posts.write': ['owner', 'admin', 'community_manager'],
  'posts.approve': ['owner', 'admin'],
  'contests.manage': ['owner', 'admin', 'community_manager'],
  // Outgoing webhooks: where the workspace's data is sent, so admins only.
  'webhooks.manage': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

/** @example can('agent', 'members.manage') // false */
export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

export const permissions = Object.keys(grants) as Permission[];

/**
 * What an API token may do on top of its role: `read` calls only safe methods (GET, HEAD) on
 * routes that read; `write` also changes what an agent or a community manager may change;
 * `admin` is everything its role allows. A token never holds more than its role.
 */
export const tokenScopes = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/**
 * The least scope each permission needs, decided from the route's declared permission (never
 * its URL). Every permission is listed, so a new one must be placed here to compile; the
 * route matrix checks the table against the rule above.
 */
export const leastScope = {
  'workspace.read': 'read',
  // Reading one's own profile (GET /me) is a read; changing it needs `write`.
  'profile.manage': 'read',
  'members.read': 'read',
  'members.manage': 'admin',
  'owners.manage': 'admin',
  'invitations.manage': 'admin',
  'tokens.manage': 'admin',
  'audit.read': 'admin',
  'conversations.read': 'read',
  'conversations.reply': 'write',
  'messages.moderate': 'write',
  'inbound.manage': 'admin',
  'channels.manage': 'admin',
  'catalog.manage': 'write',
  'moderation.read': 'read',
  'rules.manage': 'admin',
  'privacy.manage': 'admin',
  'reports.read': 'read',
  'reports.manage': 'admin',
  'posts.write': 'write',
  'posts.approve': 'admin',
  'contests.manage': 'write',
  'webhooks.manage': 'admin',
} as const satisfies Record<Permission, TokenScope>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a token of `scope` may call a route needing `permission` with `method` (its role is
 * checked apart, with `can`).
 *
 * @example scopeAllows('read', 'conversations.read', 'POST') // false: a read token changes nothing
 */
export function scopeAllows(scope: TokenScope, permission: Permission, method: string): boolean {
  if (scope === 'read' && !SAFE_METHODS.has(method.toUpperCase())) return false;
  return tokenScopes.indexOf(scope) >= tokenScopes.indexOf(leastScope[permission]);
}

/** Whether `role` holds every permission of `than`: a token's role never exceeds its creator's. */
export function roleWithin(role: Role, than: Role): boolean {
  return permissions.every((permission) => !can(role, permission) || can(than, permission));
}
