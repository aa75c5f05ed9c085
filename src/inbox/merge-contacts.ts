import { AppError } from '../kernel/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { mergeContacts } from './contacts.ts';

/** An agent's merge: two contacts who are the same person become one, with all their threads. */
export async function mergeContactsByHand(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus'>, workspaceId: string, fromId: string, intoId: string): Promise<void> {
  if (fromId === intoId) throw new AppError('request.invalid', 'A contact cannot be merged into itself', { fields: { intoContactId: ['another contact'] } });
  await deps.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [fromId, intoId]).execute();
    if (found.length !== 2) throw new AppError('contact.not_found', 'Contact not found');
    await mergeContacts(trx, workspaceId, fromId, intoId, deps.clock.now());
  });
  await publishAll(deps.bus, [{ workspaceId, type: 'contact.updated', data: { contactId: intoId, mergedFrom: fromId } }]);
}
