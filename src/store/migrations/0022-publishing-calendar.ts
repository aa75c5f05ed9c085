import type { Kysely } from 'kysely';

/**
 * The publishing calendar reads, for each post of a period, its versions' networks and
 * statuses (and filters them by channel). With `status` and `channel_id` after the
 * (workspace, post, network) key the read stays inside the index, never touching the
 * versions' rows and their texts, on SQLite and PostgreSQL alike.
 */
export function publishingCalendarMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('pub_versions_calendar_idx').on('pub_versions').columns(['workspace_id', 'post_id', 'network', 'status', 'channel_id']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('pub_versions_calendar_idx').execute();
    },
  };
}
