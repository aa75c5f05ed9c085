// Every endpoint the console calls, typed after docs/api.md.
import type { Locale } from '../i18n/index.ts';
import { request } from './client.ts';
import type { Invitation, InvitationPreview, Me, Member, Role, Session } from '../../../../src/contracts/index.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const getSession = () => request<Session>('GET', `${v1}/session`);
export const setUp = (input: { workspaceName: string; name: string; email: string; password: string; locale?: Locale }) =>
  request<Me>('POST', `${v1}/setup`, input);
export const signIn = (input: { email: string; password: string }) => request<Me>('POST', `${v1}/auth/sign-in`, input);
export const signOut = () => request<void>('POST', `${v1}/auth/sign-out`);
export const previewInvitation = (token: string) => request<InvitationPreview>('GET', `${v1}/invitations/preview/${id(token)}`);
export const acceptInvitation = (input: { token: string; name?: string; password: string }) =>
  request<Me>('POST', `${v1}/invitations/accept`, input);

export const getMe = () => request<Me>('GET', `${v1}/me`);
export const updateMe = (input: { name?: string; locale?: Locale }) => request<Me>('PATCH', `${v1}/me`, input);
export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  request<void>('POST', `${v1}/me/password`, input);
export const switchWorkspace = (workspaceId: string) => request<Me>('POST', `${v1}/me/workspace`, { workspaceId });
export const createWorkspace = (name: string) => request<Me>('POST', `${v1}/workspaces`, { name });

export const listMembers = () => request<{ members: Member[] }>('GET', `${v1}/members`);
export const changeMemberRole = (userId: string, role: Role) => request<Member>('PATCH', `${v1}/members/${id(userId)}`, { role });
export const removeMember = (userId: string) => request<void>('DELETE', `${v1}/members/${id(userId)}`);
export const listInvitations = () => request<{ invitations: Invitation[] }>('GET', `${v1}/invitations`);
export const createInvitation = (input: { email: string; role: Role }) =>
  request<{ invitation: Invitation; url: string }>('POST', `${v1}/invitations`, input);
export const revokeInvitation = (invitationId: string) => request<void>('DELETE', `${v1}/invitations/${id(invitationId)}`);
