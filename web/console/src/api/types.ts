// Shapes from docs/api.md, kept word for word so a drift shows up as a type error here.
import type { Locale } from '../i18n/index.ts';

export type Role = 'owner' | 'admin' | 'agent' | 'community_manager';

export const roles: readonly Role[] = ['owner', 'admin', 'agent', 'community_manager'];

export interface Session {
  setupNeeded: boolean;
  signedIn: boolean;
  csrfToken: string;
}

export interface Me {
  user: { id: string; name: string; email: string; locale: Locale | null } | null;
  workspace: { id: string; name: string; locale: string; timezone: string };
  role: Role;
  workspaces: { id: string; name: string; role: Role }[];
  via: 'session' | 'token';
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
}

/** Owners and admins manage the team; the others read it. */
export function canManageTeam(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}
