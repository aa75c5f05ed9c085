import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Publishing: posts written in Relais (`pub_posts`), one version per network each with its
 * own text, media and publishing state (`pub_versions`), the media library (`pub_media`,
 * images stripped of their metadata), engagement figures over time (`pub_metrics`) and each
 * workspace's publishing settings (`pub_settings`: approval, rhythm). Attributions may now
 * name the post that brought the order (`order_attributions.post_id`).
 */
export function publishingMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('pub_posts')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('campaign', 'text')
        .addColumn('link', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('approval', 'text', (c) => c.notNull())
        .addColumn('review_comment', 'text')
        .addColumn('scheduled_at', big)
        .addColumn('deal', 'text')
        .addColumn('promo_code', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pub_posts_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('pub_posts_schedule_idx').on('pub_posts').columns(['workspace_id', 'scheduled_at']).execute();
      await db.schema.createIndex('pub_posts_status_idx').on('pub_posts').columns(['workspace_id', 'status', 'scheduled_at']).execute();

      await db.schema.createTable('pub_versions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('post_id', 'text', (c) => c.notNull())
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('board_id', 'text')
        .addColumn('media_ids', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', big)
        .addColumn('lease_until', big)
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attempt_started_at', big)
        .addColumn('container_id', 'text')
        .addColumn('platform_id', 'text')
        .addColumn('permalink', 'text')
        .addColumn('failure_kind', 'text')
        .addColumn('failure_reason', 'text')
        .addColumn('text_key', 'text', (c) => c.notNull())
        .addColumn('published_at', big)
        .addColumn('next_poll_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pub_versions_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('pub_versions_network_uq', ['workspace_id', 'post_id', 'network'])
        .execute();
      await db.schema.createIndex('pub_versions_due_idx').on('pub_versions').columns(['status', 'due_at']).execute();
      await db.schema.createIndex('pub_versions_poll_idx').on('pub_versions').columns(['next_poll_at']).execute();
      await db.schema.createIndex('pub_versions_published_idx').on('pub_versions').columns(['workspace_id', 'network', 'published_at']).execute();
      await db.schema.createIndex('pub_versions_platform_idx').on('pub_versions').columns(['workspace_id', 'channel_id', 'platform_id']).execute();

      await db.schema.createTable('pub_media')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('access_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pub_media_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema.createTable('pub_metrics')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('version_id', 'text', (c) => c.notNull())
        .addColumn('at', big, (c) => c.notNull())
        .addColumn('likes', 'integer', (c) => c.notNull())
        .addColumn('comments', 'integer', (c) => c.notNull())
        .addColumn('shares', 'integer', (c) => c.notNull())
        .addColumn('saves', 'integer', (c) => c.notNull())
        .addColumn('impressions', 'integer', (c) => c.notNull())
        .addColumn('clicks', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('pub_metrics_pk', ['workspace_id', 'version_id', 'at'])
        .execute();

      await db.schema.createTable('pub_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade').primaryKey())
        .addColumn('approval_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rhythm', 'text', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await db.schema.alterTable('order_attributions').addColumn('post_id', 'text').execute();
      await db.schema.alterTable('order_attributions').addColumn('campaign', 'text').execute();
    },
  };
}
