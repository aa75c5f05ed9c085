import { recordAudit } from '../accounts/index.ts';
import { retrainJob } from '../inbox/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { AppError, newId } from '../kernel/index.ts';
import { eraseSubject, type ErasureCounts } from './erase-subject.ts';
import { exportSubject, type PrivacyExport } from './export-subject.ts';
import type { PrivacyActor, PrivacyDeps } from './privacy-deps.ts';
import { gatherSubject, type SubjectSeed } from './subject.ts';

async function requireContact(deps: PrivacyDeps, workspaceId: string, contactId: string): Promise<void> {
  const contact = await deps.db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('contact.not_found', 'Contact not found');
}

/**
 * Builds, stores and answers the export of everything held on the subject (an admin's
 * request for one contact, or a shop's `customers/data_request`), and logs it in the audit log.
 *
 * @example const { id, data } = await exportPersonalData(deps, workspaceId, actor, { contactIds: [contactId] }, { source: 'admin', topic: 'contact/export' })
 */
export async function exportPersonalData(deps: PrivacyDeps, workspaceId: string, actor: PrivacyActor, seed: SubjectSeed, request: { source: 'admin' | 'shop'; topic: string; ip?: string | null }): Promise<{ id: string; data: PrivacyExport }> {
  const now = deps.clock.now();
  const subject = await gatherSubject(deps.db, workspaceId, seed);
  const data = await exportSubject(deps.db, workspaceId, subject, now);
  const id = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('privacy_exports').values({
      workspace_id: workspaceId, id, source: request.source, topic: request.topic, contact_ids: JSON.stringify(subject.contactIds), data: JSON.stringify(data),
      requested_by: actor === 'system' ? null : actor.userId ?? actor.tokenId, created_at: now,
    }).execute();
    await recordAudit(trx, {
      workspaceId, actor: audited(actor), action: 'privacy.exported', target: { type: 'privacy_export', id }, ip: request.ip ?? null, at: now,
      data: { topic: request.topic, contacts: subject.contactIds.length, conversations: subject.conversationIds.length, orders: subject.orderIds.length },
    });
  });
  return { id, data };
}

/**
 * Erases the subject everywhere (see `eraseSubject`), in one transaction with its audit
 * line, then purges the search index and retrains the workspace model without their words.
 *
 * @example await erasePersonalData(deps, workspaceId, actor, { contactIds: [contactId] }, { topic: 'contact/erase' })
 */
export async function erasePersonalData(deps: PrivacyDeps, workspaceId: string, actor: PrivacyActor, seed: SubjectSeed, request: { topic: string; ip?: string | null }): Promise<ErasureCounts> {
  const subject = await gatherSubject(deps.db, workspaceId, seed);
  const now = deps.clock.now();
  const counts = await deps.db.transaction().execute(async (trx) => {
    const erased = await eraseSubject(trx, deps.dialect.name, workspaceId, subject);
    await recordAudit(trx, {
      workspaceId, actor: audited(actor), action: 'privacy.erased', ip: request.ip ?? null, at: now,
      data: { topic: request.topic, contacts: erased.contacts, conversations: erased.conversations, messages: erased.messages, orders: erased.orders },
    });
    return erased;
  });
  // Screens that show these conversations reload them: the erased text must not stay on display.
  for (const conversationId of subject.conversationIds) {
    await deps.bus.publish(workspaceId, 'conversation.updated', { conversationId, erased: true })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'erasure not announced'));
  }
  await deps.dialect.purgeSearchIndex(deps.db);
  await enqueueJob(deps.queue, retrainJob, { workspaceId }, { singletonKey: workspaceId }).catch((error: unknown) => deps.logger.warn({ err: error }, 'retrain after erasure not queued'));
  return counts;
}

export async function exportContact(deps: PrivacyDeps, workspaceId: string, actor: PrivacyActor, contactId: string, ip: string | null = null) {
  await requireContact(deps, workspaceId, contactId);
  return exportPersonalData(deps, workspaceId, actor, { contactIds: [contactId] }, { source: 'admin', topic: 'contact/export', ip });
}

export async function eraseContact(deps: PrivacyDeps, workspaceId: string, actor: PrivacyActor, contactId: string, ip: string | null = null) {
  await requireContact(deps, workspaceId, contactId);
  return erasePersonalData(deps, workspaceId, actor, { contactIds: [contactId] }, { topic: 'contact/erase', ip });
}

/** Stored exports, newest first, without their content. */
export async function listPrivacyExports(deps: Pick<PrivacyDeps, 'db'>, workspaceId: string) {
  const rows = await deps.db.selectFrom('privacy_exports').select(['id', 'source', 'topic', 'contact_ids', 'created_at']).where('workspace_id', '=', workspaceId).orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, source: r.source, topic: r.topic, contacts: (JSON.parse(r.contact_ids) as string[]).length, createdAt: r.created_at }));
}

export async function getPrivacyExport(deps: Pick<PrivacyDeps, 'db'>, workspaceId: string, id: string): Promise<PrivacyExport> {
  const row = await deps.db.selectFrom('privacy_exports').select('data').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('privacy.export_not_found', 'Export not found');
  return JSON.parse(row.data) as PrivacyExport;
}

function audited(actor: PrivacyActor) {
  return actor === 'system' ? 'system' as const : actor;
}
