import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/** The counters of a rollup row, in one list so the migration, the types and the code agree. */
export const ROLLUP_COUNTERS = [
  'conversations', 'customer_messages', 'positive', 'neutral', 'negative', 'agent_positive', 'agent_neutral', 'agent_negative',
  'first_responses', 'first_calendar_ms', 'first_business_ms', 'within_sla', 'bot_first',
  'next_responses', 'next_calendar_ms', 'next_business_ms',
  'resolved', 'resolution_calendar_ms', 'resolution_business_ms', 'reopenings',
] as const;

/**
 * Reports (docs/metrics.md, ADR 0016): one fact row per conversation, one row per answered
 * wait, and rollups per workspace, local day and hour, channel, kind and agent. Triggers on
 * `messages` and `conversations` mark a conversation dirty whatever code path changed it
 * (ingestion, edits, deletions, erasure, corrections, status changes), and log every status
 * change, so reopenings and resolution moments are known; the `reports.refresh` job (and
 * every report read) recomputes the dirty conversations and moves the rollups by the
 * difference.
 */
export function reportsMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('report_dirty')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_dirty_pk', ['workspace_id', 'conversation_id'])
        .execute();

      await db.schema.createTable('conversation_status_changes')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('at', big, (c) => c.notNull())
        .addColumn('from_status', 'text', (c) => c.notNull())
        .addColumn('to_status', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversation_status_changes_idx').on('conversation_status_changes').columns(['workspace_id', 'conversation_id', 'at']).execute();

      await db.schema.createTable('report_conversations')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('first_customer_at', big)
        .addColumn('first_response_at', big)
        .addColumn('first_responder_id', 'text')
        .addColumn('first_calendar_ms', big)
        .addColumn('first_business_ms', big)
        .addColumn('within_sla', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bot_first', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resolved_at', big)
        .addColumn('resolution_calendar_ms', big)
        .addColumn('resolution_business_ms', big)
        .addColumn('reopenings', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('waiting_since', big)
        .addColumn('contrib', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('refreshed_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('report_conversations_pk', ['workspace_id', 'conversation_id'])
        .execute();
      // Covering: a period's first responses are read from the index alone.
      await db.schema.createIndex('report_conversations_first_idx').on('report_conversations')
        .columns(['workspace_id', 'first_customer_at', 'first_calendar_ms', 'first_business_ms', 'resolution_calendar_ms', 'resolution_business_ms', 'channel_id']).execute();
      await db.schema.createIndex('report_conversations_waiting_idx').on('report_conversations').columns(['workspace_id', 'waiting_since']).execute();

      await db.schema.createTable('report_responses')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('cycle', 'integer', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('started_at', big, (c) => c.notNull())
        .addColumn('answered_at', big, (c) => c.notNull())
        .addColumn('responder_id', 'text', (c) => c.notNull())
        .addColumn('calendar_ms', big, (c) => c.notNull())
        .addColumn('business_ms', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('report_responses_pk', ['workspace_id', 'conversation_id', 'cycle'])
        .execute();
      await db.schema.createIndex('report_responses_started_idx').on('report_responses')
        .columns(['workspace_id', 'started_at', 'cycle', 'calendar_ms', 'business_ms', 'channel_id']).execute();

      let daily = db.schema.createTable('report_daily')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('hour', 'integer', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull());
      for (const counter of ROLLUP_COUNTERS) daily = daily.addColumn(counter, big, (c) => c.notNull().defaultTo(0));
      await daily.addPrimaryKeyConstraint('report_daily_pk', ['workspace_id', 'day', 'hour', 'channel_id', 'kind', 'agent_id']).execute();

      // A long CSV export runs as a job: its progress, then its bytes in chunks, so any
      // process can serve the download (scale mode has no shared disk).
      await db.schema.createTable('report_exports')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text')
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('report_exports_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createTable('report_export_chunks')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('export_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_export_chunks_pk', ['workspace_id', 'export_id', 'seq'])
        .execute();

      // "Does social sell" asks, per shop customer's contact, whether they ever wrote.
      await db.schema.createIndex('conversations_contact_reports_idx').on('conversations').columns(['workspace_id', 'contact_id', 'created_at']).execute();

      if (dialect.name === 'sqlite') await sqliteTriggers(db);
      else await postgresTriggers(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('conversations_contact_reports_idx').ifExists().execute();
      for (const name of ['report_export_chunks', 'report_exports', 'report_daily', 'report_responses', 'report_conversations', 'conversation_status_changes', 'report_dirty']) await db.schema.dropTable(name).ifExists().execute();
    },
  };
}

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const mark = (row: 'NEW' | 'OLD', id: 'conversation_id' | 'id') => `INSERT OR IGNORE INTO report_dirty (workspace_id, conversation_id) VALUES (${row}.workspace_id, ${row}.${id});`;
  const statements = [
    `CREATE TRIGGER report_messages_ins AFTER INSERT ON messages BEGIN ${mark('NEW', 'conversation_id')} END`,
    `CREATE TRIGGER report_messages_upd AFTER UPDATE ON messages BEGIN ${mark('NEW', 'conversation_id')} ${mark('OLD', 'conversation_id')} END`,
    `CREATE TRIGGER report_messages_del AFTER DELETE ON messages BEGIN ${mark('OLD', 'conversation_id')} END`,
    `CREATE TRIGGER report_conversations_ins AFTER INSERT ON conversations BEGIN ${mark('NEW', 'id')} END`,
    `CREATE TRIGGER report_conversations_upd AFTER UPDATE ON conversations BEGIN ${mark('NEW', 'id')} END`,
    `CREATE TRIGGER report_conversations_del AFTER DELETE ON conversations BEGIN ${mark('OLD', 'id')} END`,
    `CREATE TRIGGER report_status_log AFTER UPDATE OF status ON conversations WHEN OLD.status IS NOT NEW.status BEGIN
       INSERT INTO conversation_status_changes (workspace_id, conversation_id, at, from_status, to_status) VALUES (NEW.workspace_id, NEW.id, NEW.updated_at, OLD.status, NEW.status); END`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE FUNCTION report_mark_message() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (workspace_id, conversation_id) VALUES (NEW.workspace_id, NEW.conversation_id) ON CONFLICT DO NOTHING; END IF;
       IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.conversation_id IS DISTINCT FROM NEW.conversation_id) THEN
         INSERT INTO report_dirty (workspace_id, conversation_id) VALUES (OLD.workspace_id, OLD.conversation_id) ON CONFLICT DO NOTHING; END IF;
       RETURN NULL; END $$`,
    `CREATE FUNCTION report_mark_conversation() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF TG_OP = 'DELETE' THEN INSERT INTO report_dirty (workspace_id, conversation_id) VALUES (OLD.workspace_id, OLD.id) ON CONFLICT DO NOTHING;
       ELSE INSERT INTO report_dirty (workspace_id, conversation_id) VALUES (NEW.workspace_id, NEW.id) ON CONFLICT DO NOTHING; END IF;
       IF TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status THEN
         INSERT INTO conversation_status_changes (workspace_id, conversation_id, at, from_status, to_status) VALUES (NEW.workspace_id, NEW.id, NEW.updated_at, OLD.status, NEW.status); END IF;
       RETURN NULL; END $$`,
    'CREATE TRIGGER report_messages AFTER INSERT OR UPDATE OR DELETE ON messages FOR EACH ROW EXECUTE FUNCTION report_mark_message()',
    'CREATE TRIGGER report_conversations AFTER INSERT OR UPDATE OR DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION report_mark_conversation()',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
