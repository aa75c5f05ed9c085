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
