import type { Role } from '../api/types.ts';
import type { SettingsSection } from '../router/router.ts';

/** Labels and canned replies: owners, admins and community managers (docs/api.md). */
export function canManageContent(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'community_manager';
}

/** Channels, parked deliveries and the team's model: owners and admins. */
export function canManageChannels(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export function canSeeSettings(role: Role): boolean {
  return canManageContent(role);
}

export function allowedSections(role: Role): SettingsSection[] {
  const sections: SettingsSection[] = [];
  if (canManageContent(role)) sections.push('labels', 'canned-replies');
  if (canManageChannels(role)) sections.push('channels', 'deliveries', 'model');
  // Rules: admins edit; the charter and the voice: whoever curates content (docs/api.md).
  if (canManageContent(role)) sections.push('charter', 'voice');
  if (canManageChannels(role)) sections.push('rules');
  // Business hours, SLA policies and teams: owners and admins (channels.manage, members.manage).
  if (canManageChannels(role)) sections.push('hours', 'sla', 'teams');
  if (canManageChannels(role)) sections.push('recovery', 'privacy');
  if (canManageContent(role)) sections.push('attribution', 'moderation');
  if (canManageChannels(role)) sections.push('audit');
  return sections;
}

/** The reports page: what `reports.read` allows on the server (owners, admins, community managers). */
export function canSeeReports(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'community_manager';
}
