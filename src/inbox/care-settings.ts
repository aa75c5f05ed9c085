import { businessHoursSchema, defaultBusinessHours, defaultSlaPolicies, slaPoliciesSchema, type BusinessHours, type SlaPolicies } from '../care/index.ts';
import { AppError, parseInput } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';

export interface CareSettings {
  hours: BusinessHours;
  policies: SlaPolicies;
}

/** What is stored at one level (workspace or channel); null fields inherit. */
export interface StoredCareSettings {
  channelId: string | null;
  hours: BusinessHours | null;
  policies: SlaPolicies | null;
  updatedAt: number;
}

// Parsed settings, keyed by their stored JSON. The business-time functions cache open
// intervals per hours object, so handing back the same object for the same text keeps that
// cache warm across requests; bounded, and a changed row is simply a new key.
const parsed = new Map<string, unknown>();
function parseStored<T>(text: string, parse: (value: unknown) => T): T {
  let value = parsed.get(text) as T | undefined;
  if (value === undefined) {
    if (parsed.size >= 500) parsed.clear();
    value = parse(JSON.parse(text));
    parsed.set(text, value);
  }
  return value;
}

const readHours = (text: string | null) => (text === null ? null : parseStored(text, (v) => businessHoursSchema.parse(v)));
const readPolicies = (text: string | null) => (text === null ? null : parseStored(text, (v) => slaPoliciesSchema.parse(v)));

/**
 * Resolves care settings for any channel of a workspace from one read: the channel's own
 * hours or policies, else the workspace's, else the defaults.
 */
export async function careSettingsResolver(db: Db, workspaceId: string): Promise<(channelId: string) => CareSettings> {
  const rows = await db.selectFrom('care_settings').select(['channel_id', 'business_hours', 'sla_policies']).where('workspace_id', '=', workspaceId).execute();
  const byChannel = new Map(rows.map((row) => [row.channel_id, { hours: readHours(row.business_hours), policies: readPolicies(row.sla_policies) }]));
  const workspace = byChannel.get('');
  return (channelId) => {
    const own = byChannel.get(channelId);
    return {
      hours: own?.hours ?? workspace?.hours ?? defaultBusinessHours,
      policies: own?.policies ?? workspace?.policies ?? defaultSlaPolicies,
    };
  };
}

/**
 * The business hours and SLA policies that apply to a channel of a workspace: the channel's
 * own, else the workspace's, else the defaults (Europe/Paris, 1 h on X and Messenger).
 *
 * @example const { hours, policies } = await careSettingsFor(deps, workspaceId, channelId); isOpen(hours, now)
 */
export async function careSettingsFor(deps: { db: Db }, workspaceId: string, channelId: string): Promise<CareSettings> {
  return (await careSettingsResolver(deps.db, workspaceId))(channelId);
}

/** The stored rows as they are (the workspace's first), for the settings pages. */
export async function listCareSettings(deps: { db: Db }, workspaceId: string): Promise<{ defaults: CareSettings; stored: StoredCareSettings[] }> {
  const rows = await deps.db.selectFrom('care_settings').selectAll().where('workspace_id', '=', workspaceId).orderBy('channel_id').execute();
  return {
    defaults: { hours: defaultBusinessHours, policies: defaultSlaPolicies },
    stored: rows.map((row) => ({ channelId: row.channel_id || null, hours: readHours(row.business_hours), policies: readPolicies(row.sla_policies), updatedAt: row.updated_at })),
  };
}

/**
 * Stores hours and/or policies for the workspace (`channelId` null) or one channel; a field
 * left undefined keeps its stored value, null goes back to inheriting. Input is validated
 * again with the care schemas, so nothing unreadable is ever stored.
 */
export async function saveCareSettings(deps: { db: Db; clock: { now(): number } }, workspaceId: string, channelId: string | null,
  change: { hours?: unknown; policies?: unknown }): Promise<StoredCareSettings> {
  if (channelId !== null) {
    const channel = await deps.db.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('id', '=', channelId).executeTakeFirst();
    if (!channel) throw new AppError('channel.not_found', 'Channel not found');
  }
  const hours = change.hours === undefined || change.hours === null ? change.hours : parseInput(businessHoursSchema, change.hours);
  const policies = change.policies === undefined || change.policies === null ? change.policies : parseInput(slaPoliciesSchema, change.policies);
  const now = deps.clock.now();
  const values = {
    ...(hours !== undefined ? { business_hours: hours === null ? null : JSON.stringify(hours) } : {}),
    ...(policies !== undefined ? { sla_policies: policies === null ? null : JSON.stringify(policies) } : {}),
    updated_at: now,
  };
  await deps.db.insertInto('care_settings').values({ workspace_id: workspaceId, channel_id: channelId ?? '', business_hours: null, sla_policies: null, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'channel_id']).doUpdateSet(values)).execute();
  const row = await deps.db.selectFrom('care_settings').selectAll().where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId ?? '').executeTakeFirstOrThrow();
  return { channelId, hours: readHours(row.business_hours), policies: readPolicies(row.sla_policies), updatedAt: row.updated_at };
}
