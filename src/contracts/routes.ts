import { z } from 'zod';
import * as accounts from './accounts.ts';
import * as automation from './automation.ts';
import * as commerce from './commerce.ts';
import * as contests from './contests.ts';
import * as reports from './reports.ts';
import { created, id, idParam, queued } from './common.ts';
import * as inbox from './inbox.ts';
import * as routing from './routing.ts';
import * as webchat from './webchat.ts';
import { jobProgress, jobProgressQuery } from './progress.ts';
import * as webhooks from './webhooks.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One `/api/v1` route: what it takes and what it answers. Who may call it stays in the route's
 * own `config` (src/http); the OpenAPI document joins both.
 */
export interface RouteContract {
  method: HttpMethod;
  /** Fastify's spelling: `/api/v1/conversations/:id`. */
  path: string;
  tag: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status → body schema; `null` answers no body (204), a string answers that media type. */
  responses: Record<number, z.ZodType | null | 'text/csv' | 'websocket'>;
  /** An example of the success body, shown in the reference. */
  example?: unknown;
}

const r = (method: HttpMethod, path: string, tag: string, summary: string, rest: Omit<RouteContract, 'method' | 'path' | 'tag' | 'summary'>): RouteContract =>
  ({ method, path, tag, summary, ...rest });
const none = { 204: null } as const;
const loose = z.looseObject({}).meta({ description: 'Not yet described field by field; see docs/api.md' });
const list = <K extends string, S extends z.ZodType>(key: K, item: S) => z.object({ [key]: z.array(item) } as { [P in K]: z.ZodArray<S> });

const me = accounts.me;
const meExample = {
  user: { id: '01JBQ7Z1ZJ4M6D3K8N2P5R7T9V', name: 'Camille Martin', email: 'camille@maison-lune.fr', locale: 'fr' },
  workspace: { id: '01JBQ7Z1ZJ4M6D3K8N2P5R7T9W', name: 'Maison Lune', locale: 'fr', timezone: 'Europe/Paris' },
  role: 'owner', workspaces: [{ id: '01JBQ7Z1ZJ4M6D3K8N2P5R7T9W', name: 'Maison Lune', role: 'owner' }], via: 'session',
};

