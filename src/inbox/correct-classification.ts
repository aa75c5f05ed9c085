import { AppError, newId } from '../kernel/index.ts';
import { trackProgress } from '../jobs/index.ts';
import { parseIntentKey, type Correction, type Intent } from '../insight/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { rollUpSentiment } from './classify.ts';
import { enqueueJob, jobType } from '../jobs/index.ts';
import { z } from 'zod';

export const RETRAIN_QUEUE = 'insight.retrain';
/** `insight.retrain`: retrain one workspace's model from its corrections. */
export const retrainJob = jobType(RETRAIN_QUEUE, z.object({ workspaceId: z.string().min(1) }));

/**
 * An agent's one-click correction of a message's sentiment or intents. The message shows it
 * at once; the workspace model learns it at the next retraining (a job, one at a time).
 */
export async function correctClassification(deps: Pick<InboxDeps, 'db' | 'clock' | 'queue' | 'bus'>, workspaceId: string, authorId: string | null, messageId: string, input: { sentiment?: 'negative' | 'neutral' | 'positive' | undefined; intents?: string[] | undefined }) {
  const now = deps.clock.now();
  const conversationId = await deps.db.transaction().execute(async (trx) => {
    const message = await trx.selectFrom('messages').select(['id', 'conversation_id', 'text', 'direction', 'language', 'sentiment', 'intents'])
      .where('workspace_id', '=', workspaceId).where('id', '=', messageId).executeTakeFirst();
    if (!message || message.direction !== 'in') throw new AppError('message.not_found', 'No customer message with this id');
    const sentiment = input.sentiment ?? message.sentiment;
    const intents = input.intents ? JSON.stringify(input.intents) : message.intents;
    await trx.updateTable('messages').set({ sentiment, intents, classified_by: 'agent' }).where('workspace_id', '=', workspaceId).where('id', '=', messageId).execute();
    const correction = { text: message.text, language: message.language, sentiment, intents, author_id: authorId, created_at: now };
    await trx.insertInto('classification_corrections').values({ workspace_id: workspaceId, id: newId(now), message_id: messageId, ...correction })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'message_id']).doUpdateSet(correction)).execute();
    await rollUpSentiment(trx, workspaceId, message.conversation_id);
    await enqueueJob(deps.queue, retrainJob, { workspaceId }, { db: trx, singletonKey: workspaceId, delayMs: 5_000, maxAttempts: 3 });
    return message.conversation_id;
  });
  await publishAll(deps.bus, [{ workspaceId, type: 'message.updated', data: { conversationId, messageId } }]);
}

/**
 * The retrain job: every correction of the workspace, in order, into a new model version.
 * Its progress (reading, training, done) is the workspace's `insight.retrain` bar.
 */
export async function retrainWorkspace(deps: Pick<InboxDeps, 'db' | 'clock' | 'classifiers'> & { bus?: InboxDeps['bus'] | undefined }, workspaceId: string): Promise<number> {
  return trackProgress(deps, { workspaceId, kind: RETRAIN_QUEUE }, async (progress) => {
    await progress.report(0, 2, 'reading');
    const rows = await deps.db.selectFrom('classification_corrections').select(['text', 'language', 'sentiment', 'intents'])
      .where('workspace_id', '=', workspaceId).orderBy('id').execute();
    const corrections: Correction[] = rows.map((row) => ({
      text: row.text,
      ...(row.language === 'fr' || row.language === 'en' ? { language: row.language } : {}),
      ...(row.sentiment ? { sentiment: row.sentiment } : {}),
      ...(row.intents ? { intents: (JSON.parse(row.intents) as string[]).map(parseIntentKey).filter((i): i is Intent => i !== undefined) } : {}),
    }));
    await progress.report(1, 2, 'training');
    return deps.classifiers.retrain(workspaceId, corrections, deps.clock.now());
  });
}
