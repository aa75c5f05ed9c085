import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Workspace-first keys are what lets a workspace-sharded PostgreSQL (Citus, docs/deploy.md) route
// a query to one shard: every read, update and delete of a tenant table must name
// `workspace_id`. This reads every query Relais builds (Kysely chains in src/) and fails on one
// that does not, unless it is listed below with the reason it may go to every shard.
const src = fileURLToPath(new URL('..', import.meta.url));

/** `file:line-free key` → why this query may leave out the workspace. */
const allowed: Record<string, string> = {
  // Installation-level by design (ARCHITECTURE.md "Data"): a session is a browser, found by the
  // hash of its cookie before any workspace is known; it is a reference table under Citus.
  'accounts/change-password.ts deleteFrom sessions': 'sessions are installation-level',
  'accounts/sessions.ts selectFrom sessions': 'sessions are installation-level',
  'accounts/sessions.ts deleteFrom sessions': 'sessions are installation-level',
  'accounts/sessions.ts updateTable sessions': 'sessions are installation-level',
  // A webhook delivery is stored before it is routed to a workspace (it may carry several).
  'inbox/process-delivery.ts selectFrom inbound_events': 'deliveries are recorded before routing',
  'inbox/process-delivery.ts updateTable inbound_events': 'deliveries are recorded before routing',
  'commerce/process-shop-delivery.ts selectFrom inbound_events': 'deliveries are recorded before routing',
  'commerce/process-shop-delivery.ts updateTable inbound_events': 'deliveries are recorded before routing',
  // Routing look-ups: they find the workspace from what a request carries (a token's hash, the
  // signed-in user, a channel id in a URL, a platform account id). Under Citus these few go to
  // every shard, or their tables become reference tables (channel_routes, api_tokens).
  'accounts/api-tokens.ts selectFrom api_tokens': 'a bearer token names no workspace until looked up',
  'accounts/describe-caller.ts selectFrom memberships': "a user's workspaces, for the switcher",
  'accounts/invitations.ts selectFrom invitations': 'an invitation link carries its token only',
  'accounts/sessions.ts selectFrom memberships': "the session's user, before its workspace is chosen",
  'accounts/sign-in.ts selectFrom memberships': "the user's first workspace at sign-in",
  'accounts/workspaces.ts updateTable sessions': 'sessions are installation-level',
  'channels/channels.ts selectFrom channel_routes': 'a webhook is routed by its platform account id',
  'http/routes/shop-hooks.ts selectFrom channels': 'the WooCommerce webhook URL names the channel only',
  'inbox/webchat-visitors.ts selectFrom channels': 'the widget names its channel only',
  // Installation-wide sweeps by periodic jobs (once per period, ADR 0017): every shard, by design.
  'inbox/update-conversation.ts selectFrom conversations': 'the snoozed-conversation wake-up sweep',
  'commerce/recovery/recover-abandoned.ts selectFrom checkouts': 'the abandoned-cart sweep',
  'commerce/reconcile-shops.ts selectFrom channels': 'reconciliation lists every shop',
  'inbox/backfill-channel.ts selectFrom channels': 'back-fill lists every channel',
  'privacy/retention.ts selectFrom workspace_settings': 'the retention sweep lists the workspaces that set one',
  'contests/purge-contests.ts selectFrom contests': 'the contest-retention sweep lists ended contests of every workspace',
  'http/idempotency.ts deleteFrom idempotency_keys': 'expired keys are purged across workspaces',
  'publishing/engagement.ts selectFrom pub_versions': 'the engagement poll lists published versions due a reading',
  'publishing/publish-version.ts selectFrom pub_versions': 'the publishing sweep lists versions due or stuck',
  'publishing/publish-version.ts updateTable pub_versions': 'the publishing sweep claims a version by its id',
  'reports/export-report.ts deleteFrom report_export_chunks': 'finished exports\' chunks are purged by export id',
  'reports/refresh-reports.ts selectFrom report_dirty': 'the reports refresh lists conversations marked dirty',
  'webhooks/sweep.ts selectFrom webhook_deliveries': 'the webhook sweep lists deliveries whose retry is overdue',
  'webhooks/sweep.ts deleteFrom webhook_deliveries': 'delivery-log rows past 30 days are purged across workspaces',
  // A widget attachment is fetched by its capability URL (/widget/files/:id/:key), which names
  // no workspace; one look-up by primary key, fanned out under Citus.
  'inbox/webchat-uploads.ts selectFrom webchat_uploads': 'capability URL without a workspace',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'migrations' ? [] : sources(path);
    return /\.ts$/.test(entry) && !/\.test\.ts$|testing\.ts$|-harness\.ts$|fixtures-for-tests\.ts$/.test(entry) ? [path] : [];
  });
}

/** Tables created with a `workspace_id` column, read from the migrations. */
function tenantTables(): Set<string> {
  const dir = join(src, 'store', 'migrations');
  const text = readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
  const tables = new Set<string>();
  for (const match of text.matchAll(/createTable\('(\w+)'\)([\s\S]*?)\.execute\(\)/g)) if (match[2]!.includes("'workspace_id'")) tables.add(match[1]!);
  return tables;
}

// A condition on the column (where, whereRef, a join's on, an expression builder), not merely
// selecting it: `.where('c.workspace_id', '=', …)`, `eb('workspace_id', …)`, `.onRef(…workspace_id…)`.
const FILTERS_WORKSPACE = /(where|whereRef|on|onRef|eb)\(\s*'(\w+\.)?workspace_id'|onRef\([^)]*workspace_id/;

/** Queries on tenant tables whose chain (up to its execute) puts no condition on workspace_id. */
function unscopedQueries(): string[] {
  const tenant = tenantTables();
  const found: string[] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\.(selectFrom|updateTable|deleteFrom)\(\s*'(\w+)(?: as \w+)?'/g)) {
      if (!tenant.has(match[2]!)) continue;
      const rest = text.slice(match.index, match.index + 3000);
      const end = rest.search(/\.execute(TakeFirst(OrThrow)?)?\(|;\s*$/m);
      if (!FILTERS_WORKSPACE.test(end === -1 ? rest : rest.slice(0, end))) found.push(`${relative(src, file)} ${match[1]} ${match[2]}`);
    }
  }
  return found;
}

describe('tenant queries', () => {
  it('finds the tenant tables (a check that reads nothing cannot fail)', () => {
    const tables = tenantTables();
    for (const table of ['conversations', 'messages', 'contacts', 'orders', 'realtime_events']) expect(tables.has(table), table).toBe(true);
    expect(tables.has('users')).toBe(false);
  });

  it('filters every read, update and delete of a tenant table by workspace_id', () => {
    const unexplained = [...new Set(unscopedQueries())].filter((key) => !(key in allowed));
    expect(unexplained).toEqual([]);
  });
});
