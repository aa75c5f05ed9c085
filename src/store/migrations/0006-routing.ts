import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Routing and stored care settings: business hours and SLA policies per workspace (channel
 * '' ) or per channel, teams with members and a capacity each, agents' availability, one
 * lock row per workspace that serializes assignment, each conversation's measured response
 * and resolution times, and the SLA escalations already fired (once per target and due time).
 */
export function routingMigration(dialect: StoreDialect) {
  const big = dialect.bigint;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('care_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull()) // '' for the workspace's own settings
        .addColumn('business_hours', 'text') // JSON BusinessHours, null = inherit
        .addColumn('sla_policies', 'text') // JSON SlaPolicies, null = inherit
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('care_settings_pk', ['workspace_id', 'channel_id'])
        .execute();

      await db.schema.createTable('teams')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('channel_ids', 'text', (c) => c.notNull()) // JSON array of channel ids served
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('teams_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('teams_name_uq', ['workspace_id', 'name'])
        .execute();

      await db.schema.createTable('team_members')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('last_assigned_seq', big, (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('team_members_pk', ['workspace_id', 'team_id', 'user_id'])
        .execute();

      await db.schema.createTable('agent_availability')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('agent_availability_pk', ['workspace_id', 'user_id'])
        .execute();

      await db.schema.createTable('routing_locks')
        .addColumn('workspace_id', 'text', (c) => c.notNull().primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('seq', big, (c) => c.notNull())
        .execute();

      await db.schema.createTable('conversation_sla')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('first_response_at', big)
        .addColumn('first_response_business_ms', big)
        .addColumn('first_response_calendar_ms', big)
        .addColumn('first_response_breached', 'integer')
        .addColumn('responses', 'integer', (c) => c.notNull().defaultTo(0)) // answered next-response cycles
        .addColumn('response_business_ms', big, (c) => c.notNull().defaultTo(0)) // their sum
        .addColumn('response_calendar_ms', big, (c) => c.notNull().defaultTo(0))
        .addColumn('responses_breached', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resolved_at', big)
        .addColumn('resolution_business_ms', big)
        .addColumn('resolution_calendar_ms', big)
        .addColumn('resolution_breached', 'integer')
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_sla_pk', ['workspace_id', 'conversation_id'])
        .execute();

      await db.schema.createTable('sla_escalations')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull()) // first_response | next_response | resolution
        .addColumn('due_at', big, (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull()) // sla_due_soon | sla_breached
        .addColumn('fired_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('sla_escalations_pk', ['workspace_id', 'conversation_id', 'target', 'due_at', 'event'])
        .execute();
    },
  };
}
