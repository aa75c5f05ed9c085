import type { Classifier } from '../insight/index.ts';
import { intentKey } from '../insight/index.ts';
import type { Db } from '../store/index.ts';

const rank = { negative: 0, neutral: 1, positive: 2 } as const;

/** The columns a customer message gets from the classifier. */
export function classificationColumns(classifier: Classifier | undefined, text: string) {
  if (!classifier || text.trim() === '') return {};
  const result = classifier.classify(text);
  return {
    language: result.language,
    sentiment: result.sentiment,
    sentiment_score: result.score,
    intents: JSON.stringify(result.intents.map(intentKey)),
    classified_by: 'model' as const,
  };
}

/** A conversation's sentiment: its latest customer message's, and the worst one seen. */
export async function rollUpSentiment(db: Db, workspaceId: string, conversationId: string): Promise<void> {
  const rows = await db.selectFrom('messages').select(['sentiment']).where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in').where('sentiment', 'is not', null).where('status', '!=', 'deleted')
    .orderBy((eb) => eb.fn.coalesce('platform_created_at', 'created_at'), 'desc').orderBy('seq', 'desc').execute();
  const latest = rows[0]?.sentiment ?? null;
  const worst = rows.reduce<typeof latest>((low, row) => (low === null || (row.sentiment && rank[row.sentiment] < rank[low]) ? row.sentiment : low), null);
  await db.updateTable('conversations').set({ sentiment: latest, worst_sentiment: worst }).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).execute();
}
