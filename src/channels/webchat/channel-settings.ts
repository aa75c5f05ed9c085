import { AppError, newSecret, parseInput, type Clock, type Sealer } from '../../kernel/index.ts';
import type { Db } from '../../store/index.ts';
import { embedSnippet, readWebchatSettings, webchatSettingsSchema } from './settings.ts';

async function webchatRow(db: Db, workspaceId: string, channelId: string) {
  const row = await db.selectFrom('channels').select(['id', 'name', 'settings', 'secrets']).where('workspace_id', '=', workspaceId)
    .where('id', '=', channelId).where('kind', '=', 'webchat').executeTakeFirst();
  if (!row) throw new AppError('channel.not_found', 'No site chat with this id');
  return row;
}

/** The settings page of a site chat: its settings, the identify secret and the snippet to paste. */
export async function webchatChannelView(deps: { db: Db; sealer: Sealer }, workspaceId: string, channelId: string, publicUrl: string) {
  const row = await webchatRow(deps.db, workspaceId, channelId);
  const credentials = row.secrets ? (JSON.parse(deps.sealer.open(row.secrets)) as Record<string, string>) : {};
  return {
    id: row.id, name: row.name,
    settings: readWebchatSettings(JSON.parse(row.settings) as Record<string, unknown>),
    identifySecret: credentials.identifySecret ?? null,
    // While a rotation's grace period runs, signatures made with the previous secret still pass.
    previousSecretAcceptedUntil: credentials.previousIdentifySecret && Number(credentials.previousIdentifySecretUntil) > 0 ? Number(credentials.previousIdentifySecretUntil) : null,
    snippet: embedSnippet(publicUrl, row.id),
  };
}

/** Replaces a site chat's settings after validating them (origins normalised, colours checked). */
export async function saveWebchatSettings(deps: { db: Db; clock: Clock }, workspaceId: string, channelId: string, input: unknown) {
  const row = await webchatRow(deps.db, workspaceId, channelId);
  const settings = parseInput(webchatSettingsSchema, input);
  const stored = JSON.parse(row.settings) as Record<string, unknown>;
  await deps.db.updateTable('channels').set({ settings: JSON.stringify({ ...stored, ...settings }), updated_at: deps.clock.now() })
    .where('workspace_id', '=', workspaceId).where('id', '=', channelId).execute();
  return settings;
}

/** How long the previous identify secret keeps working after a rotation, unless told otherwise. */
export const IDENTIFY_GRACE_DEFAULT_HOURS = 24;

/** The secrets an identify signature may be made with at `now`: the current one, and the previous one in its grace period. */
export function identifySecretsOf(credentials: Record<string, unknown>, now: number): string[] {
  const secrets = [String(credentials.identifySecret ?? '')];
  if (typeof credentials.previousIdentifySecret === 'string' && Number(credentials.previousIdentifySecretUntil) > now) secrets.push(credentials.previousIdentifySecret);
  return secrets.filter((secret) => secret !== '');
}

/**
 * A new identify secret for a site chat. The old one keeps working for `graceHours` (0 ends
 * it at once, for a leaked secret), so the shop can deploy the new one without a gap.
 */
export async function rotateIdentifySecret(deps: { db: Db; clock: Clock; sealer: Sealer }, workspaceId: string, channelId: string, graceHours: number = IDENTIFY_GRACE_DEFAULT_HOURS) {
  const row = await webchatRow(deps.db, workspaceId, channelId);
  const credentials = row.secrets ? (JSON.parse(deps.sealer.open(row.secrets)) as Record<string, unknown>) : {};
  const now = deps.clock.now();
  const until = now + graceHours * 3_600_000;
  const keepPrevious = graceHours > 0 && typeof credentials.identifySecret === 'string' && credentials.identifySecret !== '';
  // Credentials are a string map, like every channel's.
  const next = {
    ...credentials,
    identifySecret: newSecret(32),
    previousIdentifySecret: keepPrevious ? String(credentials.identifySecret) : '',
    previousIdentifySecretUntil: keepPrevious ? String(until) : '0',
  };
  await deps.db.updateTable('channels').set({ secrets: deps.sealer.seal(JSON.stringify(next)), updated_at: now })
    .where('workspace_id', '=', workspaceId).where('id', '=', channelId).execute();
  return { identifySecret: next.identifySecret, previousSecretAcceptedUntil: keepPrevious ? until : null };
}