export const apiRoutes: RouteContract[] = [
  // Session and account.
  r('GET', '/api/v1/session', 'session', 'Whether setup is needed, whether a session is open, and the CSRF token', { responses: { 200: accounts.session }, example: { setupNeeded: false, signedIn: true, csrfToken: 'k3J9…' } }),
  r('POST', '/api/v1/setup', 'session', 'Create the first owner and workspace (only before any exists)', { body: accounts.setupBody, responses: { 201: me }, example: meExample }),
  r('POST', '/api/v1/auth/sign-in', 'session', 'Sign in with email and password; sets the session and CSRF cookies', { body: accounts.signInBody, responses: { 200: me }, example: meExample }),
  r('POST', '/api/v1/auth/sign-out', 'session', 'End the session', { responses: none }),
  r('GET', '/api/v1/invitations/preview/{token}', 'session', 'What an invitation offers, before accepting it', { params: accounts.tokenParam, responses: { 200: accounts.invitationPreview } }),
  r('POST', '/api/v1/invitations/accept', 'session', 'Join a workspace by invitation', { body: accounts.acceptInvitationBody, responses: { 200: me } }),
  r('GET', '/api/v1/me', 'account', 'The caller: user, workspace, role and workspaces', { responses: { 200: me }, example: meExample }),
  r('PATCH', '/api/v1/me', 'account', 'Change the caller\'s name or language', { body: accounts.updateMeBody, responses: { 200: me } }),
  r('POST', '/api/v1/me/password', 'account', 'Change the password (other sessions are ended)', { body: accounts.changePasswordBody, responses: none }),
  r('POST', '/api/v1/me/workspace', 'account', 'Switch the session to another of the caller\'s workspaces', { body: accounts.switchWorkspaceBody, responses: { 200: me } }),
  r('POST', '/api/v1/workspaces', 'account', 'Create a workspace owned by the caller', { body: accounts.createWorkspaceBody, responses: { 201: me } }),
  r('PUT', '/api/v1/me/availability', 'routing', 'Set the caller\'s availability for routing', { body: routing.availabilityBody, responses: { 200: z.object({ status: routing.availability }) } }),
  // Team.
  r('GET', '/api/v1/members', 'team', 'The workspace\'s members', { responses: { 200: list('members', accounts.member) } }),
  r('PATCH', '/api/v1/members/{userId}', 'team', 'Change a member\'s role', { params: accounts.userIdParam, body: accounts.changeRoleBody, responses: { 200: accounts.member } }),
  r('DELETE', '/api/v1/members/{userId}', 'team', 'Remove a member', { params: accounts.userIdParam, responses: none }),
  r('GET', '/api/v1/invitations', 'team', 'Pending invitations', { responses: { 200: list('invitations', accounts.invitation) } }),
  r('POST', '/api/v1/invitations', 'team', 'Invite someone by email', { body: accounts.inviteBody, responses: { 201: z.object({ invitation: accounts.invitation, url: z.string() }) } }),
  r('DELETE', '/api/v1/invitations/{id}', 'team', 'Revoke an invitation', { params: idParam, responses: none }),
  // Administration.
  r('GET', '/api/v1/tokens', 'admin', 'API tokens with their scope, expiry and last use, revoked ones included (secrets are never shown again)', { responses: { 200: list('tokens', accounts.apiToken) } }),
  r('POST', '/api/v1/tokens', 'admin', 'Create an API token with a scope and an optional expiry; the secret is in this answer only', { body: accounts.createTokenBody, example: { token: { id: '01JBQ7Z1ZJ4M6D3K8N2P5R7T9X', name: 'ERP', role: 'admin', scope: 'read', createdAt: 1796000000000, createdBy: { id: '01JBQ7Z1ZJ4M6D3K8N2P5R7T9V', name: 'Camille Martin' }, expiresAt: 1811000000000, lastUsedAt: null, lastUsedIp: null, revokedAt: null }, secret: 'rls_…' }, responses: { 201: z.object({ token: accounts.apiToken, secret: z.string() }) } }),
  r('DELETE', '/api/v1/tokens/{id}', 'admin', 'Revoke an API token', { params: idParam, responses: none }),
  r('GET', '/api/v1/audit', 'admin', 'The audit log, newest first', { query: accounts.listQuery, responses: { 200: list('entries', accounts.auditEntry) } }),
  r('GET', '/api/v1/admin/inbound', 'admin', 'Webhook deliveries (parked ones to replay)', { query: inbox.inboundListQuery, responses: { 200: list('deliveries', inbox.inboundDelivery) } }),
  r('POST', '/api/v1/admin/inbound/{id}/replay', 'admin', 'Process a stored delivery again', { params: idParam, responses: { 202: queued } }),
  r('GET', '/api/v1/openapi.json', 'meta', 'This document: the OpenAPI 3.1 description of the API (public)', { responses: { 200: z.looseObject({ openapi: z.string() }) } }),
  r('GET', '/api/v1/realtime', 'realtime', 'WebSocket of the workspace\'s events (see the event catalogue)', { responses: { 101: 'websocket' } }),
  // Inbox.
  r('GET', '/api/v1/conversations', 'inbox', 'The inbox list, filtered and paged by cursor', { query: inbox.conversationListQuery, responses: { 200: inbox.conversationList } }),
  r('GET', '/api/v1/conversations/counts', 'inbox', 'Open conversations per view (mine, unassigned, open, pending, snoozed)', { responses: { 200: z.object({ counts: inbox.viewCounts }) } }),
  r('GET', '/api/v1/conversations/{id}', 'inbox', 'A conversation with its thread', { params: idParam, responses: { 200: inbox.conversationThread } }),
  r('GET', '/api/v1/conversations/{id}/policy', 'inbox', 'What the composer may send now (windows, limits)', { params: idParam, query: inbox.policyQuery, responses: { 200: inbox.composerPolicy } }),
  r('PATCH', '/api/v1/conversations/{id}', 'inbox', 'Status, assignee, snooze or priority', { params: idParam, body: inbox.conversationPatch, responses: { 200: inbox.conversationSummary } }),
  r('POST', '/api/v1/conversations/{id}/labels', 'inbox', 'Add a label', { params: idParam, body: inbox.labelRef, responses: none }),
  r('DELETE', '/api/v1/conversations/{id}/labels/{labelId}', 'inbox', 'Remove a label', { params: inbox.conversationLabelParams, responses: none }),
  r('POST', '/api/v1/conversations/{id}/messages', 'inbox', 'Reply in public or private, or write a note', { params: idParam, body: inbox.replyBody, responses: { 201: inbox.sentReply }, example: { messageId: '01JBQ8…', outboundId: '01JBQ8…' } }),
  r('POST', '/api/v1/conversations/{id}/move-to-private', 'inbox', 'Answer a public comment and continue in private', { params: idParam, body: inbox.moveToPrivateBody, responses: { 201: inbox.moveToPrivateResult } }),
  r('GET', '/api/v1/conversations/{id}/sla', 'routing', 'The conversation\'s measured response times', { params: idParam, responses: { 200: z.object({ sla: routing.slaMetrics.nullable() }) } }),
  r('GET', '/api/v1/conversations/{id}/webchat', 'webchat', 'The site-chat visitor behind a conversation', { params: idParam, responses: { 200: z.object({ visitor: webchat.webchatVisitor.nullable() }) } }),
  r('POST', '/api/v1/outbound/{id}/retry', 'inbox', 'Retry a failed send', { params: idParam, responses: { 202: queued } }),
  r('POST', '/api/v1/messages/{id}/classification', 'inbox', 'Correct a message\'s sentiment or intents', { params: idParam, body: inbox.correctionBody, responses: none }),
  r('POST', '/api/v1/messages/{id}/{action}', 'inbox', 'Hide, unhide, delete or like a comment on the platform', { params: inbox.moderationParam, body: inbox.moderationBody.optional(), responses: { 202: inbox.moderationResult } }),
  r('POST', '/api/v1/insight/model/retrain', 'inbox', 'Retrain the team\'s model now; follow it with `job.progress` events (kind `insight.retrain`)', { responses: { 202: queued } }),
  r('GET', '/api/v1/job-progress', 'workspace', 'The latest progress of long work (retraining, shop reconciliation, channel back-fill), per kind and subject; `job.progress` events carry each move', { query: jobProgressQuery, responses: { 200: list('progress', jobProgress) } }),
  r('GET', '/api/v1/insight/model', 'inbox', 'The team\'s classification model and the corrections it learns from', { responses: { 200: z.object({ model: inbox.teamModel.nullable(), corrections: z.number() }) } }),
  r('GET', '/api/v1/moderation', 'inbox', 'The moderation register (JSON or CSV)', { query: inbox.registerQuery, responses: { 200: list('entries', inbox.registerEntry) } }),
  // Workspace tools.
  r('GET', '/api/v1/labels', 'workspace', 'Labels', { responses: { 200: list('labels', inbox.label) } }),
  r('POST', '/api/v1/labels', 'workspace', 'Create a label', { body: inbox.labelBody, responses: { 201: inbox.label } }),
  r('PATCH', '/api/v1/labels/{id}', 'workspace', 'Rename or recolour a label', { params: idParam, body: inbox.labelBody, responses: { 200: inbox.label } }),
  r('DELETE', '/api/v1/labels/{id}', 'workspace', 'Delete a label', { params: idParam, responses: none }),
  r('GET', '/api/v1/canned-replies', 'workspace', 'Canned replies', { responses: { 200: list('cannedReplies', inbox.cannedReply) } }),
  r('POST', '/api/v1/canned-replies', 'workspace', 'Create a canned reply', { body: inbox.cannedReplyBody, responses: { 201: inbox.cannedReply } }),
  r('PATCH', '/api/v1/canned-replies/{id}', 'workspace', 'Change a canned reply', { params: idParam, body: inbox.cannedReplyBody, responses: { 200: inbox.cannedReply } }),
  r('DELETE', '/api/v1/canned-replies/{id}', 'workspace', 'Delete a canned reply', { params: idParam, responses: none }),
  r('GET', '/api/v1/contacts/{id}', 'contacts', 'A contact with identities, conversations, notes and commerce', { params: idParam, responses: { 200: inbox.contactDetail } }),
  r('POST', '/api/v1/contacts/{id}/notes', 'contacts', 'Add a note on a contact', { params: idParam, body: inbox.noteBody, responses: { 201: created } }),
  r('POST', '/api/v1/contacts/{id}/merge', 'contacts', 'Merge this contact into another', { params: idParam, body: inbox.mergeBody, responses: none }),
  r('GET', '/api/v1/channels', 'channels', 'Connected channels', { responses: { 200: list('channels', inbox.channel) } }),
  r('POST', '/api/v1/channels', 'channels', 'Connect a Meta page or an X account', { body: inbox.channelBody, responses: { 201: created } }),
  r('POST', '/api/v1/channels/webchat', 'webchat', 'Add a site chat', { body: webchat.addWebchatBody, responses: { 201: created } }),
  r('GET', '/api/v1/channels/{id}/webchat', 'webchat', 'A site chat\'s settings, identify secret and snippet', { params: idParam, responses: { 200: webchat.webchatChannelView } }),
  r('POST', '/api/v1/channels/{id}/webchat/identify-secret', 'webchat', 'Rotate a site chat\'s identify secret, the previous one accepted for a grace period', { params: idParam, body: z.strictObject({ graceHours: z.number().int().min(0).max(168).optional() }), responses: { 200: loose } }),
  r('PATCH', '/api/v1/channels/{id}/webchat', 'webchat', 'Change a site chat\'s settings', { params: idParam, body: webchat.webchatSettingsBody, responses: { 200: z.object({ settings: webchat.webchatSettings }) } }),
  // Automation.
  r('GET', '/api/v1/rules', 'automation', 'Automation rules in order', { responses: { 200: list('rules', automation.rule) } }),
  r('POST', '/api/v1/rules', 'automation', 'Create a rule', { body: automation.ruleDraftBody, responses: { 201: automation.rule } }),
  r('POST', '/api/v1/rules/dry-run', 'automation', 'Which recent messages a draft rule would have matched', { body: automation.dryRunBody, responses: { 200: automation.dryRunResult } }),
  r('POST', '/api/v1/rules/reorder', 'automation', 'Put the rules in this order', { body: automation.reorderBody, responses: none }),
  r('PATCH', '/api/v1/rules/{id}', 'automation', 'Change a rule (a new version)', { params: idParam, body: automation.ruleDraftBody, responses: { 200: automation.rule } }),
  r('POST', '/api/v1/rules/{id}/enabled', 'automation', 'Turn a rule on or off', { params: idParam, body: automation.enabledBody, responses: none }),
  r('DELETE', '/api/v1/rules/{id}', 'automation', 'Delete a rule', { params: idParam, responses: none }),
  r('GET', '/api/v1/charter', 'automation', 'The moderation charter', { responses: { 200: automation.charter } }),
  r('PUT', '/api/v1/charter', 'automation', 'Save a new version of the charter', { body: automation.charterBody, responses: { 200: automation.charter } }),
  r('GET', '/api/v1/voice', 'automation', 'The brand voice', { responses: { 200: automation.voiceView } }),
  r('PUT', '/api/v1/voice', 'automation', 'Save the brand voice', { body: automation.voiceSettings, responses: { 200: automation.voiceView } }),
  r('POST', '/api/v1/voice/check', 'automation', 'Voice warnings for a draft reply', { body: automation.voiceCheckBody, responses: { 200: list('warnings', automation.voiceWarning) } }),
  r('GET', '/api/v1/notifications', 'automation', 'The caller\'s notifications', { responses: { 200: z.object({ notifications: z.array(automation.notification), unread: z.number() }) } }),
  r('POST', '/api/v1/notifications/read', 'automation', 'Mark one or all notifications read', { body: automation.notificationsReadBody, responses: none }),
  // Routing and SLA.
  r('GET', '/api/v1/care-settings', 'routing', 'Business hours and SLA policies: defaults and stored', { responses: { 200: routing.careSettingsList } }),
  r('PATCH', '/api/v1/care-settings', 'routing', 'Store hours or policies for the workspace or a channel', { body: routing.careSettingsBody, responses: { 200: routing.storedCareSettings } }),
  r('GET', '/api/v1/holidays', 'routing', 'French public holidays of a year', { query: routing.holidaysQuery, responses: { 200: list('holidays', z.object({ date: z.string(), name: z.string() })) } }),
  r('GET', '/api/v1/teams', 'routing', 'Routing teams', { responses: { 200: list('teams', routing.team) } }),
  r('POST', '/api/v1/teams', 'routing', 'Create a team', { body: routing.teamBody, responses: { 201: routing.team } }),
  r('PATCH', '/api/v1/teams/{id}', 'routing', 'Change a team', { params: idParam, body: routing.teamBody, responses: { 200: routing.team } }),
  r('DELETE', '/api/v1/teams/{id}', 'routing', 'Delete a team', { params: idParam, responses: none }),
  r('GET', '/api/v1/availability', 'routing', 'Agents\' availability', { responses: { 200: list('agents', routing.agentAvailability) } }),
  // Commerce.
  r('GET', '/api/v1/recovery/settings', 'commerce', 'Cart recovery settings', { responses: { 200: commerce.recoverySettings } }),
  r('PUT', '/api/v1/recovery/settings', 'commerce', 'Save cart recovery settings', { body: commerce.recoverySettings, responses: { 200: commerce.recoverySettings } }),
  r('POST', '/api/v1/recovery/preview', 'commerce', 'Render a recovery message as a customer would read it', { body: commerce.previewBody, responses: { 200: z.object({ text: z.string() }) } }),
  r('POST', '/api/v1/contacts/{id}/opt-out', 'commerce', 'Stop or allow automated messages to a contact', { params: idParam, body: commerce.optOutBody, responses: none }),
  r('GET', '/api/v1/promo-codes', 'commerce', 'Promo codes Relais made or mapped', { responses: { 200: list('promoCodes', commerce.promoCode) } }),
  r('POST', '/api/v1/promo-codes/map', 'commerce', 'Tie a shop code to a channel, post or agent', { body: commerce.mapPromoCodeBody, responses: { 201: z.object({ id, reattributed: z.number() }) } }),
  r('GET', '/api/v1/reports/attribution', 'commerce', 'Revenue attributed to social, per channel, model and agent', { query: commerce.attributionQuery, responses: { 200: commerce.attributionReport } }),
  r('GET', '/api/v1/orders', 'commerce', 'Orders of a customer (by email or contact)', { query: commerce.ordersQuery, responses: { 200: list('orders', commerce.order) } }),
  r('GET', '/api/v1/contacts/{id}/commerce', 'commerce', 'The customer panel: shop customers, orders, carts, suggestions', { params: idParam, responses: { 200: z.object({ commerce: commerce.customerCommerce, suggestions: z.array(commerce.linkSuggestion) }) } }),
  r('POST', '/api/v1/contacts/{id}/shop-links', 'commerce', 'Link a shop customer (or an order\'s) to the contact', { params: idParam, body: commerce.shopLinkBody, responses: { 201: commerce.shopLink } }),
  r('DELETE', '/api/v1/contacts/{id}/shop-links/{shopCustomerId}', 'commerce', 'Unlink a shop customer', { params: commerce.shopLinkParams, responses: none }),
  r('POST', '/api/v1/shops', 'commerce', 'Connect a Shopify or WooCommerce shop', { body: commerce.shopBody, responses: { 201: z.object({ id, webhookUrl: z.string() }) } }),
  r('POST', '/api/v1/shops/{id}/reconcile', 'commerce', 'Pull what changed in a shop now', { params: idParam, responses: { 202: queued } }),
  // Privacy.
  r('POST', '/api/v1/contacts/{id}/export', 'privacy', 'Export everything held on a contact (GDPR)', { params: idParam, responses: { 200: commerce.privacyExport } }),
  r('POST', '/api/v1/contacts/{id}/erase', 'privacy', 'Erase a contact (GDPR)', { params: idParam, body: commerce.eraseBody, responses: { 200: commerce.erasure } }),
  r('GET', '/api/v1/privacy/retention', 'privacy', 'How long conversations are kept', { responses: { 200: commerce.retentionView } }),
  r('PUT', '/api/v1/privacy/retention', 'privacy', 'Keep conversations for this many months (null: always)', { body: commerce.retentionBody, responses: { 200: commerce.retentionView } }),
  r('GET', '/api/v1/privacy/exports', 'privacy', 'Stored exports, shop requests included', { responses: { 200: list('exports', commerce.privacyExportSummary) } }),
  r('GET', '/api/v1/privacy/exports/{id}', 'privacy', 'One stored export', { params: idParam, responses: { 200: commerce.privacyExport } }),
  // Publishing (issue 15): described loosely until its own contracts are written; each route validates its input itself. Contests (issue 16) validate their input themselves too.
  r('POST', '/api/v1/posts/validate', 'publishing', 'POST /api/v1/posts/validate', { responses: { 200: loose } }),
  r('GET', '/api/v1/posts', 'publishing', 'GET /api/v1/posts', { responses: { 200: loose } }),
  r('GET', '/api/v1/posts/calendar', 'publishing', 'GET /api/v1/posts/calendar', { responses: { 200: loose } }),
  r('GET', '/api/v1/posts/{id}', 'publishing', 'GET /api/v1/posts/:id', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('POST', '/api/v1/posts', 'publishing', 'POST /api/v1/posts', { responses: { 200: loose } }),
  r('PATCH', '/api/v1/posts/{id}', 'publishing', 'PATCH /api/v1/posts/:id', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('DELETE', '/api/v1/posts/{id}', 'publishing', 'DELETE /api/v1/posts/:id', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('POST', '/api/v1/posts/{id}/schedule', 'publishing', 'POST /api/v1/posts/:id/schedule', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('POST', '/api/v1/posts/{id}/approve', 'publishing', 'POST /api/v1/posts/:id/approve', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('POST', '/api/v1/posts/{id}/send-back', 'publishing', 'POST /api/v1/posts/:id/send-back', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('GET', '/api/v1/posts/{id}/engagement', 'publishing', 'GET /api/v1/posts/:id/engagement', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('POST', '/api/v1/posts/coach', 'publishing', 'POST /api/v1/posts/coach', { responses: { 200: loose } }),
  r('GET', '/api/v1/publishing/best-times', 'publishing', 'GET /api/v1/publishing/best-times', { responses: { 200: loose } }),
  r('GET', '/api/v1/publishing/rhythm', 'publishing', 'GET /api/v1/publishing/rhythm', { responses: { 200: loose } }),
  r('POST', '/api/v1/publishing/queue-slot', 'publishing', 'POST /api/v1/publishing/queue-slot', { responses: { 200: loose } }),
  r('GET', '/api/v1/publishing/settings', 'publishing', 'GET /api/v1/publishing/settings', { responses: { 200: loose } }),
  r('PUT', '/api/v1/publishing/settings', 'publishing', 'PUT /api/v1/publishing/settings', { responses: { 200: loose } }),
  r('GET', '/api/v1/publications/by-platform', 'publishing', 'GET /api/v1/publications/by-platform', { responses: { 200: loose } }),
  r('POST', '/api/v1/publishing/pinterest', 'publishing', 'POST /api/v1/publishing/pinterest', { responses: { 200: loose } }),
  r('GET', '/api/v1/publishing/pinterest/{channelId}/boards', 'publishing', 'GET /api/v1/publishing/pinterest/:channelId/boards', { params: z.strictObject({ channelId: z.string().min(1).max(100) }), responses: { 200: loose } }),
  r('POST', '/api/v1/media', 'publishing', 'POST /api/v1/media', { responses: { 200: loose } }),
  r('GET', '/api/v1/media', 'publishing', 'GET /api/v1/media', { responses: { 200: loose } }),
  r('GET', '/api/v1/contests', 'contests', 'The contests, newest first, with their entry counts', { responses: { 200: list('contests', contests.contestSummary) } }),
  r('GET', '/api/v1/contests/rules-template', 'contests', 'The French rules template (règlement) to start from', { responses: { 200: z.object({ template: z.string() }) } }),
  r('GET', '/api/v1/contests/posts', 'contests', 'The posts that may carry a contest', { responses: { 200: list('posts', contests.candidatePost) } }),
  r('GET', '/api/v1/contests/exclusions', 'contests', 'People kept out of every draw (blocked, the team)', { responses: { 200: list('exclusions', contests.contestExclusion) } }),
  r('PUT', '/api/v1/contests/exclusions', 'contests', 'Keep a person out of the draws, or let them back', { body: contests.exclusionBody, responses: none }),
  r('POST', '/api/v1/contests', 'contests', 'Create a contest (its seed sealed, its commitment published)', { body: contests.createContestSchema, responses: { 201: z.object({ contest: contests.contestView }) } }),
  r('GET', '/api/v1/contests/{id}', 'contests', 'A contest, its entry counts (refreshed) and its winners', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: contests.contestDetail } }),
  r('GET', '/api/v1/contests/{id}/entries', 'contests', 'A contest\'s entries, each with its reason', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: contests.contestEntries } }),
  r('POST', '/api/v1/contests/{id}/draw', 'contests', 'Run the verifiable draw (once, after the end)', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: contests.drawOutcome } }),
  r('POST', '/api/v1/contests/{id}/notify', 'contests', 'Tell the winners through the inbox', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: list('winners', contests.contestWinner) } }),
  r('GET', '/api/v1/contests/{id}/winners', 'contests', 'Winners and alternates, with how each was told', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: list('winners', contests.contestWinner) } }),
  r('GET', '/api/v1/contests/{id}/proof', 'contests', 'The proof bundle that re-runs the draw', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: contests.proofBundle } }),
  r('GET', '/api/v1/contests/{id}/entries.csv', 'contests', 'GET /api/v1/contests/:id/entries.csv', { params: z.strictObject({ id: z.string().min(1).max(100) }), responses: { 200: 'text/csv' } }),
  r('GET', '/api/v1/ambassadors', 'contests', 'The ambassador leaderboard of a network over a window', { query: contests.leaderboardQuery, responses: { 200: contests.leaderboard } }),
  r('PUT', '/api/v1/ambassadors/settings', 'contests', 'Set the score from which a customer counts as an ambassador', { body: contests.ambassadorSettingsBody, responses: { 200: contests.ambassadorThreshold } }),
  r('POST', '/api/v1/ambassadors/{id}/code', 'contests', 'A personal promo code for an ambassador (the existing one when asked again)', { params: z.strictObject({ id: z.string().min(1).max(100) }), body: contests.ambassadorCodeBody, responses: { 201: contests.ambassadorCode, 200: contests.ambassadorCode } }),
  // Reports (issue 17): a period as `from`/`to` (local dates or instants) and a scope; the drill adds the figure's filters and a page.
  r('GET', '/api/v1/reports/response-times', 'reports', 'Response times over a period', { query: reports.reportPeriodQuery, responses: { 200: reports.responseTimesAnswer } }),
  r('GET', '/api/v1/reports/sentiment', 'reports', 'Sentiment shares over a period', { query: reports.reportPeriodQuery, responses: { 200: reports.sentimentAnswer } }),
  r('GET', '/api/v1/reports/care', 'reports', 'Care figures over a period', { query: reports.reportPeriodQuery, responses: { 200: reports.careAnswer } }),
  r('GET', '/api/v1/reports/commerce', 'reports', 'Commerce figures over a period', { query: reports.reportPeriodQuery, responses: { 200: reports.commerceReport } }),
  r('GET', '/api/v1/reports/drill', 'reports', 'The conversations, messages or orders behind a figure', { responses: { 200: reports.drillPage } }),
  r('GET', '/api/v1/reports/drill.csv', 'reports', 'The same, as CSV', { responses: { 200: 'text/csv' } }),
  r('POST', '/api/v1/reports/exports', 'reports', 'Start a report export', { responses: { 202: created } }),
  r('GET', '/api/v1/reports/exports/{id}', 'reports', 'An export\'s state', { params: idParam, responses: { 200: reports.reportExport } }),
  r('GET', '/api/v1/reports/exports/{id}/download', 'reports', 'Download a finished export', { params: idParam, responses: { 200: 'text/csv' } }),
  r('POST', '/api/v1/reports/rebuild', 'reports', 'Rebuild the report rollups (answers how many conversations were recomputed)', { responses: { 200: reports.rebuildAnswer } }),
  // Outgoing webhooks (docs/webhooks.md).
  r('GET', '/api/v1/webhooks', 'webhooks', 'Webhook subscriptions, and the events one can choose', { responses: { 200: z.object({ subscriptions: z.array(webhooks.webhookSubscription), events: z.array(webhooks.subscribableEvent) }) } }),
  r('POST', '/api/v1/webhooks', 'webhooks', 'Subscribe a URL to events; the signing secret is in this answer only', { body: webhooks.webhookCreateBody, responses: { 201: z.object({ subscription: webhooks.webhookSubscription, secret: z.string() }) } }),
  r('GET', '/api/v1/webhooks/{id}', 'webhooks', 'One subscription', { params: idParam, responses: { 200: webhooks.webhookSubscription } }),
  r('PATCH', '/api/v1/webhooks/{id}', 'webhooks', 'Change a subscription\'s URL, events or description, or turn it on or off', { params: idParam, body: webhooks.webhookUpdateBody, responses: { 200: webhooks.webhookSubscription } }),
  r('DELETE', '/api/v1/webhooks/{id}', 'webhooks', 'Delete a subscription and its delivery log', { params: idParam, responses: none }),
  r('POST', '/api/v1/webhooks/{id}/secret', 'webhooks', 'Rotate the signing secret; the previous one still signs for 24 hours', { params: idParam, responses: { 200: webhooks.webhookSecret } }),
  r('POST', '/api/v1/webhooks/{id}/test', 'webhooks', 'Send a `webhook.test` event now', { params: idParam, responses: { 202: webhooks.webhookDelivery } }),
  r('GET', '/api/v1/webhooks/{id}/deliveries', 'webhooks', 'The subscription\'s delivery log, newest first', { params: idParam, query: webhooks.webhookDeliveriesQuery, responses: { 200: list('deliveries', webhooks.webhookDelivery) } }),
  r('POST', '/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay', 'webhooks', 'Send a delivery again (same webhook-id, new timestamp and signature)', { params: webhooks.webhookDeliveryParams, responses: { 202: webhooks.webhookDelivery } }),
];

/** `/api/v1/conversations/{id}` (OpenAPI) → `/api/v1/conversations/:id` (Fastify). */
export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
