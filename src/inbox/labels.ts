import { AppError, newId } from '../kernel/index.ts';
import { isUniqueViolation } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';

export interface Label {
  id: string;
  name: string;
  color: string;
}

type Deps = Pick<InboxDeps, 'db' | 'clock'>;

export async function listLabels(deps: Pick<InboxDeps, 'db'>, workspaceId: string): Promise<Label[]> {
  return deps.db.selectFrom('labels').select(['id', 'name', 'color']).where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export async function saveLabel(deps: Deps, workspaceId: string, id: string | null, input: { name: string; color: string }): Promise<Label> {
  try {
    if (id === null) {
      const label = { id: newId(deps.clock.now()), ...input };
      await deps.db.insertInto('labels').values({ workspace_id: workspaceId, ...label, created_at: deps.clock.now() }).execute();
      return label;
    }
    const result = await deps.db.updateTable('labels').set(input).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('label.not_found', 'Label not found');
    return { id, ...input };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('label.duplicate', 'A label with this name exists', { fields: { name: ['already used'] } });
    throw error;
  }
}

export async function deleteLabel(deps: Pick<InboxDeps, 'db'>, workspaceId: string, id: string): Promise<void> {
  const result = await deps.db.deleteFrom('labels').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('label.not_found', 'Label not found');
}

/** Puts a label on a conversation (twice changes nothing) or takes it off. */
export async function setConversationLabel(deps: Deps, workspaceId: string, conversationId: string, labelId: string, on: boolean): Promise<void> {
  const [conversation, label] = await Promise.all([
    deps.db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst(),
    deps.db.selectFrom('labels').select('id').where('workspace_id', '=', workspaceId).where('id', '=', labelId).executeTakeFirst(),
  ]);
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  if (!label) throw new AppError('label.not_found', 'Label not found');
  if (on) {
    await deps.db.insertInto('conversation_labels').values({ workspace_id: workspaceId, conversation_id: conversationId, label_id: labelId, created_at: deps.clock.now() })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'conversation_id', 'label_id']).doNothing()).execute();
  } else {
    await deps.db.deleteFrom('conversation_labels').where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).where('label_id', '=', labelId).execute();
  }
}
