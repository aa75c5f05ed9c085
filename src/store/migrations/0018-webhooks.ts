import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Outgoing webhooks (ADR 0019): a workspace's subscriptions (a URL, the events it wants, a
 * Standard Webhooks secret stored sealed) and the delivery log, one row per message sent to
 * one subscription, with its attempts, last answer and next attempt. A replay is a new row
 * with the same message id (`replay_of` names the original), so the receiver can dedupe.
 */
export function webhooksMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('webhook_subscriptions')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('previous_secret_sealed', 'text')
        .addColumn('previous_secret_until', big)
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('disabled_reason', 'text')
        .addColumn('failing_since', big)
        .addColumn('last_success_at', big)
        .addColumn('created_by', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('webhook_subscriptions_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema.createTable('webhook_deliveries')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', big)
        .addColumn('last_attempt_at', big)
        .addColumn('response_status', 'integer')
        .addColumn('response_snippet', 'text')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer')
        .addColumn('replay_of', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('webhook_deliveries_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('webhook_deliveries_sub_idx').on('webhook_deliveries').columns(['workspace_id', 'subscription_id', 'id']).execute();
      // A fan-out that runs again after a crash writes no second delivery of the same message.
      await db.schema.createIndex('webhook_deliveries_once_uq').unique().on('webhook_deliveries').columns(['workspace_id', 'subscription_id', 'message_id'])
        .where(sql.ref('replay_of'), 'is', null).execute();
      // The retry sweep: deliveries waiting for their next attempt, by time.
      await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['state', 'next_attempt_at']).execute();
    },
  };
}
