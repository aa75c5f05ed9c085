import { AppError } from '../../kernel/index.ts';
import type { Db } from '../../store/index.ts';

// "STOP", "stop !", "Arrêt", "arret." — the whole message, nothing else.
const STOP_WORDS = /^\s*(stop|arr[eê]t(e|ez)?)\s*[.!]*\s*$/iu;

export function isStopMessage(text: string): boolean {
  return STOP_WORDS.test(text);
}

/** An agent records (or lifts) a customer's refusal of recovery messages. */
export async function setContactOptOut(deps: { db: Db; clock: { now(): number } }, workspaceId: string, contactId: string, optedOut: boolean): Promise<void> {
  const result = await deps.db.updateTable('contacts')
    .set(optedOut ? { opted_out_at: deps.clock.now(), opt_out_source: 'agent' } : { opted_out_at: null, opt_out_source: null })
    .where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('contact.not_found', 'Contact not found');
}

/**
 * Whether the contact refused messages: the flag, or a STOP they wrote in any conversation
 * (then the flag is set, so the refusal outlives the message).
 */
export async function hasOptedOut(db: Db, workspaceId: string, contactId: string, now: number): Promise<boolean> {
  const contact = await db.selectFrom('contacts').select('opted_out_at').where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) return false;
  if (contact.opted_out_at) return true;
  const short = await db.selectFrom('messages as m').innerJoin('conversations as c', (join) => join.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.conversation_id'))
    .select('m.text').where('m.workspace_id', '=', workspaceId).where('c.contact_id', '=', contactId).where('m.direction', '=', 'in')
    .where((eb) => eb(eb.fn('length', ['m.text']), '<=', 16)).execute();
  if (!short.some((m) => isStopMessage(m.text))) return false;
  await db.updateTable('contacts').set({ opted_out_at: now, opt_out_source: 'customer' }).where('workspace_id', '=', workspaceId).where('id', '=', contactId).execute();
  return true;
}
