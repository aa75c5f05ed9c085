import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Shops (Shopify, WooCommerce) beside the inbox: their customers, orders and checkouts, the
 * promo codes Relais creates or maps, each order's attribution to social, and every cart
 * recovery decision. A shop is a `channels` row (kind 'shopify' or 'woocommerce'); money is
 * kept in minor units (cents) with its currency.
 */
export function commerceMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('shop_customers')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('accepts_marketing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('contact_id', 'text')
        .addColumn('link_method', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('shop_customers_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('shop_customers_external_uq', ['workspace_id', 'channel_id', 'external_id'])
        .execute();
      await db.schema.createIndex('shop_customers_email_idx').on('shop_customers').columns(['workspace_id', 'email']).execute();
      await db.schema.createIndex('shop_customers_contact_idx').on('shop_customers').columns(['workspace_id', 'contact_id']).execute();

      await db.schema.createTable('orders')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('shop_customer_id', 'text')
        .addColumn('contact_id', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('total_cents', big, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('financial_status', 'text')
        .addColumn('fulfillment_status', 'text')
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('tracking_url', 'text')
        .addColumn('discount_codes', 'text', (c) => c.notNull())
        .addColumn('landing_site', 'text')
        .addColumn('referring_site', 'text')
        .addColumn('checkout_token', 'text')
        .addColumn('cart_token', 'text')
        .addColumn('placed_at', big, (c) => c.notNull())
        .addColumn('platform_updated_at', big)
        .addColumn('cancelled_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('orders_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('orders_external_uq', ['workspace_id', 'channel_id', 'external_id'])
        .execute();
      await db.schema.createIndex('orders_contact_idx').on('orders').columns(['workspace_id', 'contact_id', 'placed_at']).execute();
      await db.schema.createIndex('orders_email_idx').on('orders').columns(['workspace_id', 'email']).execute();
      await db.schema.createIndex('orders_placed_idx').on('orders').columns(['workspace_id', 'placed_at']).execute();

      await db.schema.createTable('checkouts')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('cart_token', 'text')
        .addColumn('shop_customer_id', 'text')
        .addColumn('contact_id', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('total_cents', big, (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('recovery_url', 'text')
        .addColumn('completed_at', big)
        .addColumn('order_id', 'text')
        .addColumn('platform_created_at', big, (c) => c.notNull())
        .addColumn('platform_updated_at', big, (c) => c.notNull())
        .addColumn('abandoned_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('checkouts_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('checkouts_token_uq', ['workspace_id', 'channel_id', 'token'])
        .execute();
      await db.schema.createIndex('checkouts_contact_idx').on('checkouts').columns(['workspace_id', 'contact_id']).execute();
      await db.schema.createIndex('checkouts_open_idx').on('checkouts').columns(['workspace_id', 'completed_at', 'platform_updated_at']).execute();

      await db.schema.createTable('promo_codes')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer')
        .addColumn('expires_at', big)
        .addColumn('external_id', 'text')
        .addColumn('source_channel_id', 'text')
        .addColumn('post_id', 'text')
        .addColumn('agent_id', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('checkout_id', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('promo_codes_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('promo_codes_code_uq', ['workspace_id', 'channel_id', 'code'])
        .execute();

      await db.schema.createTable('order_attributions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('source_channel_id', 'text')
        .addColumn('source_channel_kind', 'text')
        .addColumn('agent_id', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('promo_code_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('revenue_cents', big, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('placed_at', big, (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('order_attributions_pk', ['workspace_id', 'order_id', 'model'])
        .execute();
      await db.schema.createIndex('order_attributions_placed_idx').on('order_attributions').columns(['workspace_id', 'placed_at']).execute();

      await db.schema.createTable('recovery_decisions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('checkout_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('promo_code_id', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('recovery_decisions_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('recovery_decisions_checkout_idx').on('recovery_decisions').columns(['workspace_id', 'checkout_id']).execute();
      // At most one sent recovery per checkout, whatever races: the database says no to a second.
      await db.schema.createIndex('recovery_decisions_sent_uq').on('recovery_decisions').columns(['workspace_id', 'checkout_id']).unique()
        .where(sql.ref('outcome'), '=', 'sent').execute();
    },
  };
}
