import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../store/testing.ts';
import { addMember, Browser, setUpOwner, startTestRelais, type TestRelais } from './testing.ts';

const dialects = await testDialects();

// Two shops on one installation: Léa's (A) and Marc's (B), who share nothing.
describe.each(dialects)('tenant isolation on %s', (dialect) => {
  let relais: TestRelais;
  let ownerA: Browser;
  let ownerB: Browser;
  const b = { workspaceId: '', memberId: '', invitationId: '', tokenId: '' };

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    ownerA = await setUpOwner(relais.app);
    ownerB = await addMember(relais.app, ownerA, 'marc@autre-boutique.fr', 'agent', 'Marc');
    // Marc creates his own shop, then leaves Léa's: from here on he and Léa share nothing.
    const created = await ownerB.post('/api/v1/workspaces', { name: 'Boutique Marc' });
    b.workspaceId = created.body.workspace.id;
    const marcId = created.body.user.id;
    expect((await ownerA.delete(`/api/v1/members/${marcId}`)).status).toBe(204);
    const staffB = await addMember(relais.app, ownerB, 'staff@autre-boutique.fr', 'agent', 'Staff B');
    b.memberId = (await staffB.get('/api/v1/me')).body.user.id;
    b.invitationId = (await ownerB.post('/api/v1/invitations', { email: 'pending@autre-boutique.fr', role: 'agent' })).body.invitation.id;
    b.tokenId = (await ownerB.post('/api/v1/tokens', { name: 'B bot', role: 'admin' })).body.token.id;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('answers 404 to workspace A on every resource of workspace B, and changes nothing', async () => {
    const attempts = [
      ['PATCH', `/api/v1/members/${b.memberId}`, { role: 'admin' }, 'member.not_found'],
      ['DELETE', `/api/v1/members/${b.memberId}`, undefined, 'member.not_found'],
      ['DELETE', `/api/v1/invitations/${b.invitationId}`, undefined, 'invitation.not_found'],
      ['DELETE', `/api/v1/tokens/${b.tokenId}`, undefined, 'token.not_found'],
      ['POST', '/api/v1/me/workspace', { workspaceId: b.workspaceId }, 'workspace.not_found'],
    ] as const;
    for (const [method, url, body, code] of attempts) {
      const reply = await ownerA.request(method, url, body);
      expect(reply.status, `${method} ${url}`).toBe(404);
      expect(reply.body.error.code).toBe(code);
    }
    const membersB = (await ownerB.get('/api/v1/members')).body.members;
    expect(membersB.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['Marc', 'owner'], ['Staff B', 'agent']]);
    expect((await ownerB.get('/api/v1/invitations')).body.invitations).toHaveLength(1);
    expect((await ownerB.get('/api/v1/tokens')).body.tokens).toHaveLength(1);
  });

  it('lists only the caller workspace in members, invitations, tokens and audit', async () => {
    const members = (await ownerA.get('/api/v1/members')).body.members.map((m: { email: string }) => m.email);
    expect(members).toEqual(['lea@boutique-lea.fr']);
    expect((await ownerA.get('/api/v1/invitations')).body.invitations).toEqual([]);
    expect((await ownerA.get('/api/v1/tokens')).body.tokens).toEqual([]);
    const audit = (await ownerA.get('/api/v1/audit')).body.entries as { targetId: string | null }[];
    expect(audit.some((entry) => [b.memberId, b.invitationId, b.tokenId, b.workspaceId].includes(entry.targetId ?? ''))).toBe(false);
    expect((await ownerA.get('/api/v1/me')).body.workspaces.map((w: { name: string }) => w.name)).toEqual(['Boutique Léa']);
  });

  it('answers 404 to workspace A on B\'s conversations, messages, contacts, labels and sends', async () => {
    const db = relais.store.db;
    const now = relais.clock.now();
    const ws = b.workspaceId;
    await db.insertInto('channels').values({ workspace_id: ws, id: 'ch_b', kind: 'meta', name: 'B page', external_id: '999', settings: '{}', secrets: null, status: 'active', created_at: now, updated_at: now }).execute();
    await db.insertInto('contacts').values({ workspace_id: ws, id: 'ct_b', name: 'Client B', email: null, phone: null, avatar_url: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('conversations').values({ workspace_id: ws, id: 'cv_b', channel_id: 'ch_b', contact_id: 'ct_b', kind: 'public', status: 'open', external_thread_id: 'comment:1', subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: now, created_at: now, updated_at: now }).execute();
    await db.insertInto('messages').values({ workspace_id: ws, id: 'm_b', conversation_id: 'cv_b', channel_id: 'ch_b', direction: 'in', kind: 'comment', author_type: 'contact', author_id: 'ct_b', text: 'secret de B', external_id: '1', attachments: '[]', meta: '{}', platform_created_at: now, created_at: now, edited_at: null, platform_updated_at: null, reply_to_external_id: null }).execute();
    await db.insertInto('labels').values({ workspace_id: ws, id: 'lb_b', name: 'B', color: '#000000', created_at: now }).execute();
    await db.insertInto('outbound').values({ workspace_id: ws, id: 'ob_b', message_id: 'm_b', conversation_id: 'cv_b', channel_id: 'ch_b', idempotency_key: 'k', state: 'failed', failure_kind: 'permanent', failure_reason: 'x', attempts: 1, platform_id: null, created_at: now, updated_at: now, sent_at: null, action: '{}', action_type: 'hide', target_external_id: '1' }).execute();
    const ownLabel = (await ownerA.post('/api/v1/labels', { name: 'A', color: '#ffffff' })).body.id;
    const attempts = [
      ['GET', '/api/v1/conversations/cv_b', undefined],
      ['GET', '/api/v1/conversations/cv_b/policy', undefined],
      ['PATCH', '/api/v1/conversations/cv_b', { status: 'resolved' }],
      ['POST', '/api/v1/conversations/cv_b/messages', { text: 'intrusion', visibility: 'note' }],
      ['POST', '/api/v1/conversations/cv_b/labels', { labelId: ownLabel }],
      ['POST', '/api/v1/messages/m_b/hide', {}],
      ['POST', '/api/v1/messages/m_b/classification', { sentiment: 'positive' }],
      ['GET', '/api/v1/contacts/ct_b', undefined],
      ['POST', '/api/v1/contacts/ct_b/notes', { text: 'x' }],
      ['PATCH', '/api/v1/labels/lb_b', { name: 'pris', color: '#111111' }],
      ['DELETE', '/api/v1/labels/lb_b', undefined],
      ['POST', '/api/v1/outbound/ob_b/retry', undefined],
    ] as const;
    for (const [method, url, body] of attempts) {
      const reply = await ownerA.request(method, url, body);
      expect(reply.status, `${method} ${url}`).toBe(404);
    }
    expect((await ownerA.get('/api/v1/conversations')).body.conversations).toEqual([]);
    expect((await ownerA.get('/api/v1/conversations?q=secret')).body.conversations).toEqual([]);
    const untouched = await db.selectFrom('conversations').select(['status']).where('id', '=', 'cv_b').executeTakeFirstOrThrow();
    expect(untouched.status).toBe('open');
    expect(await db.selectFrom('messages').select('id').where('workspace_id', '=', ws).execute()).toHaveLength(1);
    expect((await db.selectFrom('outbound').select('state').where('id', '=', 'ob_b').executeTakeFirstOrThrow()).state).toBe('failed');
  });

  it('keeps an API token inside its workspace', async () => {
    const { secret } = (await ownerA.post('/api/v1/tokens', { name: 'A bot', role: 'admin' })).body;
    const headers = { authorization: `Bearer ${secret}` };
    const me = await relais.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json()).toMatchObject({ workspace: { name: 'Boutique Léa' }, role: 'admin', via: 'token', user: null });
    const revoke = await relais.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${b.tokenId}`, headers });
    expect(revoke.statusCode).toBe(404);
    const hop = await relais.app.inject({ method: 'POST', url: '/api/v1/me/workspace', headers, payload: { workspaceId: b.workspaceId } });
    expect(hop.statusCode).toBe(403);
  });
});
