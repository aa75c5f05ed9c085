import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * The inbox list at a million conversations (issue 19): one index per way the console
 * narrows the list (status; assignee and status for "mine" and "unassigned"; channel and
 * status), each ending in the list's order, newest activity first with the id as tie-break,
 * so a page is read in order and the walk stops at the page's end. PostgreSQL needs the
 * order spelt out (DESC NULLS LAST); SQLite already puts NULLs last in a descending walk.
 */
export function inboxListMigration(dialect: StoreDialect) {
  const order = dialect.name === 'postgres' ? 'last_message_at DESC NULLS LAST, id DESC' : 'last_message_at DESC, id DESC';
  const indexes: [string, string][] = [
    ['conversations_list_status_idx', 'workspace_id, status'],
    ['conversations_list_assignee_idx', 'workspace_id, assignee_id, status'],
    ['conversations_list_channel_idx', 'workspace_id, channel_id, status'],
  ];
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [name, columns] of indexes) await sql.raw(`CREATE INDEX ${name} ON conversations (${columns}, ${order})`).execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const [name] of indexes) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
    },
  };
}
