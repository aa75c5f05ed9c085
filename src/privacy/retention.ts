/**
 * Retention: a workspace keeps conversations, messages, site-chat files and raw webhook
 * deliveries for N months, then lets them go. Conversations and messages are anonymised the
 * way an erasure does it (ADR 0010): the rows stay, without text, links or identifiers, so
 * reports still count them; files and raw deliveries are deleted. A daily job applies it
 * and writes one audit line per workspace with what it removed.
 */
import { z } from 'zod';
import { recordAudit } from '../accounts/index.ts';
import { appendSetting, readSetting } from '../inbox/index.ts';
import { parseInput } from '../kernel/index.ts';
import { retentionBody } from '../contracts/index.ts';
import { REDACTED_SNAPSHOT, type Db } from '../store/index.ts';
import type { PrivacyActor, PrivacyDeps } from './privacy-deps.ts';

export const RETENTION_QUEUE = 'privacy.retention';

/** The contract's schema (src/contracts). */
export const retentionSchema = retentionBody;
export type Retention = z.infer<typeof retentionSchema>;

export interface RetentionView extends Retention {
  version: number;
  updatedAt: number | null;
}

export interface RetentionCounts {
  conversations: number;
  messages: number;
  uploads: number;
  deliveries: number;
}

const BATCH = 200;
const DAY_MS = 86_400_000;

export async function retentionSettings(deps: Pick<PrivacyDeps, 'db'>, workspaceId: string): Promise<RetentionView> {
  const stored = await readSetting(deps.db, workspaceId, 'retention');
  const value = stored ? retentionSchema.parse(stored.value) : { months: null };
  return { ...value, version: stored?.version ?? 0, updatedAt: stored?.createdAt ?? null };
}

export async function saveRetentionSettings(deps: Pick<PrivacyDeps, 'db' | 'clock'>, workspaceId: string, actor: PrivacyActor, input: unknown): Promise<RetentionView> {
  const value = parseInput(retentionSchema, input);
  const current = await retentionSettings(deps, workspaceId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await appendSetting(trx, workspaceId, 'retention', current.version + 1, value, actor === 'system' ? null : actor.userId, now);
    await recordAudit(trx, { workspaceId, actor, action: 'privacy.retention_set', at: now, data: { months: value.months } });
  });
  return { ...value, version: current.version + 1, updatedAt: now };
}

/** The first instant kept: N calendar months back (30-day months are close enough for a policy). */
export function retentionCutoff(now: number, months: number): number {
  return now - months * 30 * DAY_MS;
}

/** Applies every workspace's retention; the periodic job. */
export async function applyAllRetention(deps: PrivacyDeps): Promise<void> {
  const rows = await deps.db.selectFrom('workspace_settings').select('workspace_id').distinct().where('key', '=', 'retention').execute();
  for (const { workspace_id: workspaceId } of rows) {
    const { months } = await retentionSettings(deps, workspaceId);
    if (months === null) continue;
    await applyRetention(deps, workspaceId, months).catch((error: unknown) => deps.logger.error({ err: error, workspaceId }, 'retention failed for a workspace'));
  }
}

/** Anonymises the conversations idle since before the cutoff and deletes old files and raw deliveries. */
export async function applyRetention(deps: PrivacyDeps, workspaceId: string, months: number): Promise<RetentionCounts> {
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, months);
  const counts: RetentionCounts = { conversations: 0, messages: 0, uploads: 0, deliveries: 0 };
  for (;;) {
    // Still holding text means not yet anonymised: an anonymised conversation has no contact and an empty thread.
    const batch = await deps.db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('last_message_at', '<', cutoff), eb.and([eb('last_message_at', 'is', null), eb('created_at', '<', cutoff)])]))
      .where((eb) => eb.or([eb('contact_id', 'is not', null), eb('subject', 'is not', null), eb.exists(
        eb.selectFrom('messages').select('messages.id').whereRef('messages.workspace_id', '=', 'conversations.workspace_id')
          .whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.text', '!=', ''),
      )]))
      .orderBy('id').limit(BATCH).execute();
    if (batch.length === 0) break;
    const ids = batch.map((row) => row.id);
    counts.messages += await deps.db.transaction().execute((trx) => anonymiseConversations(trx, workspaceId, ids));
    counts.conversations += ids.length;
  }
  const uploads = await deps.db.deleteFrom('webchat_uploads').where('workspace_id', '=', workspaceId).where('created_at', '<', cutoff).executeTakeFirst();
  counts.uploads = Number(uploads.numDeletedRows);
  const deliveries = await deps.db.deleteFrom('inbound_events').where('workspace_id', '=', workspaceId).where('received_at', '<', cutoff).executeTakeFirst();
  counts.deliveries = Number(deliveries.numDeletedRows);
  if (counts.conversations + counts.uploads + counts.deliveries > 0) {
    await recordAudit(deps.db, { workspaceId, actor: 'system', action: 'privacy.retention_applied', at: now, data: { months, cutoff, ...counts } });
    await deps.dialect.purgeSearchIndex(deps.db);
  }
  return counts;
}

async function anonymiseConversations(trx: Db, workspaceId: string, ids: string[]): Promise<number> {
  const messageIds = trx.selectFrom('messages').select('id').where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids);
  await trx.deleteFrom('message_revisions').where('workspace_id', '=', workspaceId).where('message_id', 'in', messageIds).execute();
  await trx.deleteFrom('classification_corrections').where('workspace_id', '=', workspaceId).where('message_id', 'in', messageIds).execute();
  await trx.deleteFrom('notifications').where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute();
  await trx.updateTable('moderation_log').set({ snapshot: REDACTED_SNAPSHOT, reason: null })
    .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).where('snapshot', '!=', REDACTED_SNAPSHOT).execute();
  await trx.updateTable('outbound').set({ action: '{}', target_external_id: null, platform_id: null, failure_reason: null })
    .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute();
  const messages = await trx.updateTable('messages').set({ text: '', attachments: '[]', meta: '{}', external_id: null, reply_to_external_id: null, author_id: null })
    .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).executeTakeFirst();
  await trx.updateTable('conversations').set({ contact_id: null, subject: null, external_thread_id: null, status: 'resolved', priority: 0, snoozed_until: null, assignee_id: null })
    .where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return Number(messages.numUpdatedRows);
}
