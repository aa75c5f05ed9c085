import { can, type Role } from '../../../../src/contracts/permissions.ts';
import type { SettingsSection } from '../router/router.ts';

// Which settings pages a role sees, from the server's own permission table (src/contracts):
// a page shows when the role holds the permission its calls need.
export function canSeeSettings(role: Role): boolean {
  return can(role, 'catalog.manage');
}

export function allowedSections(role: Role): SettingsSection[] {
  const sections: SettingsSection[] = [];
  if (can(role, 'catalog.manage')) sections.push('labels', 'canned-replies');
  if (can(role, 'channels.manage')) sections.push('channels', 'deliveries', 'model');
  // Rules: admins edit; the charter and the voice: whoever curates content.
  if (can(role, 'catalog.manage')) sections.push('charter', 'voice');
  if (can(role, 'rules.manage')) sections.push('rules');
  // Business hours, SLA policies and teams: channels.manage and members.manage.
  if (can(role, 'channels.manage')) sections.push('hours', 'sla', 'teams');
  if (can(role, 'channels.manage') && can(role, 'privacy.manage')) sections.push('recovery', 'privacy');
  if (can(role, 'reports.read')) sections.push('attribution');
  if (can(role, 'moderation.read')) sections.push('moderation');
  if (can(role, 'audit.read')) sections.push('audit');
  if (can(role, 'tokens.manage')) sections.push('tokens');
  if (can(role, 'webhooks.manage')) sections.push('webhooks');
  return sections;
}

/** The reports page: what `reports.read` allows on the server. */
export function canSeeReports(role: Role): boolean {
  return can(role, 'reports.read');
}

/** The publishing calendar: whoever writes posts (community managers, admins, owners). */
export function canPublish(role: Role): boolean {
  return can(role, 'posts.write');
}
