import { AppError, parseInput, type Clock, type Sealer } from '../../kernel/index.ts';
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
