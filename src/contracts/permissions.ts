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
