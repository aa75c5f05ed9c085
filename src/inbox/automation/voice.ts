/**
 * The workspace's brand voice and the composer's check against it. Warnings only: the
 * agent decides. "Robotic" compares with the public replies the shop sent in the last 7 days.
 */
import { checkVoice, defaultVoiceSettings, ROBOTIC_WINDOW_MS, voiceSettingsSchema, type VoiceSettings, type VoiceWarning } from '../../care/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { Db } from '../../store/index.ts';
import type { InboxDeps } from '../deps.ts';
import { appendSetting, readSetting } from './workspace-settings.ts';

export interface VoiceView extends VoiceSettings {
  version: number;
}

export async function voiceSettings(db: Db, workspaceId: string): Promise<VoiceView> {
  const stored = await readSetting(db, workspaceId, 'voice');
  if (!stored) return { ...defaultVoiceSettings, version: 0 };
  const parsed = voiceSettingsSchema.safeParse(stored.value);
  // One this schema no longer reads gives the defaults, at its version: the next save goes above it.
  return parsed.success ? { ...parsed.data, version: stored.version } : { ...defaultVoiceSettings, version: stored.version };
}

export async function saveVoiceSettings(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, by: string | null, input: VoiceSettings): Promise<VoiceView> {
  const current = await voiceSettings(deps.db, workspaceId);
  const settings = parseInput(voiceSettingsSchema, input);
  await appendSetting(deps.db, workspaceId, 'voice', current.version + 1, settings, by, deps.clock.now());
  return { ...settings, version: current.version + 1 };
}

/** At most this many recent public replies are compared; a busy shop's week fits. */
const RECENT_LIMIT = 2000;

/**
 * @example await checkReplyVoice(deps, ws, { text: 'Salut, tu as reçu ton colis ?', visibility: 'public' })
 * // [{ code: 'voice.tutoiement', … }]
 */
export async function checkReplyVoice(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, input: { text: string; visibility: 'public' | 'private' }): Promise<VoiceWarning[]> {
  const now = deps.clock.now();
  const settings = await voiceSettings(deps.db, workspaceId);
  // Repeating oneself only looks robotic in public, where everyone sees every reply.
  const recent = input.visibility === 'public'
    ? await deps.db.selectFrom('messages').select(['text', 'created_at'])
      .where('workspace_id', '=', workspaceId).where('direction', '=', 'out').where('kind', '=', 'comment').where('status', '!=', 'deleted')
      .where('created_at', '>=', now - ROBOTIC_WINDOW_MS).orderBy('created_at', 'desc').limit(RECENT_LIMIT).execute()
    : [];
  return checkVoice(settings, input.text, recent.map((r) => ({ text: r.text, at: r.created_at })), now);
}
