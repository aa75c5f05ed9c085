import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Contests (jeux-concours) with a committed draw, and ambassadors. A contest's entry posts are
 * `posts` rows (a post id on a channel), so a post Relais publishes plugs in the same way as
 * one picked from the channel. Entries are personal data: they carry `contact_id`, so an
 * erasure removes them, and a retention job deletes them months after the contest. The seed
 * is stored sealed (AES-GCM under the installation key) until the draw publishes it.
 */
export function contestsMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  const workspace = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('contests')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('rules_text', 'text', (c) => c.notNull())
        .addColumn('starts_at', big, (c) => c.notNull())
        .addColumn('ends_at', big, (c) => c.notNull())
        .addColumn('winners_count', 'integer', (c) => c.notNull())
        .addColumn('alternates_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('keyword', 'text')
        .addColumn('min_tags', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('include_x_mentions', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('excluded_handles', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('seed_sealed', 'text', (c) => c.notNull())
        .addColumn('commitment', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('retention_months', 'integer', (c) => c.notNull().defaultTo(6))
        .addColumn('created_by', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('purged_at', big)
        .addPrimaryKeyConstraint('contests_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema.createTable('contest_posts')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('contest_id', 'text', (c) => c.notNull())
        .addColumn('post_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contest_posts_pk', ['workspace_id', 'contest_id', 'post_id'])
        .execute();
      await db.schema.createIndex('contest_posts_post_idx').on('contest_posts').columns(['workspace_id', 'post_id']).execute();

      await db.schema.createTable('contest_entries')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('contest_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull()) // the comment's message id
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('author_name', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('entered_at', big, (c) => c.notNull())
        .addColumn('eligible', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contest_entries_pk', ['workspace_id', 'contest_id', 'id'])
        .execute();
      await db.schema.createIndex('contest_entries_contact_idx').on('contest_entries').columns(['workspace_id', 'contact_id']).execute();

      await db.schema.createTable('contest_draws')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('contest_id', 'text', (c) => c.notNull())
        .addColumn('entries_csv', 'text', (c) => c.notNull())
        .addColumn('entries_hash', 'text', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('picks', 'text', (c) => c.notNull()) // JSON [{ role, rank, entryId }]
        .addColumn('announcement', 'text', (c) => c.notNull())
        .addColumn('drawn_by', 'text')
        .addColumn('drawn_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contest_draws_pk', ['workspace_id', 'contest_id'])
        .execute();

      await db.schema.createTable('contest_winners')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('contest_id', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('notice', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('notice_reason', 'text')
        .addColumn('message_id', 'text')
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contest_winners_pk', ['workspace_id', 'contest_id', 'entry_id'])
        .execute();

      // Contacts the shop keeps out of every contest: blocked people and its own team's accounts.
      await db.schema.createTable('contest_exclusions')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('contest_exclusions_pk', ['workspace_id', 'contact_id'])
        .execute();

      await db.schema.createTable('ambassador_settings')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('threshold', 'integer', (c) => c.notNull().defaultTo(20))
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      // An ambassador's personal code: the promo_codes row stays (anonymous) when the contact is erased.
      await db.schema.createTable('ambassador_codes')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('promo_code_id', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('ambassador_codes_pk', ['workspace_id', 'promo_code_id'])
        .execute();
      // Who reacted to what (the inbox counts reactions on the post; ambassadors need the person).
      // Keyed by its own id: an erasure's sweep blanks the author, and two blanked rows must not collide.
      await db.schema.createTable('reactions_by_author')
        .addColumn('workspace_id', 'text', workspace)
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('target_external_id', 'text', (c) => c.notNull())
        .addColumn('author_external_id', 'text', (c) => c.notNull())
        .addColumn('reaction', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('reactions_by_author_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('reactions_by_author_idx').on('reactions_by_author').columns(['workspace_id', 'channel_id', 'author_external_id']).execute();
      await db.schema.createIndex('ambassador_codes_contact_idx').on('ambassador_codes').columns(['workspace_id', 'contact_id']).execute();
    },
  };
}
